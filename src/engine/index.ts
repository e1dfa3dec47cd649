// Paraneo engine: pure functions from (Case, KnowledgeIndex) to Assessment. No I/O, no clock, no randomness.

export type { PanelItem } from './antibody-panel.js';
export { assess } from './assess.js';
export type {
  AssessedFinding,
  Assessment,
  Citation,
  Contribution,
  LabResult,
  PnsVerdict,
  RankedSyndrome,
  RankedTumour,
  TumourReason,
  Warning,
} from './assessment.js';
export { DISCLAIMER } from './assessment.js';
export type { DeltaPItem, DeltaPResult } from './criteria/delta-p.js';
export type { PnsCareItem, PnsCareLevel, PnsCareResult, PnsCareUnknown } from './criteria/pns-care.js';
export type { PatternItem, PatternOutcome, PatternResult, ValueUsed } from './patterns/index.js';
export type { ScreeningItem } from './screening.js';
export type {
  DoseCheck,
  DoseVerdict,
  PhysioAssessment,
  PlanItem,
  RemedyAssessment,
  SafetyFlag,
  SyndromePlan,
  Treatment,
} from './treatment/types.js';
export type { WorkupItem } from './workup.js';
