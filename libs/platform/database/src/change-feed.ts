import { randomUUID } from 'node:crypto';
import { Socket } from 'node:net';
import { Client, escapeIdentifier, type ClientConfig, type Notification, type Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { stderrLogger, type StructuredLogger } from './database.logger';

const BARRIER = 'barrier:';

function unreferencedSocket(): Socket {
  return new Socket().unref();
}

export interface ChangeFeedOptions {
  /** The NOTIFY channel the triggers use. */
  channel: string;
  /** Wait before connecting again after the connection is lost or could not be made (ms). */
  retryMs?: number;
  /** Longest `settle` waits for its own notification before it counts the feed as lost (ms). */
  settleTimeoutMs?: number;
  logger?: StructuredLogger;
}

/**
 * LISTEN on one channel over a connection of its own, for caches that must drop what a committed write changed
 * (the tables' triggers NOTIFY at commit; PostgreSQL delivers notifications in commit order). Whoever keeps
 * anything on the strength of the feed must check `isLive` and drop everything when it changes: changes made
 * while it is not live are never delivered. The connection is made again `retryMs` after it is lost; the loss is
 * logged once per outage.
 */
export class ChangeFeed {
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private retry: NodeJS.Timeout | null = null;
  private live = false;
  private stopped = false;
  private warned = false;
  private readonly changeListeners: Array<(payload: string) => void> = [];
  private readonly liveListeners: Array<(live: boolean) => void> = [];
  private readonly settling = new Map<string, () => void>();
  private sending: Promise<void> | null = null;
  private next: Promise<void> | null = null;
  private readonly logger: StructuredLogger;

  constructor(
    private readonly connection: () => ClientConfig,
    private readonly options: ChangeFeedOptions,
  ) {
    this.logger = options.logger ?? stderrLogger;
  }

  /** A feed on the data source's database, over a connection made with its pool's settings. */
  static of(dataSource: DataSource, options: ChangeFeedOptions): ChangeFeed {
    const pool = (dataSource.driver as unknown as { master?: Pool & { options: ClientConfig } }).master;
    if (!pool) throw new Error('ChangeFeed needs an initialised PostgreSQL data source');
    // named apart from the pool's connections, for an operator looking at pg_stat_activity
    const name = `${pool.options.application_name ?? 'praxis'}:listen:${options.channel}`;
    return new ChangeFeed(() => ({ ...pool.options, application_name: name }), options);
  }

  get isLive(): boolean {
    return this.live;
  }

  /** Each notification's payload (the triggers send the changed member's id, or `*` for a whole table). */
  onChange(listener: (payload: string) => void): void {
    this.changeListeners.push(listener);
  }

  /** Called with true once the feed listens, and with false when it stops listening. */
  onLive(listener: (live: boolean) => void): void {
    this.liveListeners.push(listener);
  }

  /** Connects; resolves after the first attempt, whether it listens now or will try again. */
  start(): Promise<void> {
    this.stopped = false;
    return this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    await this.connecting;
    const client = this.client;
    this.client = null;
    this.setLive(false);
    if (client) await client.end().catch(() => undefined);
  }

  /**
   * Resolves once every change committed before the call has been delivered to this feed's listeners: its own
   * NOTIFY, sent on the listening connection after they committed, comes after them. A write can await it
   * before it answers, so that its caller's next request, served by this process, sees what it changed. At once
   * when the feed is not live (nothing is kept then); if its notification does not come within
   * `settleTimeoutMs`, the feed counts as lost. Calls are coalesced: one NOTIFY in flight, and one more after it
   * for every call that came meanwhile (the one in flight may have been sent before them).
   */
  settle(): Promise<void> {
    const client = this.client;
    if (!this.live || !client) return Promise.resolve();
    if (!this.sending) {
      const sending = this.barrier(client).finally(() => {
        if (this.sending === sending) this.sending = null;
      });
      this.sending = sending;
      return sending;
    }
    this.next ??= this.sending.then(() => {
      this.next = null;
      return this.settle();
    });
    return this.next;
  }

  private async barrier(client: Client): Promise<void> {
    const token = `${BARRIER}${randomUUID()}`;
    let timer: NodeJS.Timeout | undefined;
    const arrived = new Promise<boolean>((resolve) => {
      this.settling.set(token, () => resolve(true));
      timer = setTimeout(() => resolve(false), this.options.settleTimeoutMs ?? 5000);
    });
    try {
      await client.query('SELECT pg_notify($1, $2)', [this.options.channel, token]);
      if (!(await arrived)) this.lost(client, new Error('a notification did not arrive in time'));
    } catch (error) {
      // the write it follows has committed: it must not fail now, so whatever is kept is dropped instead
      this.lost(client, error instanceof Error ? error : new Error(String(error)));
    } finally {
      clearTimeout(timer);
      this.settling.delete(token);
    }
  }

  private connect(): Promise<void> {
    this.connecting ??= this.listen().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    // the feed never keeps a process alive on its own: one that has closed everything else may exit
    const client = new Client({ ...this.connection(), stream: unreferencedSocket });
    client.on('notification', (message: Notification) => this.notified(message));
    client.on('error', (error: Error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${escapeIdentifier(this.options.channel)}`);
    } catch (error) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
      this.lost(null, error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    if (this.warned) this.logger.info({ channel: this.options.channel }, 'change feed listening again');
    this.warned = false;
    this.setLive(true);
  }

  private notified(message: Notification): void {
    const payload = message.payload ?? '';
    if (payload.startsWith(BARRIER)) {
      this.settling.get(payload)?.();
      return;
    }
    for (const listener of this.changeListeners) listener(payload);
  }

  /** The connection `client` (or an attempt, when null) failed: not live until a new one listens. */
  private lost(client: Client | null, error: Error): void {
    if (client !== this.client) return;
    if (client) {
      this.client = null;
      client.removeAllListeners();
      client.on('error', () => undefined);
      void client.end().catch(() => undefined);
    }
    this.setLive(false);
    if (this.stopped) return;
    if (!this.warned) {
      this.warned = true;
      this.logger.warn(
        { channel: this.options.channel, err: error.message },
        'change feed not listening: caches it feeds are off until it reconnects',
      );
    }
    this.retry ??= setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, this.options.retryMs ?? 1000);
    this.retry.unref();
  }

  private setLive(live: boolean): void {
    if (this.live === live) return;
    this.live = live;
    for (const listener of this.liveListeners) listener(live);
  }
}
