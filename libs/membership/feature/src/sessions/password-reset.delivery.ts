import type { Logger } from '@praxis/platform/observability';

export interface PasswordResetMessage {
  email: string;
  displayName: string;
  /** The link the member opens; it carries the single-use token. */
  resetUrl: string;
  expiresAt: Date;
}

/**
 * How a reset link reaches the member: a port, so a deployment plugs in e-mail (a later issue) without touching
 * the flow. Delivery runs after the request has been answered, so its timing tells nothing about the address.
 */
export interface PasswordResetDelivery {
  deliver(message: PasswordResetMessage): Promise<void>;
}

export const PASSWORD_RESET_DELIVERY = Symbol('praxis:password-reset-delivery');

/** Development adapter: writes the link to the log. Refused in production by membership's configuration. */
export class LoggingPasswordResetDelivery implements PasswordResetDelivery {
  constructor(private readonly logger: Logger) {}

  async deliver(message: PasswordResetMessage): Promise<void> {
    this.logger.info(
      { email: message.email, resetUrl: message.resetUrl, expiresAt: message.expiresAt.toISOString() },
      'password reset link (development delivery: configure a real delivery for production)',
    );
  }
}

/** Production until an e-mail adapter exists: records that a link was asked for, never the link itself. */
export class UndeliveredPasswordReset implements PasswordResetDelivery {
  constructor(private readonly logger: Logger) {}

  async deliver(): Promise<void> {
    this.logger.warn(
      'password reset requested, but no delivery is configured (PASSWORD_RESET_DELIVERY=none)',
    );
  }
}
