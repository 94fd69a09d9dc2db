import { CommunityDomainError, CommunityErrorCode } from '@praxis/community/domain';
import { toGraphQLError } from './community.errors';

describe('community error mapping', () => {
  it.each(Object.values(CommunityErrorCode))('maps %s to a public GraphQL code', (code) => {
    const error = toGraphQLError(new CommunityDomainError(code, `refused: ${code}`));
    expect(error.extensions.code).toMatch(
      /^(BAD_USER_INPUT|NOT_FOUND|FORBIDDEN|CONFLICT|FAILED_PRECONDITION)$/,
    );
  });

  it('keeps the field a service refusal names (an argument) as it is', () => {
    const error = toGraphQLError(
      CommunityDomainError.invalid('seed', 'length', 'must be 1 to 200 characters'),
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'seed', rule: 'length', message: 'must be 1 to 200 characters' }],
    });
  });

  it('names the offending field of invalid input under input.', () => {
    const error = toGraphQLError(
      CommunityDomainError.invalidInput([{ field: 'title', message: 'must not be blank' }]),
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.title', rule: 'invalid_input', message: 'must not be blank' }],
    });
  });
});
