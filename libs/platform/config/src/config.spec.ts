import { ConfigError, env, loadConfig } from './config';

describe('loadConfig', () => {
  const shape = {
    PORT: env.port(3000),
    DATABASE_URL: env.postgresUrl(),
    KAFKA_BROKERS: env.brokers(),
    DEBUG_SQL: env.bool(false),
  };

  it('parses, coerces and defaults', () => {
    const config = loadConfig(shape, {
      DATABASE_URL: 'postgres://u@localhost:5432/db',
      KAFKA_BROKERS: 'a:9092, b:9093',
      DEBUG_SQL: 'yes',
    });
    expect(config).toEqual({
      PORT: 3000,
      DATABASE_URL: 'postgres://u@localhost:5432/db',
      KAFKA_BROKERS: ['a:9092', 'b:9093'],
      DEBUG_SQL: true,
    });
  });

  it('reports every problem at once, naming each variable', () => {
    let error: unknown;
    try {
      loadConfig(shape, {
        PORT: '70000',
        DATABASE_URL: 'mysql://x',
        KAFKA_BROKERS: 'nohost',
        DEBUG_SQL: 'maybe',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(problems.join('\n')).toMatch(/KAFKA_BROKERS.*host:port/);
    expect(problems.join('\n')).toMatch(/DEBUG_SQL/);
  });

  it('treats empty strings as unset so defaults apply and required ones are reported', () => {
    expect(() => loadConfig(shape, { PORT: '', DATABASE_URL: '', KAFKA_BROKERS: 'a:1' })).toThrow(
      /DATABASE_URL/,
    );
  });
});
