import { FundingDomainError, FundingErrorCode } from '@praxis/funding/domain';
import { fundingErrorToGraphQL } from './funding.errors';

describe('funding error mapping', () => {
  it.each(Object.values(FundingErrorCode))('maps %s to a public GraphQL code', (code) => {
    const error = fundingErrorToGraphQL(new FundingDomainError(code, `refused: ${code}`));
    expect(error.extensions.code).toMatch(
      /^(BAD_USER_INPUT|NOT_FOUND|FORBIDDEN|CONFLICT|FAILED_PRECONDITION)$/,
    );
  });

  it('names the offending field of invalid input under input.', () => {
    const error = fundingErrorToGraphQL(
      FundingDomainError.invalidInput([{ field: 'title', message: 'must not be blank' }]),
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.title', rule: 'invalid_input', message: 'must not be blank' }],
    });
  });
});
