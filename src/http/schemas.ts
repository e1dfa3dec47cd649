// Zod schemas of the HTTP face's parameters: they validate requests and generate the OpenAPI document.
import { z } from 'zod';

export const FormatSchema = z.enum(['json', 'text', 'fhir']);

export const AssessQuerySchema = z.strictObject({
  format: FormatSchema.optional().describe(
    'json (the Assessment), text (the report) or fhir (a FHIR R4 Bundle)',
  ),
});

export const FhirAssessQuerySchema = z.strictObject({
  asOf: z.iso
    .date('must be a date in the form YYYY-MM-DD')
    .optional()
    .describe('the date the chart is read as of; today (UTC) when absent'),
  format: FormatSchema.optional().describe('fhir (default), json (the Assessment) or text (the report)'),
});

export const FhirCaseQuerySchema = z.strictObject({
  asOf: z.iso
    .date('must be a date in the form YYYY-MM-DD')
    .optional()
    .describe('the date the chart is read as of; today (UTC) when absent'),
});

export const FindingsQuerySchema = z.strictObject({
  q: z.string().trim().min(1, 'give a search text').max(200, 'at most 200 characters'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const IdParamsSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a catalogue id (kebab-case)'),
});
