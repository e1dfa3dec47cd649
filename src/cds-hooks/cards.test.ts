import { describe, expect, it } from 'vitest';
import { caseLink, citationMd, contentUuid, finishCard, sourceOf, summaryOf } from './cards.js';
import { CardSchema } from './schemas.js';

const settings = { publicBaseUrl: 'http://paraneo.test', knowledgeVersion: '1.2.3' };

describe('card building blocks', () => {
  it('derives the same RFC 9562 version-8 uuid from the same text, another from other text', () => {
    const a = contentUuid('card A');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(contentUuid('card A')).toBe(a);
    expect(contentUuid('card B')).not.toBe(a);
  });

  it('keeps summaries under 140 characters, cut at a word', () => {
    const long = `Possible paraneoplastic syndrome: ${'very long syndrome name '.repeat(10)}`;
    const s = summaryOf(long);
    expect(s.length).toBeLessThan(140);
    expect(s.endsWith('…')).toBe(true);
    expect(s).not.toMatch(/\s…$/);
    expect(summaryOf('  short   text ')).toBe('short text');
  });

  it('links a citation to PubMed, else the DOI, else its URL, and says when only the abstract was read', () => {
    expect(citationMd({ ref: 'x', grade: 'A', short: 'Graus 2021', pmid: '33649022' })).toBe(
      '[Graus 2021 (grade A)](https://pubmed.ncbi.nlm.nih.gov/33649022/)',
    );
    expect(
      citationMd({ ref: 'y', grade: 'C', short: 'Doe 2020', doi: '10.1/x', read: 'abstract only' }),
    ).toBe('[Doe 2020 (grade C, abstract only)](https://doi.org/10.1/x)');
    expect(citationMd({ ref: 'z', grade: 'C', short: 'Label' })).toBe('Label (grade C)');
  });

  it('links the case page with the case JSON base64url-encoded', () => {
    const input = { asOf: '2026-01-01', patient: { age: 60, sex: 'female' as const } };
    const [link] = caseLink(settings, input) ?? [];
    const url = new URL(link?.url ?? '');
    expect(link?.type).toBe('absolute');
    expect(JSON.parse(Buffer.from(url.searchParams.get('case') ?? '', 'base64url').toString())).toEqual(
      input,
    );
  });

  it('finishes a card: disclaimer first, uuids for the card and each suggestion, valid against the spec schema', () => {
    const card = finishCard({
      summary: 'Test',
      indicator: 'info',
      detail: 'body',
      source: sourceOf(settings, 'pns'),
      suggestions: [{ label: 'One' }, { label: 'Two' }],
      selectionBehavior: 'any',
    });
    expect(CardSchema.parse(card)).toEqual(card);
    expect(card.detail).toBe('**Decision support, not a diagnosis.** body');
    expect(card.source.label).toBe('Paraneo (knowledge 1.2.3)');
    expect(new Set([card.uuid, ...(card.suggestions ?? []).map((s) => s.uuid)]).size).toBe(3);
    expect(
      finishCard({ summary: 'Test', indicator: 'info', detail: 'other', source: sourceOf(settings, 'pns') })
        .uuid,
    ).not.toBe(card.uuid);
  });
});
