/**
 * A small bounded memo (least recently used first out) for what never changes once written: an imported
 * analysis is immutable, so its parsed and suppressed results and its rendered chart sections can be kept.
 * Keys must include everything the value depends on (analysis id, audience, language, selection).
 */
export class Memo<V> {
  private readonly map = new Map<string, Promise<V>>();
  constructor(private readonly max = 200) {}

  get(key: string, make: () => Promise<V>): Promise<V> {
    const hit = this.map.get(key);
    if (hit) {
      this.map.delete(key);
      this.map.set(key, hit);
      return hit;
    }
    const value = make();
    value.catch(() => this.map.delete(key));
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
    return value;
  }
}
