/** Helpers for the report's tests: read the numbers a report marks, and its visible text. */

export interface Mark {
  field: string | undefined;
  /** The machine-readable value; '' for a compact table cell that is not a count (its text is checked). */
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

/**
 * Every marked number in the page: `<data value data-f data-k>` (paths relative to the enclosing table's
 * `data-base` when they start with `+`) and the older `<span class="n" data-field data-value data-kind>`.
 */
export function marks(html: string): Mark[] {
  const out: Mark[] = [];
  let base: string | undefined;
  const re =
    /<table([^>]*?)>([\s\S]*?)<\/table>|<data([^>]*)>([^<]*)<\/data>|<span class="n"([^>]*)>([^<]*)<\/span>/g;
  const dataMark = (attrs: string, text: string): void => {
    const f = attr(attrs, 'data-f');
    out.push({
      field: f?.startsWith('+') ? `${base}.${f.slice(1)}` : f,
      value: attr(attrs, 'value') ?? '',
      kind: attr(attrs, 'data-k'),
      count: attr(attrs, 'data-c'),
      measure: attr(attrs, 'data-m'),
      text: decode(text),
    });
  };
  for (const m of html.matchAll(re)) {
    if (m[1] !== undefined) {
      base = attr(m[1], 'data-base');
      const cols = attr(m[1], 'data-cols')?.split('|');
      const sep = attr(m[1], 'data-sep') ?? ' to ';
      for (const row of m[2]!.matchAll(/<tr( data-i="(\d+)")?>([\s\S]*?)<\/tr>/g)) {
        const cells = [...row[3]!.matchAll(/<t([hd])[^>]*>([\s\S]*?)<\/t\1>/g)].map((c) => c[2]!);
        cells.forEach((c, j) => {
          const spec = cols?.[j];
          if (spec && row[2] !== undefined && !c.includes('<') && c !== '') {
            out.push(...compactMarks(`${base}.${row[2]}`, spec, decode(c), decode(sep)));
            return;
          }
          for (const d of c.matchAll(/<data([^>]*)>([^<]*)<\/data>|<span class="n"([^>]*)>([^<]*)<\/span>/g)) {
            if (d[1] !== undefined) dataMark(d[1], d[2]!);
            else out.push(spanMark(d[3]!, d[4]!));
          }
        });
      }
      base = undefined;
    } else if (m[3] !== undefined) dataMark(m[3], m[4]!);
    else out.push(spanMark(m[5]!, m[6]!));
  }
  return out;
}

function spanMark(attrs: string, text: string): Mark {
  return {
    field: attr(attrs, 'data-field'),
    value: attr(attrs, 'data-value') ?? '',
    kind: attr(attrs, 'data-kind'),
    count: attr(attrs, 'data-count'),
    measure: attr(attrs, 'data-measure'),
    text: decode(text),
  };
}

/** The marks of a compact cell: `spec` is `field:kind` or `lower~upper:kind`. */
function compactMarks(row: string, spec: string, text: string, sep: string): Mark[] {
  const [fields, kind] = spec.split(':') as [string, string];
  const names = fields.split('~');
  const split = (t: string): string[] => [t.slice(0, t.indexOf(sep)), t.slice(t.indexOf(sep) + sep.length)];
  const texts =
    names.length === 3
      ? [text.slice(0, text.indexOf(' (')), ...split(text.slice(text.indexOf(' (') + 2, -1))]
      : names.length === 2
        ? split(text)
        : [text];
  return names.map((f, k) => ({
    field: `${row}.${f}`,
    // A count's value is its text without separators; other values are checked by their text.
    value: kind === 'int' ? texts[k]!.replace(/[^\d-]/g, '') : '',
    kind,
    count: undefined,
    measure: undefined,
    text: texts[k]!,
  }));
}

/** The page with every marked number (and every compact table cell) removed. */
function withoutMarks(html: string): string {
  return html
    .replace(/<table([^>]*?)>([\s\S]*?)<\/table>/g, (all, attrs: string, body: string) => {
      const cols = attr(attrs, 'data-cols')?.split('|');
      if (!cols) return all;
      return body.replace(/<tr( data-i="\d+")?>([\s\S]*?)<\/tr>/g, (r, i: string | undefined, cells: string) => {
        if (!i) return r;
        let j = -1;
        return cells.replace(/<t([hd])([^>]*)>([\s\S]*?)<\/t\1>/g, (c, t: string, a: string, inner: string) => {
          j++;
          return cols[j] && !inner.includes('<') ? `<t${t}${a}> </t${t}>` : c;
        });
      });
    })
    .replace(/<span class="n"[^>]*>[^<]*<\/span>|<data[^>]*>[^<]*<\/data>/g, ' ');
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
    withoutMarks(html.replace(/<(style|script|svg|title)[\s\S]*?<\/\1>/g, ' ')).replace(/<[^>]+>/g, ' '),
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
