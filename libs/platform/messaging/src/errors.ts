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

/**
 * Whether a failed publish says something about the messages (a poison row) rather than about the broker. kafkajs
 * reports "retries exhausted" as non-retriable even when every try failed to connect; the verdict belongs to
 * the cause, or a broker outage longer than a few relay passes would mark good rows failed and lose them.
 */
export function isPoisonPublishError(error: unknown): boolean {
  let current = error;
  while (current instanceof Error && current.name === 'KafkaJSNumberOfRetriesExceeded' && current.cause) {
    current = current.cause;
  }
  return !isRetriable(current);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export function dlqReasonOf(error: unknown): string {
  return error instanceof NonRetriableError ? error.dlqReason : 'handler-rejected';
}
