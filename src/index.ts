// Paraneo's public API, grouped by layer. The engine and knowledge sub-paths import without any server dependency.

// Case: the native JSON contract and its normalisation.
export { parseCase } from './case/parse.js';
export type { Case, CaseInput, CaseIssue, ParseCaseResult, Unrecognised } from './case/schema.js';
// Engine: the pure assessment.
export { assess } from './engine/assess.js';
export type { Assessment, Contribution, RankedSyndrome, RankedTumour, Warning } from './engine/assessment.js';
export { DISCLAIMER } from './engine/assessment.js';
// Knowledge: load, validate and index the cited, coded knowledge base.
export { buildKnowledgeIndex, type KnowledgeIndex } from './knowledge/index.js';
export { formatIssue, type KnowledgeIssue } from './knowledge/issues.js';
export type { Knowledge } from './knowledge/knowledge.js';
export { loadKnowledge } from './knowledge/load.js';
export { knowledgePaths } from './knowledge/paths.js';

// Renderers.
export { renderText } from './render/text.js';
