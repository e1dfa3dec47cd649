// GET /knowledge/*: the catalogue a page or an integration engine reads (syndromes, antibodies, tumours, labs, findings).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { KnowledgeIndex } from '../knowledge/index.js';
import type { FindingSearch } from './findings-search.js';
import { labCatalogue } from './lab-catalogue.js';
import { problem } from './problems.js';
import { FindingsQuerySchema, IdParamsSchema } from './schemas.js';
import { check } from './validate.js';

export interface KnowledgeRouteOptions {
  readonly index: KnowledgeIndex;
  readonly findings: FindingSearch;
}

interface Entity {
  readonly id: string;
  readonly name: string;
}

function byId<T extends Entity>(
  kind: string,
  all: ReadonlyMap<string, T>,
  params: unknown,
  reply: FastifyReply,
): FastifyReply {
  const checked = check(IdParamsSchema, params, 'params');
  if (!checked.ok) return reply.code(400).send(problem('bad id', checked.issues));
  const found = all.get(checked.value.id);
  if (found === undefined)
    return reply
      .code(404)
      .send(problem(`unknown ${kind}`, [{ path: 'params.id', message: `no ${kind} "${checked.value.id}"` }]));
  return reply.send(found);
}

export async function knowledgeRoutes(app: FastifyInstance, options: KnowledgeRouteOptions): Promise<void> {
  const { kb, syndromeById, antibodyById, tumourById } = options.index;
  const version = kb.version.knowledgeVersion;
  const syndromes = kb.syndromes.map((s) => ({ id: s.id, name: s.name, category: s.category }));
  const antibodies = kb.antibodies.map((a) => ({ id: a.id, name: a.name }));
  const tumours = kb.tumours.map((t) => ({ id: t.id, name: t.name }));
  const labs = labCatalogue(options.index);

  app.get('/knowledge/syndromes', async () => ({ knowledgeVersion: version, syndromes }));
  app.get('/knowledge/syndromes/:id', async (request, reply) =>
    byId('syndrome', syndromeById, request.params, reply),
  );
  app.get('/knowledge/antibodies', async () => ({ knowledgeVersion: version, antibodies }));
  app.get('/knowledge/antibodies/:id', async (request, reply) =>
    byId('antibody', antibodyById, request.params, reply),
  );
  app.get('/knowledge/tumours', async () => ({ knowledgeVersion: version, tumours }));
  app.get('/knowledge/tumours/:id', async (request, reply) =>
    byId('tumour', tumourById, request.params, reply),
  );
  app.get('/knowledge/labs', async () => ({ knowledgeVersion: version, labs }));
  app.get('/knowledge/findings', async (request, reply) => {
    const query = check(FindingsQuerySchema, request.query, 'query');
    if (!query.ok) return reply.code(400).send(problem('bad query', query.issues));
    return { query: query.value.q, findings: options.findings.search(query.value.q, query.value.limit) };
  });
}
