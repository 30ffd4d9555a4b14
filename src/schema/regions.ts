/**
 * The AWS Regions a workload may name: every commercial Region (partition `aws`) and the two AWS
 * GovCloud (US) Regions (partition `aws-us-gov`), with their names. A region outside this list is an
 * input error with a "did you mean"; a listed region that the price data does not cover is accepted
 * and priced with estimates (the pricing says so).
 *
 * Source: botocore `partitions.json` at commit 0e6e240 (2026-08-07),
 * https://github.com/boto/botocore/blob/0e6e2404b85dc336dd2889814e089bde7d1a4c55/botocore/data/partitions.json
 * — the same list as AWS's "AWS Regions" page,
 * https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html
 */
import { closestAll, orList } from './suggest.js';

export interface AwsRegion {
  code: string;
  name: string;
  partition: 'aws' | 'aws-us-gov';
}

export const AWS_REGIONS: readonly AwsRegion[] = [
  { code: 'af-south-1', name: 'Africa (Cape Town)', partition: 'aws' },
  { code: 'ap-east-1', name: 'Asia Pacific (Hong Kong)', partition: 'aws' },
  { code: 'ap-east-2', name: 'Asia Pacific (Taipei)', partition: 'aws' },
  { code: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)', partition: 'aws' },
  { code: 'ap-northeast-2', name: 'Asia Pacific (Seoul)', partition: 'aws' },
  { code: 'ap-northeast-3', name: 'Asia Pacific (Osaka)', partition: 'aws' },
  { code: 'ap-south-1', name: 'Asia Pacific (Mumbai)', partition: 'aws' },
  { code: 'ap-south-2', name: 'Asia Pacific (Hyderabad)', partition: 'aws' },
  { code: 'ap-southeast-1', name: 'Asia Pacific (Singapore)', partition: 'aws' },
  { code: 'ap-southeast-2', name: 'Asia Pacific (Sydney)', partition: 'aws' },
  { code: 'ap-southeast-3', name: 'Asia Pacific (Jakarta)', partition: 'aws' },
  { code: 'ap-southeast-4', name: 'Asia Pacific (Melbourne)', partition: 'aws' },
  { code: 'ap-southeast-5', name: 'Asia Pacific (Malaysia)', partition: 'aws' },
  { code: 'ap-southeast-6', name: 'Asia Pacific (New Zealand)', partition: 'aws' },
  { code: 'ap-southeast-7', name: 'Asia Pacific (Thailand)', partition: 'aws' },
  { code: 'ca-central-1', name: 'Canada (Central)', partition: 'aws' },
  { code: 'ca-west-1', name: 'Canada West (Calgary)', partition: 'aws' },
  { code: 'eu-central-1', name: 'Europe (Frankfurt)', partition: 'aws' },
  { code: 'eu-central-2', name: 'Europe (Zurich)', partition: 'aws' },
  { code: 'eu-north-1', name: 'Europe (Stockholm)', partition: 'aws' },
  { code: 'eu-south-1', name: 'Europe (Milan)', partition: 'aws' },
  { code: 'eu-south-2', name: 'Europe (Spain)', partition: 'aws' },
  { code: 'eu-west-1', name: 'Europe (Ireland)', partition: 'aws' },
  { code: 'eu-west-2', name: 'Europe (London)', partition: 'aws' },
  { code: 'eu-west-3', name: 'Europe (Paris)', partition: 'aws' },
  { code: 'il-central-1', name: 'Israel (Tel Aviv)', partition: 'aws' },
  { code: 'me-central-1', name: 'Middle East (UAE)', partition: 'aws' },
  { code: 'me-south-1', name: 'Middle East (Bahrain)', partition: 'aws' },
  { code: 'mx-central-1', name: 'Mexico (Central)', partition: 'aws' },
  { code: 'sa-east-1', name: 'South America (Sao Paulo)', partition: 'aws' },
  { code: 'us-east-1', name: 'US East (N. Virginia)', partition: 'aws' },
  { code: 'us-east-2', name: 'US East (Ohio)', partition: 'aws' },
  { code: 'us-west-1', name: 'US West (N. California)', partition: 'aws' },
  { code: 'us-west-2', name: 'US West (Oregon)', partition: 'aws' },
  { code: 'us-gov-east-1', name: 'AWS GovCloud (US-East)', partition: 'aws-us-gov' },
  { code: 'us-gov-west-1', name: 'AWS GovCloud (US-West)', partition: 'aws-us-gov' },
];

/**
 * Real Regions of partitions the tool does not cover (same botocore source): named in the message, so
 * `cn-north-1` is not answered with "did you mean us-north-1".
 */
const OTHER_PARTITIONS: Readonly<Record<string, string>> = {
  'cn-north-1': 'the AWS China partition',
  'cn-northwest-1': 'the AWS China partition',
  'eusc-de-east-1': 'the AWS European Sovereign Cloud',
};

const BY_CODE = new Map(AWS_REGIONS.map((r) => [r.code, r]));
const CODES = AWS_REGIONS.map((r) => r.code);

/** Whether `code` is one of the Regions above. */
export function isRegionCode(code: string): boolean {
  return BY_CODE.has(code);
}

/** The Region's name (`US East (N. Virginia)`), or undefined for a code outside the list. */
export function regionName(code: string): string | undefined {
  return BY_CODE.get(code)?.name;
}

/** The Region codes nearest to `code` (a typo of one), at most three, nearest first. */
export function suggestRegions(code: string): string[] {
  const lower = code.trim().toLowerCase();
  if (BY_CODE.has(lower)) return [lower];
  return closestAll(lower, CODES, 3);
}

/**
 * Why `code` is not accepted, with a "did you mean", or undefined when it is a Region of the list.
 * `what` names the field (`region`, `registryRegion`, `--region`).
 */
export function regionProblem(code: string, what = 'region'): string | undefined {
  if (BY_CODE.has(code)) return undefined;
  const shown = JSON.stringify(code.length > 40 ? `${code.slice(0, 39)}…` : code);
  const partition = OTHER_PARTITIONS[code.trim().toLowerCase()];
  if (partition) {
    return `${what} ${shown} is in ${partition}, which this tool does not price; use a commercial or AWS GovCloud (US) Region such as us-east-1`;
  }
  const near = suggestRegions(code);
  const hint =
    near.length > 0
      ? `did you mean ${orList(near)}?`
      : 'use a Region code such as us-east-1, eu-west-1 or ap-southeast-2 (the 34 commercial Regions and the 2 AWS GovCloud (US) Regions are known)';
  return `${what} ${shown} is not an AWS Region; ${hint}`;
}
