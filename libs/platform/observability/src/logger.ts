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
      paths: ['password', '*.password', 'token', '*.token', 'authorization', '*.authorization'],
      remove: true,
    },
  });
}
