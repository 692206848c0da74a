/**
 * A short-lived read cache for what every request reads from the store (the session's account, the list of
 * analyses): with PGlite each query costs milliseconds on the event loop. Entries live `ttlMs`, and this
 * process drops them at once when it changes them (sign-out, import); another server process on the same
 * PostgreSQL sees such a change after at most `ttlMs`.
 */
export class TtlCache<V> {
  private readonly map = new Map<string, { at: number; value: Promise<V> }>();
  constructor(
    private readonly ttlMs: number,
    private readonly max = 10_000,
  ) {}

  get(key: string, make: () => Promise<V>, now = Date.now()): Promise<V> {
    const hit = this.map.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const value = make();
    value.catch(() => this.map.delete(key));
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, { at: now, value });
    return value;
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }
}
