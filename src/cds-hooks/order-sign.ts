// order-sign: every draft medication order checked before the clinician signs.
// @see https://cds-hooks.org/hooks/order-sign/
import { SERVICE_IDS } from './discovery.js';
import { readDrafts } from './draft-orders.js';
import { orderCards } from './order-check.js';
import { OrderSignContextSchema } from './schemas.js';
import type { HookService } from './service.js';

export const orderSign: HookService<ReturnType<typeof OrderSignContextSchema.parse>> = {
  id: SERVICE_IDS.orderSign,
  hook: 'order-sign',
  contextSchema: OrderSignContextSchema,
  drafts: (context) => readDrafts(context.draftOrders),
  cards: ({ chart, drafts, index, settings }) =>
    orderCards(
      {
        case: chart.case,
        input: chart.input,
        drafts: drafts.drafts,
        firstPlanIndex: chart.proposedFrom,
        notRead: drafts.notRead,
      },
      index,
      settings,
    ),
};
