// What every CDS service of this face is: an id and hook, the context it requires, and the cards it draws from the
// chart read as a case.
import type { z } from 'zod';
import type { KnowledgeIndex } from '../knowledge/index.js';
import type { CardSettings } from './cards.js';
import type { ChartCase } from './chart.js';
import type { ServiceId } from './discovery.js';
import type { DraftMedication, NotRead } from './draft-orders.js';
import type { Card } from './schemas.js';

export interface ServiceArgs<C> {
  readonly context: C;
  readonly chart: Extract<ChartCase, { ok: true }>;
  readonly drafts: { readonly drafts: readonly DraftMedication[]; readonly notRead: readonly NotRead[] };
  readonly index: KnowledgeIndex;
  readonly settings: CardSettings;
}

export interface HookService<C extends { readonly patientId: string }> {
  readonly id: ServiceId;
  readonly hook: string;
  readonly contextSchema: z.ZodType<C>;
  /** The draft medication orders this call asks to check (none for patient-view). */
  readonly drafts: (context: C) => { drafts: DraftMedication[]; notRead: NotRead[] };
  readonly cards: (args: ServiceArgs<C>) => Card[];
}
