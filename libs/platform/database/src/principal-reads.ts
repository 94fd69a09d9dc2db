import type { DataSource } from 'typeorm';
import { ChangeFeed } from './change-feed';
import type { StructuredLogger } from './database.logger';
import { PrincipalCache, type PrincipalCacheOutcome } from './principal-cache';
import { PRINCIPAL_CHANNEL } from './principal-changes';

/** How long an answer is used when no change is reported (a safety net: changes are reported at commit). */
const MAX_AGE_MS = 30_000;
const MAX_ENTRIES = 10_000;

export interface PrincipalReadsOptions {
  logger?: StructuredLogger;
  /** Registers a sample of the cache for the service's metrics (`observePrincipalCache`); returns its removal. */
  observe?: (
    sample: () => { live: boolean; outcomes: Readonly<Record<PrincipalCacheOutcome, number>> },
  ) => () => void;
}

/**
 * A service's reads of its callers (the guard's view: roles, session, the member's row), kept in a
 * `PrincipalCache` fed by a `ChangeFeed` on `PRINCIPAL_CHANNEL`, which the service's tables report changes on
 * (`createPrincipalChangeTriggers` in a migration). The one way a `CurrentPrincipalSource` keeps what it read:
 * `start` once the data source is open, `read` per request, `settle` where a request must see what was just
 * committed, `stop` at shutdown.
 */
export class PrincipalReads<V> {
  private readonly cache = new PrincipalCache<V>({ maxAgeMs: MAX_AGE_MS, maxEntries: MAX_ENTRIES });
  private feed: ChangeFeed | null = null;
  private unobserve: (() => void) | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: PrincipalReadsOptions = {},
  ) {}

  /** Listens when the data source is open (tools that only build the schema never open it: nothing is kept). */
  async start(): Promise<void> {
    if (!this.dataSource.isInitialized || this.feed) return;
    this.unobserve = this.options.observe?.(() => ({ live: this.isLive, outcomes: this.outcomes })) ?? null;
    const logger = this.options.logger;
    const feed = ChangeFeed.of(this.dataSource, {
      channel: PRINCIPAL_CHANNEL,
      ...(logger ? { logger } : {}),
    });
    feed.onLive((live) => this.cache.setLive(live));
    feed.onChange((memberId) => (memberId === '*' ? this.cache.clear() : this.cache.invalidate(memberId)));
    this.feed = feed;
    await feed.start();
  }

  async stop(): Promise<void> {
    this.unobserve?.();
    await this.feed?.stop();
  }

  /** The answer kept for the member's `key`, else `load()`'s (see `PrincipalCache.read`). */
  read(memberId: string, key: string, load: () => Promise<V>, keep?: (value: V) => boolean): Promise<V> {
    return this.cache.read(memberId, key, load, keep);
  }

  /** Resolves once this process has dropped what every write committed so far changed (`ChangeFeed.settle`). */
  settle(): Promise<void> {
    return this.feed?.settle() ?? Promise.resolve();
  }

  /** Whether answers are kept now: only while the change feed listens. */
  get isLive(): boolean {
    return this.cache.isLive;
  }

  /** How reads were answered since start: kept (hit), read and kept (miss), or read with the cache off. */
  get outcomes(): Readonly<Record<PrincipalCacheOutcome, number>> {
    return this.cache.outcomes;
  }
}

/**
 * What every source of the guard's view that keeps its reads shares: the reads start and stop with the
 * application (Nest calls these hooks by name on any provider), and `settle` is `CurrentPrincipalSource.settle`.
 */
export abstract class KeptPrincipalSource<V> {
  protected abstract readonly reads: PrincipalReads<V>;

  onApplicationBootstrap(): Promise<void> {
    return this.reads.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.reads.stop();
  }

  /** Resolves once this process has dropped what every write committed so far changed. */
  settle(): Promise<void> {
    return this.reads.settle();
  }
}
