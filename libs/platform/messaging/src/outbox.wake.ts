import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';

export const OUTBOX_CHANNEL = 'praxis_outbox';

/** Marks a query runner whose open transaction appended to the outbox (QueryRunner.data is for subscribers). */
const APPENDED = 'praxis.outboxAppended';

/** What a relay of this process registers with its data source's waker. */
export interface LocalRelay {
  wake(): void;
  /** True while it holds the outbox lock: then it is the relay that publishes, and no other process needs waking. */
  publishes(): boolean;
}

/**
 * Wakes the relay once a write that appended to the outbox has committed.
 *
 * A NOTIFY inside the write's own transaction takes PostgreSQL's one notify lock for the whole cluster at commit
 * and holds it through the commit's WAL flush (async.c, PreCommit_Notify), so every transaction that notifies
 * commits after the one before it, in every database of the server: at 200 writes a second (load 12-16) such
 * commits took p50 32 / p99 712 ms against 14 / 109 ms without the NOTIFY, and that queue was most of the
 * event-latency benchmark's "relay" tail (an outbox row is stamped at its transaction's start).
 *
 * So the commit wakes a relay of this process directly; only when none of this process's relays publishes does
 * it NOTIFY, outside any write, for the relay of another process (another replica holding the lock). Those
 * NOTIFYs are coalesced: one in flight per data source, and one more after it if commits came meanwhile, so
 * every commit is followed by a NOTIFY sent after it, however many commits a second there are.
 */
export class OutboxWaker {
  private readonly relays = new Set<LocalRelay>();
  private notifying = false;
  private again = false;

  constructor(private readonly notify: () => Promise<unknown>) {}

  /** Registers a relay of this process; returns its unregistration. */
  register(relay: LocalRelay): () => void {
    this.relays.add(relay);
    return () => this.relays.delete(relay);
  }

  committed(): void {
    let published = false;
    for (const relay of this.relays) {
      relay.wake();
      published ||= relay.publishes();
    }
    if (published) return;
    if (this.notifying) {
      this.again = true;
      return;
    }
    void this.notifyUntilCaughtUp();
  }

  private async notifyUntilCaughtUp(): Promise<void> {
    this.notifying = true;
    try {
      do {
        this.again = false;
        // a lost NOTIFY (database away, data source closing) delays the events to the relay's safety poll only
        await this.notify().catch(() => undefined);
      } while (this.again);
    } finally {
      this.notifying = false;
    }
  }
}

const wakers = new WeakMap<DataSource, OutboxWaker>();

/** The waker of a data source: its relays register with it, its commits that appended to the outbox call it. */
export function outboxWakerOf(dataSource: DataSource): OutboxWaker {
  let waker = wakers.get(dataSource);
  if (!waker) {
    waker = new OutboxWaker(() => dataSource.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]));
    wakers.set(dataSource, waker);
    // installed by the first append rather than by every service's data-source setup, so no writer can miss it
    dataSource.subscribers.push(wakeAfterCommit);
  }
  return waker;
}

/** Called by the outbox writers inside the caller's transaction: the relay is woken when it commits. */
export function wakeRelayAfterCommit(manager: EntityManager): void {
  const runner = manager.queryRunner as QueryRunner;
  outboxWakerOf(manager.connection);
  runner.data[APPENDED] = true;
}

function outermostEnded(runner: QueryRunner): boolean {
  // a released savepoint broadcasts the same events while the outer transaction goes on
  return !runner.isTransactionActive;
}

const wakeAfterCommit: EntitySubscriberInterface = {
  afterTransactionCommit({ queryRunner, connection }) {
    if (!outermostEnded(queryRunner) || queryRunner.data[APPENDED] !== true) return;
    delete queryRunner.data[APPENDED];
    // returns nothing to await: the caller's commit must not wait for a wake-up
    wakers.get(connection)?.committed();
  },
  afterTransactionRollback({ queryRunner }) {
    if (outermostEnded(queryRunner)) delete queryRunner.data[APPENDED];
  },
};
