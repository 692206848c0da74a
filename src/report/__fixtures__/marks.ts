/** Helpers for the report's tests: read the numbers a report marks, and its visible text. */

export interface Mark {
  field: string | undefined;
  value: string;
  kind: string | undefined;
  count: string | undefined;
  measure: string | undefined;
  text: string;
}

export const decode = (s: string): string =>
  s
    .replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)))
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

const attr = (attrs: string, name: string): string | undefined => {
  const m = new RegExp(` ${name}="([^"]*)"`).exec(attrs);
  return m ? decode(m[1]!) : undefined;
};

/** Every `<span class="n" …>` in the page. */
export function marks(html: string): Mark[] {
  return [...html.matchAll(/<span class="n"([^>]*)>([^<]*)<\/span>/g)].map(([, attrs, text]) => ({
    field: attr(attrs!, 'data-field'),
    value: attr(attrs!, 'data-value') ?? '',
    kind: attr(attrs!, 'data-kind'),
    count: attr(attrs!, 'data-count'),
    measure: attr(attrs!, 'data-measure'),
    text: decode(text!),
  }));
}

/** Value at a dotted path; "a / b" divides two paths (a derived share). */
export function at(obj: unknown, path: string): unknown {
  if (path.includes(' / ')) {
    const [a, b] = path.split(' / ');
    return (at(obj, a!) as number) / (at(obj, b!) as number);
  }
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
}

/** The text a reader sees outside the charts, with every marked number removed. */
export function unmarkedText(html: string): string {
  return decode(
    html
      .replace(/<(style|script|svg|title)[\s\S]*?<\/\1>/g, ' ')
      .replace(/<span class="n"[^>]*>[^<]*<\/span>/g, ' ')
      .replace(/<[^>]+>/g, ' '),
  );
}

/** Every string value anywhere in a JSON value. */
export function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

export const tokens = (s: string): string[] =>
  s
    .split(/[\s\u00a0\u202f]+/)
    .map((t) => t.replace(/^[.,;:()«»“”"'·—–×]+|[.,;:()«»“”"'·—–×]+$/g, ''))
    .filter(Boolean);
