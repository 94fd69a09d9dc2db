import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import pino from 'pino';
import { formatErrorFor } from './errors';

function capture() {
  const lines: Array<{ level: number; msg: string; reason?: string }> = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { lines, logger };
}

/** What Apollo hands `formatError` for an error thrown in a resolver: the error located at its field. */
function located(error: Error): { formatted: GraphQLFormattedError; error: GraphQLError } {
  const graphQLError = new GraphQLError(error.message, { path: ['me'], originalError: error });
  return { formatted: graphQLError.toJSON(), error: graphQLError };
}

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('formatErrorFor and a database that is away', () => {
  it('answers SERVICE_UNAVAILABLE with a retry hint, logged as one warning with the reason', () => {
    const { lines, logger } = capture();
    const { formatted, error } = located(refused);
    expect(formatErrorFor(logger)(formatted, error)).toEqual({
      message: expect.stringMatching(/database is briefly unavailable.*retry/i),
      path: ['me'],
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2 },
    });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 40,
        reason: 'ECONNREFUSED',
        msg: 'database unavailable: answered SERVICE_UNAVAILABLE',
      }),
    ]);
  });

  it('at the gateway (no database of its own) keeps a refused socket an internal error: it is a subgraph’s', () => {
    const { lines, logger } = capture();
    const { formatted, error } = located(refused);
    expect(formatErrorFor(logger, { database: false })(formatted, error)).toEqual({
      message: 'Internal server error',
      path: ['me'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(lines.map((line) => line.level)).toEqual([50]);
  });

  it('passes a SERVICE_UNAVAILABLE a subgraph answered through the gateway as it came, without logging it', () => {
    const { lines, logger } = capture();
    const forwarded = new GraphQLError('The database is briefly unavailable', {
      path: ['me'],
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2, serviceName: 'membership' },
    });
    expect(formatErrorFor(logger, { database: false })(forwarded.toJSON(), forwarded)).toEqual(
      forwarded.toJSON(),
    );
    expect(lines).toEqual([]);
  });
});
