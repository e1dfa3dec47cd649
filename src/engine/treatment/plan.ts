// Treatment plan per likely syndrome: the tumour first, then immunotherapy and symptomatic drugs, and prognosis notes.
import { derivedKey, type KnowledgeIndex } from '../../knowledge/index.js';
import type { Syndrome } from '../../knowledge/schema.js';
import { citationsFor } from '../citations.js';
import { freezeDeep } from '../freeze.js';
import type { PlanItem, SyndromePlan } from './types.js';

function doseText(
  index: KnowledgeIndex,
  drugId: string | undefined,
  doseId: string | undefined,
): string | undefined {
  if (drugId === undefined || doseId === undefined) return undefined;
  const d = index.drugById.get(drugId)?.doses.find((x) => x.id === doseId);
  if (d === undefined) return undefined;
  const per = d.per === 'fixed' ? '' : `/${d.per}`;
  const range = d.min === d.max ? `${d.max}` : `${d.min}-${d.max}`;
  const caps = [
    d.maxSingle ? `max ${d.maxSingle} ${d.unit} per dose` : '',
    d.maxDaily ? `max ${d.maxDaily} ${d.unit}/day` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${d.label}: ${range} ${d.unit}${per}/${d.period}${caps ? ` (${caps})` : ''}${d.frequency ? `, ${d.frequency}` : ''}`;
}

/** The plan for one syndrome, or undefined when its file has neither a treatment block nor prognosis notes. */
export function planFor(syndrome: Syndrome, index: KnowledgeIndex): SyndromePlan | undefined {
  const t = syndrome.treatment;
  if (t === undefined && syndrome.prognosis.length === 0) return undefined;
  const item = (x: {
    drug?: string | undefined;
    dose?: string | undefined;
    line?: string | undefined;
    note?: string | undefined;
    text?: string | undefined;
    evidence: Syndrome['prognosis'][number]['evidence'];
  }): PlanItem => {
    const drug = x.drug === undefined ? undefined : index.drugById.get(x.drug);
    const dose = doseText(index, x.drug, x.dose);
    // A symptomatic item's text is its name when it names no drug, and a note when it does.
    const note = x.note ?? (drug !== undefined ? x.text : undefined);
    return {
      ...(x.drug === undefined ? {} : { drug: x.drug }),
      name: drug?.name ?? x.text ?? x.drug ?? '',
      ...(x.line === undefined ? {} : { line: x.line }),
      ...(dose === undefined ? {} : { dose }),
      ...(note === undefined ? {} : { note }),
      citations: citationsFor(x.evidence, index),
    };
  };
  return {
    syndrome: syndrome.id,
    name: syndrome.name,
    ...(t === undefined
      ? {}
      : {
          tumourFirst: { text: t.tumourFirst.text, citations: citationsFor(t.tumourFirst.evidence, index) },
        }),
    immunotherapy: (t?.immunotherapy ?? []).map(item),
    symptomatic: (t?.symptomatic ?? []).map(item),
    prognosis: syndrome.prognosis.map((p) => ({ text: p.text, citations: citationsFor(p.evidence, index) })),
  };
}

const PLANS = derivedKey<ReadonlyMap<string, SyndromePlan | undefined>>('treatment plan per syndrome');

/** The plan for one syndrome, built once per knowledge base and shared (frozen) by every assessment. */
export function planOf(syndrome: Syndrome, index: KnowledgeIndex): SyndromePlan | undefined {
  return index
    .derived(PLANS, (i) => new Map(i.kb.syndromes.map((s) => [s.id, freezeDeep(planFor(s, i))])))
    .get(syndrome.id);
}
