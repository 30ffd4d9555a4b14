/** What the CLI takes from outside that tests replace: the version, the live price fetcher, the prompter. */
import type { Prompter } from '../questionnaire/prompter.js';
import type { LiveFetcher } from './prices/refresh.js';

export interface ProgramDeps {
  version: string;
  /** Live Price List fetcher; tests inject a fake or point the real one at a local server. */
  fetchLive?: LiveFetcher;
  /** The questionnaire's prompter; tests inject a scripted one. */
  prompter?: () => Prompter;
}
