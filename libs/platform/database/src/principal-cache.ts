/**
 * What a service read about its callers (roles, session, the member's row), kept between requests while a change
 * feed reports every change to the rows it was read from (`ChangeFeed` in `@praxis/platform/database`: the
 * tables' triggers NOTIFY the member's id at commit).
 *
 * Nothing is kept, and every read goes to the database, while the feed is not live: before it first connects,
 * and from the moment its connection is lost until it is back (everything kept is dropped both ways, since
 * changes may have been missed). A change reported while a read is in flight keeps that read's answer out of
 * the cache: it may predate the change. An entry is used for at most `maxAgeMs` even when no change is reported.
 */
export interface PrincipalCacheOptions {
  /** Longest an answer is used, counted from the start of the read that produced it. */
  maxAgeMs: number;
  /** Most answers kept; past it, the member whose answers were stored first loses them. */
  maxEntries: number;
  now?: () => number;
}

/** How `read` was answered, for the service's metrics. */
export type PrincipalCacheOutcome = 'hit' | 'miss' | 'off';

interface Entry<V> {
  value: V;
  at: number;
}

interface Read {
  stale: boolean;
}

export class PrincipalCache<V> {
  private readonly members = new Map<string, Map<string, Entry<V>>>();
  private readonly reading = new Map<string, Set<Read>>();
  private entries = 0;
  private live = false;
  private readonly now: () => number;
  private readonly counts: Record<PrincipalCacheOutcome, number> = { hit: 0, miss: 0, off: 0 };

  constructor(private readonly options: PrincipalCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Whether every change is being reported. Either way, what was kept is dropped. */
  setLive(live: boolean): void {
    this.clear();
    this.live = live && this.options.maxAgeMs > 0;
  }

  get isLive(): boolean {
    return this.live;
  }

  /** Times each outcome has happened since start. */
  get outcomes(): Readonly<Record<PrincipalCacheOutcome, number>> {
    return this.counts;
  }

  /**
   * The answer kept for the member's `key`, else `load()`'s, kept when `keep` allows it (say, not an answer that
   * a later insert, which may not be reported, would change) unless a change to the member came meanwhile.
   */
  async read(
    memberId: string,
    key: string,
    load: () => Promise<V>,
    keep: (value: V) => boolean = () => true,
  ): Promise<V> {
    if (!this.live) {
      this.counts.off += 1;
      return load();
    }
    const kept = this.members.get(memberId)?.get(key);
    const startedAt = this.now();
    if (kept && startedAt - kept.at < this.options.maxAgeMs) {
      this.counts.hit += 1;
      return kept.value;
    }
    this.counts.miss += 1;
    const read: Read = { stale: false };
    let reads = this.reading.get(memberId);
    if (!reads) {
      reads = new Set();
      this.reading.set(memberId, reads);
    }
    reads.add(read);
    try {
      const value = await load();
      if (!read.stale && this.live && keep(value)) this.store(memberId, key, { value, at: startedAt });
      return value;
    } finally {
      reads.delete(read);
      if (reads.size === 0) this.reading.delete(memberId);
    }
  }

  /** A change to the member: their answers are dropped, and reads in flight are not kept. */
  invalidate(memberId: string): void {
    const answers = this.members.get(memberId);
    if (answers) {
      this.entries -= answers.size;
      this.members.delete(memberId);
    }
    for (const read of this.reading.get(memberId) ?? []) read.stale = true;
  }

  /** A change to everyone (a table truncated, the feed lost or back). */
  clear(): void {
    this.members.clear();
    this.entries = 0;
    for (const reads of this.reading.values()) for (const read of reads) read.stale = true;
  }

  get size(): number {
    return this.entries;
  }

  private store(memberId: string, key: string, entry: Entry<V>): void {
    while (this.entries >= this.options.maxEntries) {
      const oldest = this.members.keys().next().value;
      if (oldest === undefined || oldest === memberId) break;
      this.entries -= this.members.get(oldest)?.size ?? 0;
      this.members.delete(oldest);
    }
    let answers = this.members.get(memberId);
    if (!answers) {
      answers = new Map();
      this.members.set(memberId, answers);
    }
    if (!answers.has(key)) this.entries += 1;
    answers.set(key, entry);
  }
}
