import { ConfigError, env } from '@praxis/platform/config';
import { AdjustableClock, systemClock, type Clock } from './clock';

/**
 * The variable that lets admins move a service's clock through `/testing/clock` (system tests and the demo reach
 * time-based behaviour without waiting), e.g. `COMMUNITY_TEST_CLOCK: testClockEnv()`. Off unless set.
 */
export const testClockEnv = () => env.bool(false);

/** A service's clock as configured: the system's, or an adjustable one that `/testing/clock` moves. */
export interface ConfiguredClock {
  clock: Clock;
  /** The same clock when admins may move it; null otherwise (always in production). */
  testClock: AdjustableClock | null;
}

/**
 * Decides the service's clock at boot. A test clock is refused when `NODE_ENV=production` with a ConfigError
 * naming the variable, so it cannot be switched on there by accident.
 */
export function testClockFromEnv(variable: string, enabled: boolean, nodeEnv: string): ConfiguredClock {
  if (enabled && nodeEnv === 'production') {
    throw new ConfigError([
      `${variable}: must not be true in production (it lets an admin move the service's clock)`,
    ]);
  }
  const testClock = enabled ? new AdjustableClock() : null;
  return { clock: testClock ?? systemClock, testClock };
}
