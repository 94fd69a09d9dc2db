import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { generateSigningKeys } from '@praxis/platform/auth';
import { stopChild } from '@praxis/platform/local-infra';
import { createTestDatabase, testBrokers, uniqueName, waitFor } from '@praxis/platform/testing';
import { build } from './build';

const ROOT = path.resolve(__dirname, '..');
// inside the workspace so the compiled requires find node_modules the way dist/ does
const OUT = path.join(ROOT, 'tmp', uniqueName('build'));
// the build helper's port range (see docs/testing.md)
const PORT = 12010 + (process.pid % 80);

describe('the compiled build (npm run build)', () => {
  let child: ChildProcess | undefined;
  let drop: (() => Promise<void>) | undefined;
  let output = '';

  afterAll(async () => {
    if (child) await stopChild(child, { graceMs: 10000 });
    await drop?.();
    await rm(OUT, { recursive: true, force: true });
  });

  it('boots membership from the output with plain node (no loader) and reports ready on /health', async () => {
    const count = await build(ROOT, OUT);
    expect(count).toBeGreaterThan(50);
    const entry = path.join(OUT, 'apps/membership/src/main.js');
    expect(existsSync(entry)).toBe(true);
    // no TypeScript is left for a loader to handle
    expect(existsSync(path.join(OUT, 'apps/membership/src/main.ts'))).toBe(false);

    const db = await createTestDatabase('build_membership');
    drop = db.drop;
    const keys = await generateSigningKeys();
    const eventKeys = await generateSigningKeys();
    child = spawn(process.execPath, [entry], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        PORT: String(PORT),
        DATABASE_URL: db.url,
        KAFKA_BROKERS: testBrokers().join(','),
        AUTH_SIGNING_KEY: JSON.stringify(keys.privateJwk),
        AUTH_JWKS: JSON.stringify(keys.publicJwks),
        EVENT_SIGNING_KEY: JSON.stringify(eventKeys.privateJwk),
        EVENT_VERIFICATION_KEYS: JSON.stringify(eventKeys.publicJwks),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const started = child;

    const health = await waitFor(
      async () => {
        if (started.exitCode !== null) throw new Error(`exited ${started.exitCode}: ${output}`);
        const response = await fetch(`http://127.0.0.1:${PORT}/health`);
        return response.ok
          ? ((await response.json()) as { status: string; info: Record<string, unknown> })
          : false;
      },
      { timeoutMs: 45000, intervalMs: 200, description: `membership from ${entry} to be ready` },
    );
    expect(health.status).toBe('ok');
    expect(health.info).toHaveProperty('database');
    // the process really is the compiled entry point, not a register hook
    expect(started.spawnargs).toEqual([process.execPath, entry]);
  }, 90000);
});
