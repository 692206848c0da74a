/**
 * Sending what a memo keeps: bytes encoded once (the UTF-8 encoding of a large string on every response was
 * the server's largest cost) with an entity tag, so a browser that has them is answered 304. Responses are
 * per viewer (`private, no-cache`: never kept by a shared cache, always revalidated). The tag names exactly
 * the bytes this viewer would be sent, so a 304 never reveals more than a 200 would.
 */
import { createHash } from 'node:crypto';
import { raw } from 'hono/html';
import type { Ctx } from './env.js';
import { Memo } from './memo.js';
import { page, shellKey } from './pages/layout.js';

export interface Bytes {
  bytes: Buffer<ArrayBuffer>;
  etag: string;
}

const tag = (...parts: (string | Buffer)[]): string => {
  const h = createHash('sha1');
  for (const p of parts) h.update(p);
  return `"${h.digest('base64url')}"`;
};

export function toBytes(text: string): Bytes {
  const bytes = Buffer.from(text);
  return { bytes, etag: tag(bytes) };
}

/** Whether `If-None-Match` names the tag (a list, `*`, weak or strong). */
function fresh(c: Ctx, etag: string): boolean {
  const sent = c.req.header('if-none-match');
  if (!sent) return false;
  return sent === '*' || sent.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

export function sendBytes(c: Ctx, b: Bytes, headers: Record<string, string>): Response {
  const meta = { etag: b.etag, 'cache-control': 'private, no-cache' };
  if (fresh(c, b.etag)) return c.body(null, 304, meta);
  return c.body(b.bytes, 200, { ...headers, ...meta });
}

const SLOT = '\u0000content\u0000';

/**
 * A page shell as bytes around the content's place, per visitor (it holds their CSRF token) and address,
 * with the last whole page sent in it (a reload sends the same bytes without building them again; at most
 * a few hundred pages are kept, least recently used first out).
 */
interface Shell {
  head: Buffer;
  tail: Buffer;
  tag: string;
  last?: Bytes;
}
const shells = new Memo<Shell>(300);

async function shellOf(c: Ctx, title: string): Promise<Shell> {
  return shells.get(shellKey(c, title), async () => {
    const text = String(await page(c, title, raw(SLOT)));
    const at = text.indexOf(SLOT);
    const head = Buffer.from(text.slice(0, at));
    const tail = Buffer.from(text.slice(at + SLOT.length));
    return { head, tail, tag: tag(head, tail).slice(1, -1) };
  });
}

/**
 * A page whose main content is cached bytes, inside the shell (navigation for this viewer, their CSRF token).
 * Its tag joins the shell's and the content's: it changes when either does.
 */
export async function sendPage(c: Ctx, title: string, content: Bytes): Promise<Response> {
  const shell = await shellOf(c, title);
  const etag = `"${shell.tag}.${content.etag.slice(1, -1)}"`;
  const meta = { etag, 'cache-control': 'private, no-cache' };
  if (fresh(c, etag)) return c.body(null, 304, meta);
  if (shell.last?.etag !== etag)
    shell.last = { etag, bytes: Buffer.concat([shell.head, content.bytes, shell.tail]) };
  return c.body(shell.last.bytes, 200, { 'content-type': 'text/html; charset=UTF-8', ...meta });
}
