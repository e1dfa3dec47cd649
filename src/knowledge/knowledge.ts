// The validated knowledge base as plain data (what the loader returns and the engine reads).
import type { HpoVocabulary } from './hpo.js';
import type {
  Antibody,
  DeltaP,
  Finding,
  Lab,
  Model,
  Pattern,
  PnsCare,
  Reference,
  Rescreen,
  SeedCoverage,
  Syndrome,
  Tumour,
  Version,
} from './schema.js';
import type { Drug, Physio, Remedy } from './treatment-schema.js';

/** The whole validated knowledge base, as plain data. */
export interface Knowledge {
  readonly version: Version;
  readonly model: Model;
  readonly syndromes: readonly Syndrome[];
  readonly findings: readonly Finding[];
  readonly antibodies: readonly Antibody[];
  readonly tumours: readonly Tumour[];
  readonly labs: readonly Lab[];
  readonly patterns: readonly Pattern[];
  readonly drugs: readonly Drug[];
  readonly remedies: readonly Remedy[];
  readonly physio: readonly Physio[];
  readonly references: readonly Reference[];
  readonly criteria: { readonly pnsCare: PnsCare; readonly deltaP: DeltaP; readonly rescreen: Rescreen };
  /** Coverage map of the source article (absent only while it is being written). */
  readonly seedCoverage?: SeedCoverage;
  readonly hpo: HpoVocabulary;
}
