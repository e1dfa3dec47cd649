// Zod schemas written from CDS Hooks 2.0 (https://cds-hooks.hl7.org/2.0/): requests, contexts, responses, cards,
// discovery and feedback. Requests are validated with them; tests check every response against them.
import { z } from 'zod';

const Uuid = z.uuid('must be a UUID');
const NonEmpty = z.string().trim().min(1, 'must not be empty');

/** @see https://cds-hooks.hl7.org/2.0/#coding */
export const CodingSchema = z.object({
  code: NonEmpty,
  system: z.string().optional(),
  display: z.string().optional(),
});
export type Coding = z.infer<typeof CodingSchema>;

/** @see https://cds-hooks.hl7.org/2.0/#fhir-resource-access */
export const FhirAuthorizationSchema = z.object({
  access_token: NonEmpty,
  token_type: z.literal('Bearer', 'must be "Bearer"'),
  expires_in: z.number().int().nonnegative('must not be negative'),
  scope: NonEmpty,
  subject: NonEmpty,
  patient: z.string().optional(),
});

/** A FHIR resource as far as this face needs to know: a resourceType, the rest is read by the FHIR reader. */
export const ResourceSchema = z.looseObject({ resourceType: NonEmpty, id: z.string().optional() });

/** @see https://cds-hooks.hl7.org/2.0/#http-request_1 */
export const HookRequestSchema = z
  .object({
    hook: NonEmpty,
    hookInstance: Uuid,
    fhirServer: z.url('must be an absolute URL').optional(),
    fhirAuthorization: FhirAuthorizationSchema.optional(),
    context: z.record(z.string(), z.unknown()),
    // A null value is a key the CDS Client could not fill (the spec allows it); it is fetched or reported as missing.
    prefetch: z.record(z.string(), ResourceSchema.nullable()).optional(),
  })
  .refine((r) => r.fhirAuthorization === undefined || r.fhirServer !== undefined, {
    message: 'fhirAuthorization is given without fhirServer',
    path: ['fhirServer'],
  });
export type HookRequest = z.infer<typeof HookRequestSchema>;

const BundleSchema = z.looseObject({
  resourceType: z.literal('Bundle', 'must be a FHIR Bundle'),
  entry: z.array(z.looseObject({ resource: ResourceSchema.optional() })).default([]),
});

/** @see https://cds-hooks.org/hooks/patient-view/ */
export const PatientViewContextSchema = z.object({
  userId: NonEmpty,
  patientId: NonEmpty,
  encounterId: z.string().optional(),
});

/** @see https://cds-hooks.org/hooks/order-sign/ */
export const OrderSignContextSchema = PatientViewContextSchema.extend({ draftOrders: BundleSchema });

/** @see https://cds-hooks.org/hooks/order-select/ */
export const OrderSelectContextSchema = OrderSignContextSchema.extend({
  selections: z.array(NonEmpty).min(1, 'must name at least one selected order'),
});
export type OrderContext = z.infer<typeof OrderSignContextSchema> & { readonly selections?: string[] };

/** @see https://cds-hooks.hl7.org/2.0/#discovery */
export const DiscoverySchema = z.object({
  services: z.array(
    z.object({
      hook: NonEmpty,
      id: NonEmpty,
      title: z.string().optional(),
      description: NonEmpty,
      prefetch: z.record(z.string(), z.string()).optional(),
      usageRequirements: z.string().optional(),
    }),
  ),
});
export type Discovery = z.infer<typeof DiscoverySchema>;

/** @see https://cds-hooks.hl7.org/2.0/#action */
export const ActionSchema = z
  .object({
    type: z.enum(['create', 'update', 'delete']),
    description: NonEmpty,
    resource: ResourceSchema.optional(),
    resourceId: z.string().optional(),
  })
  .refine((a) => (a.type === 'delete' ? a.resourceId !== undefined : a.resource !== undefined), {
    message: 'a delete names resourceId; create and update carry a resource',
  });

/** @see https://cds-hooks.hl7.org/2.0/#suggestion */
export const SuggestionSchema = z.object({
  label: NonEmpty,
  uuid: Uuid.optional(),
  isRecommended: z.boolean().optional(),
  actions: z.array(ActionSchema).optional(),
});

/** @see https://cds-hooks.hl7.org/2.0/#link */
export const LinkSchema = z.object({
  label: NonEmpty,
  url: z.url(),
  type: z.enum(['absolute', 'smart']),
  appContext: z.string().optional(),
});

/** @see https://cds-hooks.hl7.org/2.0/#card-attributes */
export const CardSchema = z
  .object({
    uuid: Uuid.optional(),
    summary: NonEmpty.max(139, 'must be under 140 characters'),
    detail: z.string().optional(),
    indicator: z.enum(['info', 'warning', 'critical']),
    source: z.object({
      label: NonEmpty,
      url: z.url().optional(),
      icon: z.url().optional(),
      topic: CodingSchema.optional(),
    }),
    suggestions: z.array(SuggestionSchema).optional(),
    selectionBehavior: z.enum(['at-most-one', 'any']).optional(),
    overrideReasons: z.array(CodingSchema).optional(),
    links: z.array(LinkSchema).optional(),
  })
  .refine((c) => c.suggestions === undefined || c.selectionBehavior !== undefined, {
    message: 'selectionBehavior is required when suggestions are given',
    path: ['selectionBehavior'],
  });
export type Card = z.infer<typeof CardSchema>;

/** @see https://cds-hooks.hl7.org/2.0/#cds-service-response */
export const HookResponseSchema = z.object({
  cards: z.array(CardSchema),
  systemActions: z.array(ActionSchema).optional(),
  extension: z.record(z.string(), z.unknown()).optional(),
});
export type HookResponse = z.infer<typeof HookResponseSchema>;

/** @see https://cds-hooks.hl7.org/2.0/#feedback */
export const FeedbackEntrySchema = z
  .object({
    card: Uuid,
    outcome: z.enum(['accepted', 'overridden']),
    acceptedSuggestions: z.array(z.object({ id: Uuid })).optional(),
    overrideReason: z
      .object({ reason: CodingSchema.optional(), userComment: z.string().optional() })
      .optional(),
    outcomeTimestamp: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 instant' }),
  })
  .refine((f) => f.outcome === 'overridden' || f.overrideReason === undefined, {
    message: 'overrideReason is only given with outcome "overridden"',
    path: ['overrideReason'],
  })
  .refine((f) => f.outcome === 'accepted' || f.acceptedSuggestions === undefined, {
    message: 'acceptedSuggestions are only given with outcome "accepted"',
    path: ['acceptedSuggestions'],
  });
export const FeedbackRequestSchema = z.object({
  feedback: z.array(FeedbackEntrySchema).min(1, 'must hold at least one feedback entry'),
});
export type FeedbackEntry = z.infer<typeof FeedbackEntrySchema>;
