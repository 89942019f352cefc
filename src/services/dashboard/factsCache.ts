// Facts kept in memory so that a dashboard opens without counting the national data again. Each
// entry remembers the store's signature (a cheap fingerprint of every table counted) it was counted
// under. A view never waits for a check: when the last check is older than the interval it is
// served what is kept while a background task compares signatures and, if anything changed,
// counts again. Only the first view of a scope waits for a count. Each instance keeps its own
// cache and reads the signature from the shared database, so several instances all notice a
// change made through any of them.

export interface FactsCacheOptions {
  /** How old the last signature check may be before a view starts another in the background. */
  checkIntervalMs: number;
  /** Scopes kept; the least recently viewed goes first. */
  maxEntries: number;
  now?: () => number;
}

interface Entry<T> {
  value: T;
  signature: string;
  checkedAt: number;
  refreshing: Promise<void> | null;
}

export interface Cached<T> {
  value: T;
  /** True while a recount of this scope is under way: the value may be about to change. */
  refreshing: boolean;
}

export class FactsCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly firstCounts = new Map<string, Promise<Entry<T>>>();
  private signatureCheck: { at: number; value: Promise<string> } | null = null;
  private readonly now: () => number;

  constructor(
    private readonly readSignature: () => Promise<string>,
    private readonly count: (key: string) => Promise<T>,
    private readonly options: FactsCacheOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async get(key: string): Promise<Cached<T>> {
    const entry = this.entries.get(key);
    if (entry === undefined) {
      const counted = await this.firstCount(key);
      return { value: counted.value, refreshing: counted.refreshing !== null };
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (entry.refreshing === null && this.now() - entry.checkedAt >= this.options.checkIntervalMs) {
      entry.refreshing = this.refresh(key, entry).finally(() => {
        entry.refreshing = null;
      });
    }
    return { value: entry.value, refreshing: entry.refreshing !== null };
  }

  /** Waits for every background check and recount started so far (tests, benchmarks, shutdown). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.entries.values()].map((e) => e.refreshing).filter((p): p is Promise<void> => p !== null));
    await Promise.allSettled([...this.firstCounts.values()]);
  }

  /** Makes the next view of every scope check the signature again (as if the interval had passed). */
  expireChecks(): void {
    for (const entry of this.entries.values()) entry.checkedAt = Number.NEGATIVE_INFINITY;
    this.signatureCheck = null;
  }

  clear(): void {
    this.entries.clear();
    this.signatureCheck = null;
  }

  /** One signature read serves every scope checked within the interval. */
  private signature(): Promise<string> {
    const at = this.now();
    if (this.signatureCheck === null || at - this.signatureCheck.at >= this.options.checkIntervalMs) {
      const value = this.readSignature();
      this.signatureCheck = { at, value };
      value.catch(() => {
        this.signatureCheck = null;
      });
    }
    return this.signatureCheck.value;
  }

  private firstCount(key: string): Promise<Entry<T>> {
    let pending = this.firstCounts.get(key);
    if (pending === undefined) {
      pending = (async () => {
        // The signature is read before counting: a write during the count shows at the next check.
        const signature = await this.signature();
        const checkedAt = this.now();
        const value = await this.count(key);
        const entry: Entry<T> = { value, signature, checkedAt, refreshing: null };
        this.entries.set(key, entry);
        while (this.entries.size > this.options.maxEntries) {
          const oldest = this.entries.keys().next().value;
          if (oldest === undefined) break;
          this.entries.delete(oldest);
        }
        return entry;
      })().finally(() => this.firstCounts.delete(key));
      this.firstCounts.set(key, pending);
    }
    return pending;
  }

  private async refresh(key: string, entry: Entry<T>): Promise<void> {
    try {
      const signature = await this.signature();
      entry.checkedAt = this.now();
      if (signature === entry.signature) return;
      const value = await this.count(key);
      entry.value = value;
      entry.signature = signature;
    } catch {
      // The kept figures stay; the next view past the interval tries again.
      entry.checkedAt = Number.NEGATIVE_INFINITY;
    }
  }
}
