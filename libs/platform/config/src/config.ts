import { z } from 'zod';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  - ${problems.join('\n  - ')}`,
    );
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Validates the environment against a schema whose keys are environment variable names, and reports every
 * problem at once. Empty strings count as unset, so `FOO=` falls back to the default like a missing `FOO`.
 */
export function loadConfig<TShape extends z.ZodRawShape>(
  shape: TShape,
  env: Env = process.env,
): z.infer<z.ZodObject<TShape>> {
  const input: Env = {};
  for (const key of Object.keys(shape)) {
    const value = env[key];
    input[key] = value === undefined || value.trim() === '' ? undefined : value;
  }
  const parsed = z.object(shape).safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`),
    );
  }
  return parsed.data;
}

/** Reusable variable schemas, so every service spells the same rule the same way. */
export const env = {
  port: (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback),
  url: () => z.string().refine((value) => URL.canParse(value), { message: 'must be a URL' }),
  postgresUrl: () =>
    z.string().refine((value) => /^postgres(ql)?:\/\//.test(value) && URL.canParse(value), {
      message: 'must be a postgres:// URL',
    }),
  brokers: () =>
    z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((broker) => broker.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(z.string().regex(/^[^:\s]+:\d+$/, 'each broker must be host:port'))
          .min(1, 'at least one broker is required'),
      ),
  bool: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'])
      .default(fallback ? 'true' : 'false')
      .transform((value) => value === 'true' || value === '1' || value === 'yes'),
  logLevel: () => z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  nodeEnv: () => z.enum(['development', 'test', 'production']).default('development'),
  /**
   * Express's `trust proxy`: which hops may set X-Forwarded-For (`false`, `loopback`, `uniquelocal`, CIDRs,
   * comma separated, or a hop count), so the client address is read only from a proxy we run.
   */
  trustProxy: (fallback: string) =>
    z
      .string()
      .default(fallback)
      .transform((value): boolean | number | string => {
        if (value === 'false') return false;
        if (value === 'true') return true;
        return /^\d+$/.test(value) ? Number(value) : value;
      }),
  int: (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback),
  /** A shared secret (a bearer token): long enough not to be guessed, no whitespace. */
  secret: (minLength = 24) =>
    z
      .string()
      .min(minLength, `must be at least ${minLength} characters`)
      .regex(/^\S+$/, 'must not contain whitespace'),
};
