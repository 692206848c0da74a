/**
 * Checks of `mapping.attributes` against the vocabulary (attribute-vocabulary.ts), run as part of the
 * config validation so each problem is reported at its line: an attribute name one typo away from a
 * known one (`races:`) and a canonical value the attribute does not have (`Black: blak`).
 */
import type { z } from 'zod';
import { PATIENT_COLUMNS } from '../model/tables.js';
import {
  acceptsValue,
  allowedText,
  attributeInfo,
  ATTRIBUTE_NAMES,
  STATUS_CODES,
} from './attribute-vocabulary.js';
import { closest } from './suggest.js';

interface AttributeLike {
  values?: Record<string, string> | undefined;
  default?: string | undefined;
  custom?: boolean | undefined;
}

/** Extra issue fields explain-issue.ts reads: the fix, and whether to point at the key (not its value). */
export interface CheckParams {
  fix: string;
  at?: 'key';
}

type Ctx = Pick<z.core.$RefinementCtx, 'addIssue'>;
const PATIENT_NAMES = new Set(PATIENT_COLUMNS.map((c) => c.name));
const DOCS = 'docs/mapping.md lists every attribute and its codes';

export function checkAttributes(attributes: Record<string, AttributeLike>, ctx: Ctx): void {
  for (const [name, m] of Object.entries(attributes)) {
    const a = attributeInfo(name);
    if (!a) {
      checkCustomName(name, m, ctx);
      continue;
    }
    for (const [local, value] of Object.entries(m.values ?? {}))
      checkValue(name, value, ['values', local], ctx);
    if (m.default !== undefined) checkValue(name, m.default, ['default'], ctx);
  }
}

function checkCustomName(name: string, m: AttributeLike, ctx: Ctx): void {
  const suggestion = m.custom ? undefined : closest(name, ATTRIBUTE_NAMES);
  if (suggestion) {
    issue(ctx, [name], `Unknown attribute "${name}". Did you mean "${suggestion}"?`, {
      fix: `Rename it to "${suggestion}". If "${name}" is an attribute of your own, add \`custom: true\` to it (${DOCS}).`,
      at: 'key',
    });
  } else if (!/^[a-z][a-z0-9_]*$/.test(name) || PATIENT_NAMES.has(name)) {
    issue(
      ctx,
      [name],
      `Custom attribute "${name}" needs a lower_snake_case name that is not a built-in column.`,
      {
        fix: `Rename it, or use a standard attribute: ${ATTRIBUTE_NAMES.join(', ')}.`,
        at: 'key',
      },
    );
  }
}

function checkValue(name: string, value: string, at: string[], ctx: Ctx): void {
  if (acceptsValue(name, value)) return;
  const a = attributeInfo(name)!;
  const candidates = [...a.codes.map((c) => c.code), ...STATUS_CODES.map((c) => c.code)];
  const suggestion = closest(value, candidates);
  const where = at[0] === 'default' ? 'default' : `the code "${at[1]}"`;
  issue(
    ctx,
    [name, ...at],
    `"${value}" is not a canonical ${name} value (for ${where}).${suggestion ? ` Did you mean "${suggestion}"?` : ''} Allowed: ${allowedText(a)}.`,
    { fix: suggestion ? `Write "${suggestion}".` : `Use one of the allowed values (${DOCS}).` },
  );
}

function issue(ctx: Ctx, path: string[], message: string, params: CheckParams): void {
  ctx.addIssue({ code: 'custom', path, message, params: { ...params } });
}
