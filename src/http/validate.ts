// Request parts validated with the route's Zod schema; failures become issues with the parameter named.
import type { z } from 'zod';
import type { CaseIssue } from '../case/schema.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; issues: CaseIssue[] };

export function check<S extends z.ZodType>(schema: S, value: unknown, where: string): Checked<z.infer<S>> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({
      path: [where, ...i.path.map(String)].join('.'),
      message: i.message,
    })),
  };
}
