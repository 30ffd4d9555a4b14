/**
 * The interactive questionnaire (issue 5): the interview, its prompter adapter, the answers review,
 * and the commented `workload.yaml` writers (`advise --save`, `init`).
 */
export {
  createInquirerPrompter,
  createScriptedPrompter,
  isPromptCancelled,
  type CheckboxQuestion,
  type Choice,
  type ConfirmQuestion,
  type InputQuestion,
  type NumberQuestion,
  type PromptContext,
  type Prompter,
  type ScriptedAnswer,
  type ScriptedPrompter,
  type SelectQuestion,
  type Verdict,
} from './prompter.js';
export { runQuestionnaire, INTERVIEW_DEFAULTS, type QuestionnaireOptions } from './interview.js';
export { QUESTIONS, type QuestionId, type QuestionText } from './questions.js';
export { renderAnswersReview } from './review.js';
export { FIELD_NOTES, INIT_TEMPLATE, TEMPLATE_WORKLOAD, renderWorkloadYaml } from './yaml.js';
