import { CommunityDomainError, CommunityErrorCode } from '@praxis/community/domain';
import { domainErrorToGraphQL } from './community.errors';

describe('community error mapping', () => {
  it.each(Object.values(CommunityErrorCode))('maps %s to a public GraphQL code', (code) => {
    const error = domainErrorToGraphQL(new CommunityDomainError(code, `refused: ${code}`));
    expect(error.extensions.code).toMatch(
      /^(BAD_USER_INPUT|NOT_FOUND|FORBIDDEN|CONFLICT|FAILED_PRECONDITION)$/,
    );
  });

  it('names the offending field of invalid input under input.', () => {
    const error = domainErrorToGraphQL(
      CommunityDomainError.invalidInput([{ field: 'title', message: 'must not be blank' }]),
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.title', rule: 'invalid_input', message: 'must not be blank' }],
    });
  });
});
