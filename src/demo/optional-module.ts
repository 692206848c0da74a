/**
 * The demo's later steps call pieces other engineers are still writing (ingest, analysis, report). Until a
 * piece lands, its step is reported as "pending" instead of failing the demo. Each lookup names the module
 * (relative to src/) and the export names it may use.
 */
export interface Found<T> {
  module: string;
  name: string;
  fn: T;
}

/** The first export among `names` of the first module in `modules` that exists, or null. */
export async function findExport<T>(
  modules: readonly string[],
  names: readonly string[],
): Promise<Found<T> | null> {
  for (const module of modules) {
    let mod: Record<string, unknown>;
    try {
      mod = (await import(new URL(`../${module}`, import.meta.url).href)) as Record<string, unknown>;
    } catch (err) {
      if (isNotFound(err, module)) continue;
      throw err;
    }
    for (const name of names) {
      if (typeof mod[name] === 'function') return { module, name, fn: mod[name] as T };
    }
  }
  return null;
}

/** Only the module itself being absent counts; a missing import inside an existing module is a real error. */
function isNotFound(err: unknown, module: string): boolean {
  const code = (err as { code?: string }).code;
  const absent =
    code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load url/i.test(String(err));
  return absent && String(err).includes(module.replace(/\.js$/, ''));
}
