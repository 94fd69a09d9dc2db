import { MentorshipDomainError, MentorshipErrorCode } from '@praxis/mentorship/domain';
import { toGraphQLError } from './mentorship.errors';

const PUBLIC = ['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'FAILED_PRECONDITION'];

describe('mentorship error mapping', () => {
  it.each(Object.values(MentorshipErrorCode))('maps code %s to a public GraphQL error', (code) => {
    const error = toGraphQLError(new MentorshipDomainError(code, `field: broken ${code}`));
    expect(PUBLIC).toContain(error.extensions.code);
  });

  it('names a refused argument as the client sent it, with its rule', () => {
    const error = toGraphQLError(
      MentorshipDomainError.invalid('response', 'length', 'must be 1 to 2000 characters'),
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'response', rule: 'length', message: 'must be 1 to 2000 characters' }],
    });
  });

  it('names domain findings under input', () => {
    const error = toGraphQLError(
      MentorshipDomainError.invalidInput([{ field: 'heldAt', message: 'must not be in the future' }]),
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.heldAt', rule: 'invalid_input', message: 'must not be in the future' }],
    });
  });

  it('tells a caller the replica is behind, and that retrying works', () => {
    const error = toGraphQLError(
      new MentorshipDomainError(MentorshipErrorCode.MEMBER_NOT_REPLICATED, 'not yet'),
    );
    expect(error.extensions).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'MEMBER_NOT_REPLICATED',
      retryable: true,
    });
  });
});
