// Shared shapes of the lab-pattern modules: each reads interpreted labs and returns met / not-met / unknown.
import type { Case } from '../../case/schema.js';
import type { KnowledgeIndex } from '../../knowledge/index.js';
import type { Citation, LabResult } from '../assessment.js';
import type { ObservedFinding } from '../likelihood.js';

export type PatternOutcome = 'met' | 'not-met' | 'unknown';

/** One lab value a pattern used, in the lab's canonical unit. */
export interface ValueUsed {
  readonly lab: string;
  readonly value?: number;
  readonly unit?: string;
  readonly interpretation: LabResult['interpretation'];
}

/** One scored item of a point-based pattern (e.g. the ISTH DIC score). */
export interface PatternItem {
  readonly itemId: string;
  readonly points: number | null;
  readonly valueUsed: string;
}

export interface PatternResult {
  readonly id: string;
  readonly name: string;
  readonly result: PatternOutcome;
  /** Grade or subtype where the pattern defines one (e.g. "moderate", "humoral (PTHrP)"). */
  readonly grade?: string;
  /** Computed value (e.g. corrected calcium, DIC score). */
  readonly value?: number;
  readonly unit?: string;
  readonly items?: readonly PatternItem[];
  readonly valuesUsed: readonly ValueUsed[];
  readonly missing: readonly string[];
  readonly explanation: string;
  /** Drugs in the case that cause the same pattern: alternative explanations to weigh before calling it paraneoplastic. */
  readonly alternatives?: ReadonlyArray<{
    readonly drug: string;
    readonly name: string;
    readonly field: string;
    readonly citations: readonly Citation[];
  }>;
  readonly citations: readonly Citation[];
}

type Emits = ReadonlyArray<{ readonly finding: string; readonly present: boolean }>;

/**
 * What a module returns; the runner adds id, name and citations from the pattern file. One class, so every module's
 * output has the same shape: sixteen modules returning literals of a dozen shapes made each read in the runner slow.
 */
export class Outcome {
  grade: string | undefined = undefined;
  value: number | undefined = undefined;
  unit: string | undefined = undefined;
  items: readonly PatternItem[] | undefined = undefined;
  valuesUsed: readonly ValueUsed[];
  missing: readonly string[];
  /** Findings the pattern decides (finding ids from its file), present or absent. */
  emits: Emits | undefined = undefined;

  constructor(
    labs: LabReader,
    readonly result: PatternOutcome,
    readonly explanation: string,
  ) {
    this.valuesUsed = labs.used;
    this.missing = labs.missing;
  }

  graded(grade: string | undefined): this {
    this.grade = grade;
    return this;
  }

  valued(value: number | undefined, unit?: string): this {
    this.value = value;
    this.unit = unit;
    return this;
  }

  itemised(items: readonly PatternItem[]): this {
    this.items = items;
    return this;
  }

  emitting(emits: Emits): this {
    this.emits = emits;
    return this;
  }

  /** Replace the missing list (a pattern that needs only one of two labs does not list the other as missing). */
  missingOnly(missing: readonly string[]): this {
    this.missing = missing;
    return this;
  }
}

/** The module output type (see Outcome). */
export type ModuleOutput = Outcome;

/** What a pattern shows of a lab it used (literal shapes, not spreads: this runs for every lab of every pattern). */
function valueUsed(lab: LabResult): ValueUsed {
  const { name, value, unit, interpretation } = lab;
  if (value === undefined)
    return unit === undefined ? { lab: name, interpretation } : { lab: name, unit, interpretation };
  return unit === undefined
    ? { lab: name, value, interpretation }
    : { lab: name, value, unit, interpretation };
}

/** Read access to the case's interpreted labs, recording what was used and what was missing. */
export class LabReader {
  readonly used: ValueUsed[] = [];
  readonly missing: string[] = [];
  constructor(
    private readonly byId: ReadonlyMap<string, LabResult>,
    private readonly index: KnowledgeIndex,
  ) {}

  /** The lab result, or undefined (and recorded as missing). */
  get(labId: string): LabResult | undefined {
    const lab = this.byId.get(labId);
    if (lab === undefined) {
      const name = this.index.labById.get(labId)?.name ?? labId;
      if (!this.missing.includes(name)) this.missing.push(name);
      return undefined;
    }
    if (!this.used.some((u) => u.lab === lab.name)) this.used.push(valueUsed(lab));
    return lab;
  }

  /** The lab result if present (recorded as used), without listing it as missing when absent. */
  optional(labId: string): LabResult | undefined {
    return this.byId.has(labId) ? this.get(labId) : undefined;
  }

  /** The numeric value in the canonical unit, or undefined. */
  value(labId: string): number | undefined {
    return this.get(labId)?.value;
  }

  /** The interpretation (low / normal / high / positive / negative), or undefined when missing or not interpretable. */
  interpretation(labId: string): LabResult['interpretation'] | undefined {
    const i = this.get(labId)?.interpretation;
    return i === 'unknown' ? undefined : i;
  }
}

export interface PatternContext {
  readonly c: Case;
  readonly labs: LabReader;
  readonly findings: readonly ObservedFinding[];
  readonly index: KnowledgeIndex;
  /** Whether a finding (by knowledge id) is present, absent or not stated, including more specific terms. */
  finding(id: string): boolean | undefined;
}

export interface PatternModule {
  readonly id: string;
  /** Lab ids the module reads; it is skipped when the case has none of them. */
  readonly labs: readonly string[];
  /** Parameter names the pattern file must give. */
  readonly requires: readonly string[];
  evaluate(ctx: PatternContext, p: Readonly<Record<string, number>>): ModuleOutput;
}

/** Read a required parameter (presence is checked by kb:check, so absence is a programmer error). */
export function param(p: Readonly<Record<string, number>>, name: string): number {
  const v = p[name];
  if (v === undefined) throw new Error(`pattern parameter "${name}" is missing`);
  return v;
}

export { round } from '../round.js';
