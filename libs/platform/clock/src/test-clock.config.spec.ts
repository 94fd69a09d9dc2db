import { z } from 'zod';
import { ConfigError, loadConfig } from '@praxis/platform/config';
import { AdjustableClock, systemClock } from './clock';
import { testClockEnv, testClockFromEnv } from './test-clock.config';

describe('a test clock, allowed by configuration and never in production', () => {
  it('is the system clock unless the variable is true', () => {
    expect(testClockFromEnv('X_TEST_CLOCK', false, 'production')).toEqual({
      clock: systemClock,
      testClock: null,
    });
    expect(testClockFromEnv('X_TEST_CLOCK', false, 'development').testClock).toBeNull();
  });

  it('outside production, is one adjustable clock that the service reads and /testing/clock moves', () => {
    const { clock, testClock } = testClockFromEnv('X_TEST_CLOCK', true, 'development');
    expect(testClock).toBeInstanceOf(AdjustableClock);
    expect(clock).toBe(testClock);
    testClock?.set(new Date('2026-03-02T06:00:30Z'));
    expect(clock.now().toISOString().slice(0, 16)).toBe('2026-03-02T06:00');
  });

  it('refuses it in production with a ConfigError naming the variable', () => {
    let error: unknown;
    try {
      testClockFromEnv('FUNDING_TEST_CLOCK', true, 'production');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      "FUNDING_TEST_CLOCK: must not be true in production (it lets an admin move the service's clock)",
    ]);
  });

  it('is off by default and takes only a boolean, validated with the rest of the environment', () => {
    const shape = { NODE_ENV: z.string().default('development'), X_TEST_CLOCK: testClockEnv() };
    expect(loadConfig(shape, {}).X_TEST_CLOCK).toBe(false);
    expect(loadConfig(shape, { X_TEST_CLOCK: 'true' }).X_TEST_CLOCK).toBe(true);
    expect(() => loadConfig(shape, { X_TEST_CLOCK: 'sometimes' })).toThrow(/X_TEST_CLOCK/);
  });
});
