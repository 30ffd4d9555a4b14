/**
 * Examples at the end of each command's `--help`: the few invocations a new user needs, so help shows
 * how as well as what. Keyed by the command's path (`prices refresh`).
 */
import type { Command } from 'commander';

const EXAMPLES: Readonly<Record<string, readonly [command: string, what: string][]>> = {
  advise: [
    ['ecs-or-eks advise', 'the questionnaire, then the advice'],
    ['ecs-or-eks advise --save workload.yaml', 'the same, keeping the answers to replay'],
    ['ecs-or-eks advise --input workload.yaml', 'advice for a workload file, no questions'],
    ['ecs-or-eks advise -i workload.yaml -f markdown -o decision.md', 'a decision record for a design review'],
    ['ecs-or-eks advise -i workload.yaml -f json | jq .recommendation', 'for scripts and CI'],
    ['ecs-or-eks advise -i workload.yaml -r eu-west-1 -u 50', 'another Region, EC2 at 50 % utilisation'],
    ['ecs-or-eks advise --import k8s/ --save workload.yaml', 'start from Kubernetes manifests; asks only what they cannot say'],
  ],
  init: [
    ['ecs-or-eks init', 'writes ./workload.yaml'],
    ['ecs-or-eks init services/checkout.yaml', 'writes it elsewhere'],
    ['ecs-or-eks init - | less', 'prints the template'],
  ],
  validate: [
    ['ecs-or-eks validate workload.yaml', 'every problem as FILE:LINE:COL  path  message; exit 0 or 2'],
    ['ecs-or-eks import k8s/ | ecs-or-eks validate -', 'checks a file read from stdin'],
  ],
  import: [
    ['ecs-or-eks import k8s/', 'a draft workload.yaml from a folder of manifests, to stdout'],
    ['ecs-or-eks import task-definitions.json -o workload.yaml', 'from ECS task definitions, to a file'],
    ['terraform show -json plan.out > plan.json && ecs-or-eks import plan.json', 'from a Terraform plan'],
    ['ecs-or-eks import docker-compose.yml | ecs-or-eks advise -i -', 'straight to advice'],
  ],
  prices: [
    ['ecs-or-eks prices show', 'the prices advise would use'],
    ['ecs-or-eks prices refresh --region eu-west-1', 'fetch live prices into the cache (needs AWS credentials)'],
  ],
  'prices refresh': [
    ['ecs-or-eks prices refresh', 'the Region of AWS_REGION, else us-east-1'],
    ['ecs-or-eks prices refresh --region eu-west-1 us-east-2', 'several Regions'],
  ],
  'prices show': [
    ['ecs-or-eks prices show --region eu-west-1', 'what advise would use there'],
    ['ecs-or-eks prices show --prices snapshot --format json', 'the bundled prices, as JSON'],
  ],
  rules: [
    ['ecs-or-eks rules', 'every rule with its trigger, effect and source'],
    ['ecs-or-eks rules --format markdown > rules.md', 'for a wiki page'],
  ],
  cases: [
    ['ecs-or-eks cases', 'the case studies and their sources'],
    ['ecs-or-eks cases --format json', 'for scripts'],
  ],
  diff: [
    ['ecs-or-eks diff today.yaml proposed.yaml', 'how the answer and every cost change'],
    ['ecs-or-eks diff a.yaml b.yaml --format markdown', 'for a pull request'],
    ['ecs-or-eks diff main/ services/ --fail-on recommendation-change', 'a CI gate over a folder (exit 4)'],
  ],
  comment: [
    ['ecs-or-eks comment report.md', 'post or update the comment (GITHUB_* from the runner)'],
    ['ecs-or-eks diff a.yaml b.yaml -f markdown | ecs-or-eks comment -', 'from stdin'],
    ['ecs-or-eks comment report.md --pr 42', 'on a given pull request'],
  ],
  schema: [['ecs-or-eks schema > workload.schema.json', 'the JSON Schema, for editors']],
};

function pathOf(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Adds an "Examples:" section after the help of every command (and subcommand) that has some. */
export function addExamples(program: Command): void {
  const visit = (command: Command): void => {
    const examples = EXAMPLES[pathOf(command)];
    if (examples) {
      // Two columns when they fit in 80; otherwise each example on two lines.
      const width = Math.max(...examples.map(([c]) => c.length));
      const fits = examples.every(([, what]) => 4 + width + 2 + what.length <= 80);
      const lines = examples.map(([c, what]) => (fits ? `  $ ${c.padEnd(width)}  ${what}` : `  $ ${c}\n      ${what}`));
      command.addHelpText('after', `\nExamples:\n${lines.join('\n')}\n`);
    }
    for (const child of command.commands) visit(child);
  };
  visit(program);
}
