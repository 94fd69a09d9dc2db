import { testClockController } from '@praxis/platform/clock';
import { FUNDING_OPTIONS } from '../funding.options';

export const FUNDING_TEST_CLOCK_LOGGER = Symbol('FUNDING_TEST_CLOCK_LOGGER');

/**
 * `/testing/clock` on funding's own port, served only when the configuration allows a test clock
 * (`FUNDING_TEST_CLOCK=true`, refused in production). The scheduler reads the same clock, so moving it past
 * Monday 06:00 UTC runs that tick's at-risk check within a second, on one replica, under the job's lock.
 */
export const FundingTestClockController = testClockController({
  name: 'funding',
  variable: 'FUNDING_TEST_CLOCK',
  optionsToken: FUNDING_OPTIONS,
  loggerToken: FUNDING_TEST_CLOCK_LOGGER,
});
