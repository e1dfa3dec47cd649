// Free text → notes: plain-text DocumentReference attachments, Composition sections, hand-written narratives, and note[].
import type { Annotation, Composition, DocumentReference } from '@medplum/fhirtypes';
import type { ReadContext } from './context.js';
import { isAfter } from './dates.js';
import type { Located } from './resources.js';

/** XHTML narrative → plain text (tags dropped, entities decoded, block ends as sentence breaks). */
export function narrativeText(div: string): string {
  return div
    .replace(/<(br|\/p|\/div|\/li|\/tr|\/h\d)\b[^>]*>/gi, '. ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/(\.\s*){2,}/g, '. ')
    .trim();
}

function addNote(text: string, from: string, ctx: ReadContext): void {
  const t = text.trim();
  if (t !== '') ctx.add('notes', t, from);
}

/** A narrative the author wrote (status additional or extensions); a generated one only repeats the coded data. */
export function readNarrative(l: Located, ctx: ReadContext): void {
  const text = (l.resource as { text?: { status?: string; div?: string } }).text;
  if (text?.div === undefined || text.status === 'generated' || text.status === 'empty') return;
  addNote(narrativeText(text.div), `${l.path}.text.div`, ctx);
}

export function readAnnotations(l: Located, ctx: ReadContext): void {
  const notes = (l.resource as { note?: Annotation[] }).note ?? [];
  notes.forEach((n, i) => {
    if (n.text !== undefined) addNote(n.text, `${l.path}.note[${i}].text`, ctx);
  });
}

export function readDocumentReference(l: Located<DocumentReference>, ctx: ReadContext): void {
  const d = l.resource;
  if (d.status === 'entered-in-error') {
    ctx.skip(l.path, d.description ?? 'DocumentReference', 'entered in error');
    return;
  }
  if (d.date !== undefined && isAfter(d.date, ctx.asOf)) {
    ctx.skip(l.path, d.description ?? 'DocumentReference', `dated ${d.date}, after asOf`);
    return;
  }
  for (const [i, c] of (d.content ?? []).entries()) {
    const at = `${l.path}.content[${i}].attachment`;
    const a = (c as { attachment?: typeof c.attachment }).attachment;
    if (a === undefined || a === null || typeof a !== 'object') {
      ctx.skip(at, '(absent)', 'a content entry without an attachment');
      continue;
    }
    const type = typeof a.contentType === 'string' ? a.contentType : '';
    if (!/^text\/plain\b/i.test(type)) {
      ctx.skip(at, type || '(no contentType)', 'only text/plain attachments are read');
      return;
    }
    if (a.data === undefined) {
      ctx.skip(at, a.url ?? '(no data)', 'no inline data: Paraneo does not fetch attachments by URL');
      return;
    }
    addNote(Buffer.from(a.data, 'base64').toString('utf8'), `${at}.data`, ctx);
  }
}

export function readComposition(l: Located<Composition>, ctx: ReadContext): void {
  const c = l.resource;
  if (c.date !== undefined && isAfter(c.date, ctx.asOf)) {
    ctx.skip(l.path, c.title ?? 'Composition', `dated ${c.date}, after asOf`);
    return;
  }
  (c.section ?? []).forEach((s, i) => {
    if (s.text?.div !== undefined)
      addNote(narrativeText(s.text.div), `${l.path}.section[${i}].text.div`, ctx);
  });
}
