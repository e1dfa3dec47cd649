// Condition → findings (HPO codes, or the text for the text matcher) or known cancers (ICD-10 neoplasm codes, tumour words).
import type { Condition } from '@medplum/fhirtypes';
import { normaliseText } from '../knowledge/normalise.js';
import { codeIn, describe, HPO, ICD10, statusCode, textOf } from './codes.js';
import type { ReadContext } from './context.js';
import { dayOf, isAfter } from './dates.js';
import type { Located } from './resources.js';

const UNCERTAIN = new Set(['unconfirmed', 'provisional', 'differential']);
const NOT_CURRENT = new Set(['inactive', 'remission', 'resolved']);
/** Words that make a problem-list entry a tumour rather than a finding, when no tumour code says so. */
const TUMOUR_WORDS =
  /\b(cancer|carcinoma|carcinoid|tumou?r|neoplasm|neoplasia|malignan\w*|lymphoma|leuka?emia|myeloma|sarcoma|melanoma|thymoma|seminoma|teratoma|\w+blastoma|mesothelioma|castleman|adenocarcinoma|macroglobulin\w*)\b/i;

/** ICD-10 chapter II neoplasms: C00–D48 (malignant, in situ, benign and uncertain behaviour). */
function isNeoplasmIcd(code: string): boolean {
  return /^C\d/.test(code) || /^D[0-4]\d/.test(code);
}

/** A tumour name Paraneo knows for an ICD-10 code: the catalogued tumour whose code is the longest prefix of it. */
function tumourNameForIcd(code: string, ctx: ReadContext): string | undefined {
  let best: { name: string; length: number } | undefined;
  for (const t of ctx.index?.kb.tumours ?? [])
    for (const c of t.codes)
      if (
        c.system === 'ICD-10' &&
        code.startsWith(c.code) &&
        (best === undefined || c.code.length > best.length)
      )
        best = { name: t.name, length: c.code.length };
  return best?.name;
}

function looksLikeTumour(text: string, ctx: ReadContext): boolean {
  if (TUMOUR_WORDS.test(text)) return true;
  const padded = ` ${normaliseText(text)} `;
  return (ctx.index?.tumourNames ?? []).some(([name]) => padded.includes(` ${name} `));
}

export function readCondition(l: Located<Condition>, ctx: ReadContext): void {
  const c = l.resource;
  const what = describe(c.code);
  const verification = statusCode(c.verificationStatus);
  if (verification === 'entered-in-error') {
    ctx.skip(l.path, what, 'entered in error');
    return;
  }
  if (verification !== undefined && UNCERTAIN.has(verification)) {
    ctx.skip(l.path, what, `uncertain (verificationStatus ${verification}): not used as present`);
    return;
  }
  const date = c.onsetDateTime ?? c.recordedDate;
  if (date !== undefined && isAfter(date, ctx.asOf)) {
    ctx.skip(l.path, what, `dated ${date}, after asOf`);
    return;
  }
  const refuted = verification === 'refuted';
  const clinical = statusCode(c.clinicalStatus);

  const icd = codeIn(c.code, ICD10);
  const text = textOf(c.code);
  const tumour =
    !refuted &&
    ((icd !== undefined && isNeoplasmIcd(icd)) || (text !== undefined && looksLikeTumour(text, ctx)));
  if (tumour) {
    const name = text ?? (icd === undefined ? undefined : tumourNameForIcd(icd, ctx));
    if (name === undefined) {
      ctx.skip(l.path, what, 'a neoplasm code Paraneo cannot name (no text)');
      return;
    }
    ctx.add('knownCancers', { text: name }, `${l.path}.code`);
    return;
  }
  if (clinical !== undefined && NOT_CURRENT.has(clinical)) {
    ctx.skip(l.path, what, `not a current finding (clinicalStatus ${clinical})`);
    return;
  }
  const hpo = codeIn(c.code, HPO);
  const onset = dayOf(c.onsetDateTime);
  if (hpo !== undefined && /^HP:\d{7}$/.test(hpo)) {
    ctx.add(
      'findings',
      { hpo, present: !refuted, ...(onset === undefined ? {} : { onset }) },
      `${l.path}.code`,
    );
    return;
  }
  if (text === undefined) {
    ctx.skip(l.path, what, 'no HPO code and no text Paraneo can read');
    return;
  }
  ctx.add(
    'findings',
    { text, present: !refuted, ...(onset === undefined ? {} : { onset }) },
    `${l.path}.code`,
  );
}
