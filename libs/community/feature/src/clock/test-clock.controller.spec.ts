import { HttpException } from '@nestjs/common';
import {
  InvalidTokenError,
  type CurrentPrincipalSource,
  type Principal,
  type TokenVerifier,
} from '@praxis/platform/auth';
import type { Logger } from '@praxis/platform/observability';
import type { CommunityOptions } from '../community.options';
import { AdjustableClock } from '@praxis/platform/clock';
import { TestClockController } from './test-clock.controller';

const ADMIN: Principal = { memberId: 'admin-1', roles: [{ role: 'admin', institutionId: null }] };
const MEMBER: Principal = { memberId: 'member-1', roles: [] };

function controller(current: (principal: Principal) => Principal | null = (principal) => principal) {
  const clock = new AdjustableClock();
  const tokens: Record<string, Principal> = { admin: ADMIN, member: MEMBER };
  const verifier = {
    verify: async (token: string) => {
      const principal = tokens[token];
      if (!principal) throw new InvalidTokenError('bad token');
      return principal;
    },
  } as unknown as TokenVerifier;
  const principals: CurrentPrincipalSource = { current: async (principal) => current(principal) };
  const warnings: unknown[] = [];
  const logger = { warn: (...args: unknown[]) => warnings.push(args) } as unknown as Logger;
  const options = { clock, testClock: clock } as unknown as CommunityOptions;
  return { clock, warnings, controller: new TestClockController(options, verifier, principals, logger) };
}

async function statusOf(promise: Promise<unknown>): Promise<{ status: number; body: unknown }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpException) return { status: error.getStatus(), body: error.getResponse() };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('TestClockController (/testing/clock)', () => {
  it('lets an admin set the clock to an instant it runs on from, read it, and put it back, logging each move', async () => {
    const { clock, warnings, controller: c } = controller();
    const moved = await c.move({ at: '2026-03-04T13:00:00Z' }, 'Bearer admin');
    expect(Date.parse(moved.now)).toBeGreaterThanOrEqual(Date.parse('2026-03-04T13:00:00Z'));
    expect(Date.parse(moved.now)).toBeLessThan(Date.parse('2026-03-04T13:00:05Z'));
    expect(clock.now().toISOString().slice(0, 13)).toBe('2026-03-04T13');
    expect((await c.read('Bearer admin')).offsetMs).toBe(moved.offsetMs);
    const back = await c.reset('Bearer admin');
    expect(back.offsetMs).toBe(0);
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
    expect(warnings).toHaveLength(2);
  });

  it('refuses anyone but an admin, and an admin whose role the replica no longer holds', async () => {
    const { clock, controller: c } = controller();
    expect((await statusOf(c.move({ at: '2026-03-04T13:00:00Z' }))).status).toBe(401);
    expect((await statusOf(c.move({ at: '2026-03-04T13:00:00Z' }, 'Bearer forged'))).status).toBe(401);
    expect((await statusOf(c.move({ at: '2026-03-04T13:00:00Z' }, 'Bearer member'))).status).toBe(403);
    expect((await statusOf(c.read('Bearer member'))).status).toBe(403);
    expect((await statusOf(c.reset('Bearer member'))).status).toBe(403);
    expect(clock.offsetMs).toBe(0);

    const revoked = controller((principal) => ({ ...principal, roles: [] })).controller;
    expect((await statusOf(revoked.move({ at: '2026-03-04T13:00:00Z' }, 'Bearer admin'))).status).toBe(403);
    const ended = controller(() => null).controller;
    expect((await statusOf(ended.read('Bearer admin'))).status).toBe(401);
  });

  it('names the field of a bad request', async () => {
    const { clock, controller: c } = controller();
    for (const body of [
      {},
      { at: 'next Tuesday' },
      { at: '2026-03-04T13:00:00' },
      { at: '2026-03-04T13:00:00Z', extra: 1 },
    ]) {
      const refused = await statusOf(c.move(body, 'Bearer admin'));
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toMatch(/"field":"(at|body)"/);
    }
    expect(clock.offsetMs).toBe(0);
  });
});
