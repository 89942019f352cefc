/**
 * Maps non-negative integers (exact in a double) to dense ids 0, 1, 2, … with open addressing.
 * Blocking interns millions of combined keys; a Map boxes each large key and hashes slowly.
 */
export class NumberInterner {
  private keys = new Float64Array(1024).fill(-1);
  private ids = new Int32Array(1024);
  size = 0;

  id(key: number): number {
    const mask = this.keys.length - 1;
    let slot = Math.imul((key | 0) ^ ((key / 4294967296) | 0), 0x9e3779b1) & mask;
    for (;;) {
      const current = this.keys[slot] ?? -1;
      if (current === key) return this.ids[slot] ?? 0;
      if (current === -1) break;
      slot = (slot + 1) & mask;
    }
    const id = this.size++;
    this.keys[slot] = key;
    this.ids[slot] = id;
    if (this.size * 2 > this.keys.length) this.grow();
    return id;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldIds = this.ids;
    this.keys = new Float64Array(oldKeys.length * 2).fill(-1);
    this.ids = new Int32Array(oldKeys.length * 2);
    const mask = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const key = oldKeys[i] ?? -1;
      if (key === -1) continue;
      let slot = Math.imul((key | 0) ^ ((key / 4294967296) | 0), 0x9e3779b1) & mask;
      while ((this.keys[slot] ?? -1) !== -1) slot = (slot + 1) & mask;
      this.keys[slot] = key;
      this.ids[slot] = oldIds[i] ?? 0;
    }
  }
}
