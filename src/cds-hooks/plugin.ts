// CDS Hooks 2.0 face: a Fastify plugin the HTTP server registers. Interface agreed between the faces; the services
// land with the CDS Hooks adapter.
import type { FastifyInstance } from 'fastify';
import type { KnowledgeIndex } from '../knowledge/index.js';

export interface TrustedIssuer {
  readonly iss: string;
  /** JWKS URL for this issuer (fetched by jose). */
  readonly jwksUrl?: string;
  /** jku values that may be followed for this issuer (allow-list). */
  readonly allowedJku?: readonly string[];
}

export type CdsAuthConfig =
  | { readonly disabled: true }
  | { readonly disabled: false; readonly trustedIssuers: readonly TrustedIssuer[] };

export interface CdsHooksOptions {
  readonly index: KnowledgeIndex;
  /** Absolute base URL of this server as the EHR sees it (for aud and card links), e.g. http://127.0.0.1:8080 */
  readonly publicBaseUrl: string;
  readonly auth: CdsAuthConfig;
}

export async function cdsHooksPlugin(_app: FastifyInstance, _options: CdsHooksOptions): Promise<void> {}
