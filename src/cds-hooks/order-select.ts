// order-select: the orders just selected (context.selections) checked against the chart and the other drafts.
// @see https://cds-hooks.org/hooks/order-select/
import { SERVICE_IDS } from './discovery.js';
import { readDrafts } from './draft-orders.js';
import { orderCards } from './order-check.js';
import { OrderSelectContextSchema } from './schemas.js';
import type { HookService } from './service.js';

export const orderSelect: HookService<ReturnType<typeof OrderSelectContextSchema.parse>> = {
  id: SERVICE_IDS.orderSelect,
  hook: 'order-select',
  contextSchema: OrderSelectContextSchema,
  drafts: (context) => readDrafts(context.draftOrders, context.selections),
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
