import { testClockController } from '@praxis/platform/clock';
import { COMMUNITY_OPTIONS } from '../community.options';

export const TEST_CLOCK_LOGGER = Symbol('TEST_CLOCK_LOGGER');

/**
 * `/testing/clock` on community's own port, served only when the configuration allows a test clock
 * (`COMMUNITY_TEST_CLOCK=true`, refused in production); the endpoint is the platform's.
 */
export const TestClockController = testClockController({
  name: 'community',
  variable: 'COMMUNITY_TEST_CLOCK',
  optionsToken: COMMUNITY_OPTIONS,
  loggerToken: TEST_CLOCK_LOGGER,
});
