import { PrincipalCache } from './principal-cache';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('PrincipalCache', () => {
  let now: number;
  let loads: number;
  const cache = (maxEntries = 100) =>
    new PrincipalCache<string>({ maxAgeMs: 1000, maxEntries, now: () => now });
  const load = (value: string) => async () => {
    loads += 1;
    return value;
  };

  beforeEach(() => {
    now = 0;
    loads = 0;
  });

  it('keeps nothing until it is live, and drops everything when it stops being live', async () => {
    const principals = cache();
    expect(await principals.read('m1', 's1', load('a'))).toBe('a');
    expect(await principals.read('m1', 's1', load('b'))).toBe('b');
    expect(principals.outcomes).toEqual({ hit: 0, miss: 0, off: 2 });
    principals.setLive(true);
    await principals.read('m1', 's1', load('c'));
    expect(await principals.read('m1', 's1', load('d'))).toBe('c');
    principals.setLive(false);
    expect(principals.size).toBe(0);
    expect(await principals.read('m1', 's1', load('e'))).toBe('e');
    expect(loads).toBe(4);
  });

  it('answers from what it kept per member and key until it is older than maxAgeMs', async () => {
    const principals = cache();
    principals.setLive(true);
    await principals.read('m1', 's1', load('a'));
    now = 999;
    expect(await principals.read('m1', 's1', load('b'))).toBe('a');
    expect(await principals.read('m1', 's2', load('other session'))).toBe('other session');
    now = 1000;
    expect(await principals.read('m1', 's1', load('c'))).toBe('c');
    expect(principals.outcomes).toEqual({ hit: 1, miss: 3, off: 0 });
  });

  it('drops every key of a changed member, and only theirs', async () => {
    const principals = cache();
    principals.setLive(true);
    await principals.read('m1', 's1', load('a'));
    await principals.read('m1', 's2', load('b'));
    await principals.read('m2', 's1', load('c'));
    principals.invalidate('m1');
    expect(principals.size).toBe(1);
    expect(await principals.read('m1', 's1', load('a2'))).toBe('a2');
    expect(await principals.read('m2', 's1', load('c2'))).toBe('c');
  });

  it('does not keep an answer whose read was in flight when the member changed or everything was dropped', async () => {
    const principals = cache();
    principals.setLive(true);
    for (const change of [() => principals.invalidate('m1'), () => principals.clear()]) {
      const slow = deferred<string>();
      const reading = principals.read('m1', 's1', () => slow.promise);
      change();
      slow.resolve('read before the change');
      expect(await reading).toBe('read before the change');
      expect(await principals.read('m1', 's1', load('after'))).toBe('after');
      principals.invalidate('m1');
    }
    // a change to another member does not spoil the read
    const slow = deferred<string>();
    const reading = principals.read('m1', 's1', () => slow.promise);
    principals.invalidate('m2');
    slow.resolve('kept');
    await reading;
    expect(await principals.read('m1', 's1', load('not read'))).toBe('kept');
  });

  it('keeps only what keep allows', async () => {
    const principals = new PrincipalCache<string[]>({ maxAgeMs: 1000, maxEntries: 10 });
    principals.setLive(true);
    const nobody = async () => [] as string[];
    await principals.read('m1', '', nobody, (rows) => rows.length > 0);
    expect(principals.size).toBe(0);
    await principals.read(
      'm1',
      '',
      async () => ['row'],
      (rows) => rows.length > 0,
    );
    expect(principals.size).toBe(1);
  });

  it('holds at most maxEntries, dropping the member stored first', async () => {
    const principals = cache(2);
    principals.setLive(true);
    await principals.read('m1', 's1', load('a'));
    await principals.read('m2', 's1', load('b'));
    await principals.read('m3', 's1', load('c'));
    expect(principals.size).toBe(2);
    expect(await principals.read('m2', 's1', load('b2'))).toBe('b');
    expect(await principals.read('m1', 's1', load('a2'))).toBe('a2');
  });

  it('keeps nothing with a maximum age of zero', async () => {
    const principals = new PrincipalCache<string>({ maxAgeMs: 0, maxEntries: 10 });
    principals.setLive(true);
    expect(principals.isLive).toBe(false);
  });
});
