/**
 * Handler errors carry a `retriable` flag that decides between retrying and dead-lettering. Errors that do not
 * say are treated as retriable (a database hiccup is the common case); validation problems never are.
 */
export class MessagingError extends Error {
  constructor(
    message: string,
    readonly retriable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class NonRetriableError extends MessagingError {
  constructor(
    message: string,
    options?: { cause?: unknown },
    /** The `x-dlq-reason` the dead letter carries, so an operator can tell a forged event from a bug. */
    readonly dlqReason = 'handler-rejected',
  ) {
    super(message, false, options);
  }
}

export class RetriableError extends MessagingError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, true, options);
  }
}

export function isRetriable(error: unknown): boolean {
  if (error && typeof error === 'object' && 'retriable' in error && typeof error.retriable === 'boolean') {
    return error.retriable;
  }
  return true;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export function dlqReasonOf(error: unknown): string {
  return error instanceof NonRetriableError ? error.dlqReason : 'handler-rejected';
}
