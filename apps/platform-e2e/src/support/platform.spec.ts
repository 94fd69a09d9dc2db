import { spawn, type ChildProcess } from 'node:child_process';
import { stopChild } from '@praxis/platform/local-infra';
import { launcherReady, signedInSession, tokenExpiresAt } from './platform';

/** A stand-in for the launcher: a node child running `script`. */
function launcher(script: string): ChildProcess {
  return spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'ignore'] });
}

// each spawns a node child, which a loaded machine starts slowly
jest.setTimeout(60000);

describe("launcherReady (startPlatform's wait for the launcher)", () => {
  const started: ChildProcess[] = [];
  const start = (script: string) => {
    const child = launcher(script);
    started.push(child);
    return child;
  };
  afterAll(() => Promise.all(started.map((child) => stopChild(child, { signal: 'SIGKILL' }))));

  it('resolves when the launcher says it is ready, even with the line split across writes', async () => {
    const child = start(
      "process.stdout.write('[praxis] rea'); setTimeout(() => process.stdout.write('dy in 1.0 s\\n'), 200); setInterval(() => {}, 1000)",
    );
    await expect(launcherReady(child, { waitMs: 30000, logFile: 'the.log' })).resolves.toBeUndefined();
  });

  it('rejects as soon as the launcher exits, with its exit code and the log', async () => {
    const child = start('setTimeout(() => process.exit(1), 100)');
    const since = Date.now();
    await expect(launcherReady(child, { waitMs: 30000, logFile: 'the.log' })).rejects.toThrow(
      'npm start exited with 1; see the.log',
    );
    expect(Date.now() - since).toBeLessThan(20000);
  });

  it('rejects after waitMs, and when the caller aborts', async () => {
    await expect(
      launcherReady(start('setInterval(() => {}, 1000)'), { waitMs: 300, logFile: 'the.log' }),
    ).rejects.toThrow('timed out after 300 ms waiting for platform ready (log: the.log)');
    const giveUp = new AbortController();
    const waiting = launcherReady(start('setInterval(() => {}, 1000)'), {
      waitMs: 30000,
      signal: giveUp.signal,
      logFile: 'the.log',
    });
    giveUp.abort();
    await expect(waiting).rejects.toThrow('gave up waiting for platform ready (log: the.log)');
  });
});

/** A JWT-shaped token (only the payload is read) that expires at `expSeconds`. */
function jwt(expSeconds: number | undefined, id: string): string {
  const payload = Buffer.from(
    JSON.stringify({ sub: id, ...(expSeconds === undefined ? {} : { exp: expSeconds }) }),
  );
  return `header.${payload.toString('base64url')}.signature`;
}

describe('tokenExpiresAt', () => {
  it('reads a JWT’s exp claim, in milliseconds', () => {
    expect(tokenExpiresAt(jwt(1_800_000_300, 'a'))).toBe(1_800_000_300_000);
  });

  it('is undefined for a token without exp or that is not a JWT', () => {
    expect(tokenExpiresAt(jwt(undefined, 'a'))).toBeUndefined();
    expect(tokenExpiresAt('opaque')).toBeUndefined();
    expect(tokenExpiresAt('a.not-json.b')).toBeUndefined();
  });
});

describe('signedInSession (the system suites’ admin)', () => {
  let clock = 0;
  const now = () => clock;
  /** Signs in at the clock's time with a token that lives 300 s, as membership's access tokens do. */
  const signIns: number[] = [];
  const signIn = () => {
    signIns.push(clock);
    return Promise.resolve(jwt(clock / 1000 + 300, `token-${signIns.length}`));
  };

  beforeEach(() => {
    clock = 1_800_000_000_000;
    signIns.length = 0;
  });

  it('keeps one token while it has more than the margin left, then signs in again', async () => {
    const session = signedInSession(signIn, { now, marginMs: 60_000 });
    const first = await session.token();
    clock += 239_000;
    expect(await session.token()).toBe(first);
    expect(signIns).toHaveLength(1);
    // 60 s left: a call made now could reach the platform after the token expired
    clock += 1_000;
    const second = await session.token();
    expect(second).not.toBe(first);
    expect(signIns).toHaveLength(2);
    // a suite that runs for 20 minutes always holds a token with at least the margin left
    for (let minute = 0; minute < 20; minute += 1) {
      clock += 60_000;
      const expiresAt = tokenExpiresAt(await session.token()) ?? 0;
      expect(expiresAt - clock).toBeGreaterThanOrEqual(60_000);
    }
  });

  it('shares one sign-in between callers that ask at the same time', async () => {
    const session = signedInSession(signIn, { now });
    const tokens = await Promise.all([session.token(), session.token(), session.token()]);
    expect(new Set(tokens).size).toBe(1);
    expect(signIns).toHaveLength(1);
  });

  it('signs in for every call when it cannot read the token’s expiry', async () => {
    let calls = 0;
    const counted = signedInSession(() => Promise.resolve(`opaque-${(calls += 1)}`), { now });
    expect([await counted.token(), await counted.token()]).toEqual(['opaque-1', 'opaque-2']);
  });

  it('tries again after a failed sign-in', async () => {
    let fail = true;
    const session = signedInSession(
      () => (fail ? Promise.reject(new Error('membership is not ready')) : signIn()),
      { now },
    );
    await expect(session.token()).rejects.toThrow('membership is not ready');
    fail = false;
    await expect(session.token()).resolves.toMatch(/^header\./);
  });
});
