import pino, { type Logger } from 'pino';
import { currentContext } from './context';

export type { Logger } from 'pino';

/** Structured JSON logs; every line carries the correlation id of the work in progress. */
export function createLogger(service: string, level = 'info'): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const context = currentContext();
      return context ? { correlationId: context.correlationId } : {};
    },
    redact: {
      // a QueryFailedError carries the statement's values and PostgreSQL's detail quotes the offending one
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'authorization',
        '*.authorization',
        'err.parameters',
        'err.detail',
        'err.driverError',
        'err.cause.parameters',
        'err.cause.detail',
      ],
      remove: true,
    },
  });
}
