import type { z } from 'zod';

type AnySchema = z.core.$ZodType;
interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  innerType?: AnySchema;
  element?: AnySchema;
  valueType?: AnySchema;
  options?: AnySchema[];
  in?: AnySchema;
}

const defOf = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Unwrap optional/default/nullable/pipe wrappers down to the schema that has the structure. */
function unwrap(s: AnySchema): AnySchema {
  let cur = s;
  for (let i = 0; i < 10; i++) {
    const d = defOf(cur);
    const next = d.innerType ?? (d.type === 'pipe' ? d.in : undefined);
    if (!next) return cur;
    cur = next;
  }
  return cur;
}

/** The structural schema of `s`: wrappers removed, and of a union its object branch. */
function structure(s: AnySchema): AnySchema {
  const u = unwrap(s);
  const d = defOf(u);
  if (d.type !== 'union') return u;
  const obj = d.options?.map(unwrap).find((o) => defOf(o).type === 'object');
  return obj ?? u;
}

/** The sub-schema at a key path (array indexes and record keys step into elements and values). */
export function schemaAt(root: AnySchema, path: readonly PropertyKey[]): AnySchema | undefined {
  let cur: AnySchema | undefined = root;
  for (const key of path) {
    if (!cur) return undefined;
    const d = defOf(structure(cur));
    if (d.type === 'object') cur = d.shape?.[String(key)];
    else if (d.type === 'array') cur = d.element;
    else if (d.type === 'record') cur = d.valueType;
    else return undefined;
  }
  return cur;
}

/** The keys an object schema at `path` allows (empty when it is not an object). */
export function keysAt(root: AnySchema, path: readonly PropertyKey[]): string[] {
  const s = schemaAt(root, path);
  if (!s) return [];
  const d = defOf(structure(s));
  return d.type === 'object' ? Object.keys(d.shape ?? {}) : [];
}
