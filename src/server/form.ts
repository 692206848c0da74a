/** Read a form or JSON body through a zod schema; a bad field is an `invalid_input` naming its key. */
import type { z } from 'zod';
import { invalidInput } from '../errors.js';
import type { Ctx } from './env.js';

export async function body(c: Ctx): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('application/json')) return ((await c.req.json()) as Record<string, unknown>) ?? {};
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data'))
    return (await c.req.parseBody()) as Record<string, unknown>;
  return {};
}

export async function readForm<T extends z.ZodType>(c: Ctx, schema: T): Promise<z.infer<T>> {
  const r = schema.safeParse(await body(c));
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const key = issue.path.join('.');
  throw invalidInput(`The field "${key}" is not valid: ${issue.message}.`, {
    path: key,
    fix: `Correct "${key}" and submit again.`,
  });
}

/** Whether the client asked for JSON (the API, or a script) rather than a page. */
export const wantsJson = (c: Ctx): boolean =>
  c.req.path.startsWith('/api/') || (c.req.header('accept') ?? '').startsWith('application/json');

/** Only a local path may be a redirect target (no open redirects). */
export const safeNext = (next: unknown): string =>
  typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/';
