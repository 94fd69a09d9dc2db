import { CommunityDomainError } from '../community.exception';

/** Runs `fn` and returns the domain error it throws, failing the test if it throws nothing or something else. */
export function refusalOf(fn: () => unknown): CommunityDomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CommunityDomainError) return error;
    throw error;
  }
  throw new Error('expected a CommunityDomainError, but nothing was thrown');
}
