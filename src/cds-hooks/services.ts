// The CDS services this face offers, in discovery order.
import { orderSelect } from './order-select.js';
import { orderSign } from './order-sign.js';
import { patientView } from './patient-view.js';
import type { HookService } from './service.js';

// biome-ignore lint/suspicious/noExplicitAny: services differ in their context type; each validates its own.
export const SERVICES: ReadonlyArray<HookService<any>> = [patientView, orderSelect, orderSign];
