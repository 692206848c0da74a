/**
 * The OpenAPI 3.1 document of `/api/v1`, generated from the route table and the zod schemas the handlers
 * use. Routes the signed-out public may call carry `security: []`; the rest accept a bearer token or the
 * session cookie.
 */
import { z } from 'zod';
import { VERSION } from '../version.js';
import { ErrorBody } from './api-schemas.js';
import { can } from './permissions.js';
import type { RouteDef } from './routes.js';

const json = (schema: z.ZodType) => ({
  'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) },
});

function operation(r: RouteDef) {
  const doc = r.doc!;
  const params: { name: string | undefined; in: string; required: boolean; schema: unknown }[] = [
    ...r.path.matchAll(/:(\w+)/g),
  ].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const shape = (doc.query?.shape ?? {}) as Record<string, z.ZodType>;
  for (const [name, schema] of Object.entries(shape))
    params.push({
      name: name as string,
      in: 'query',
      required: !schema.safeParse(undefined).success,
      schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { type: string },
    });
  const ok = r.method === 'POST' ? '201' : '200';
  return {
    summary: doc.summary,
    operationId: `${r.method.toLowerCase()}${r.path.replace(/[^a-zA-Z0-9]+(\w)?/g, (_, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
    'x-permission': r.action,
    ...(can('public', r.action) ? { security: [] } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(doc.body ? { requestBody: { required: true, content: json(doc.body) } } : {}),
    responses: {
      [doc.status ?? ok]: doc.response
        ? {
            description: 'OK',
            content: doc.contentType
              ? { [doc.contentType]: { schema: { type: 'string' } } }
              : json(doc.response),
          }
        : { description: 'OK' },
      default: { description: 'Error', content: json(ErrorBody) },
    },
  };
}

export function openApiDocument(table: readonly RouteDef[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of table.filter((x) => x.path.startsWith('/api/v1/') && x.doc)) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[r.method.toLowerCase()] = operation(r);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Equilens workspace API', version: VERSION },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        session: { type: 'apiKey', in: 'cookie', name: 'eq_session' },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
    paths,
  };
}
