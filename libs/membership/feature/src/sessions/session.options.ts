export interface SessionOptions {
  refreshTokenTtlSeconds: number;
  passwordResetTtlSeconds: number;
  /** The page of the web client that takes a reset token, e.g. https://praxis.example/reset-password */
  passwordResetUrl: string;
  /** Secure cookies need HTTPS (browsers treat http://localhost as secure). */
  cookieSecure: boolean;
}

export const SESSION_OPTIONS = Symbol('praxis:session-options');

/** The refresh token's cookie: httpOnly (no script reads it), SameSite=Strict, and only sent to /graphql. */
export const REFRESH_COOKIE = 'praxis_refresh';
export const REFRESH_COOKIE_PATH = '/graphql';
