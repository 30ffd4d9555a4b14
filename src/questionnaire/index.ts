/**
 * The interactive questionnaire: the interview, its prompter adapter, the answers review,
 * and the commented `workload.yaml` writers (`advise --save`, `init`).
 */
export { createInquirerPrompter, createScriptedPrompter, isPromptCancelled, type ScriptedAnswer } from './prompter.js';
export { pairedMemory, runQuestionnaire, type ImportedAnswers, type QuestionnaireOptions } from './interview.js';
export { QUESTIONS } from './questions.js';
export { renderAnswersReview } from './review.js';
export { FIELD_NOTES, INIT_TEMPLATE, TEMPLATE_WORKLOAD, renderWorkloadYaml } from './yaml.js';
