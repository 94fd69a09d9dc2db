import { FundingDomainError } from '../funding.exception';

/** Runs `fn` and returns the domain error it throws, failing the test if it throws nothing or something else. */
export function refusalOf(fn: () => unknown): FundingDomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FundingDomainError) return error;
    throw error;
  }
  throw new Error('expected a FundingDomainError, but nothing was thrown');
}
