import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { MembershipError, normaliseEmail } from '@praxis/membership/domain';
import { SessionsService } from './sessions.service';

export interface ThrottleOptions {
  signInPerAddressPerMinute: number;
  signInPerAccountPerMinute: number;
  registerPerAddressPerHour: number;
  resetPerAddressPerHour: number;
  resetPerAccountPerHour: number;
  /** Failed sign-ins within 15 minutes that lock the account ... */
  lockoutFailures: number;
  /** ... for this long. */
  lockoutSeconds: number;
}

export const THROTTLE_OPTIONS = Symbol('praxis:throttle-options');

const TABLE = 'auth_rate_limit';

/** Keys are hashed so the table holds no address or e-mail in the clear. */
function key(kind: string, value: string): string {
  return createHash('sha256').update(`${kind}:${value}`).digest('hex');
}

function retryAfter(result: unknown): number {
  return result instanceof RateLimiterRes ? result.msBeforeNext / 1000 : 60;
}

/**
 * Limits on sign-in, registration and password reset, per client address and per account, kept in PostgreSQL
 * (rate-limiter-flexible's store) so every membership instance counts together. Attempts are counted before any
 * password is hashed: a throttled attempt costs no scrypt work.
 */
@Injectable()
export class AuthThrottle {
  private readonly logger = new Logger('auth-throttle');
  private readonly signInByAddress: RateLimiterPostgres;
  private readonly signInByAccount: RateLimiterPostgres;
  private readonly registerByAddress: RateLimiterPostgres;
  private readonly resetByAddress: RateLimiterPostgres;
  private readonly resetByAccount: RateLimiterPostgres;
  private readonly failures: RateLimiterPostgres;

  constructor(
    dataSource: DataSource,
    private readonly sessions: SessionsService,
    @Inject(THROTTLE_OPTIONS) private readonly options: ThrottleOptions,
  ) {
    const limiter = (keyPrefix: string, points: number, duration: number, blockDuration = 0) =>
      new RateLimiterPostgres({
        storeClient: dataSource,
        storeType: 'typeorm',
        tableName: TABLE,
        // the table comes from membership's migrations
        tableCreated: true,
        // one instance sweeps expired rows; the others leave it
        clearExpiredByTimeout: keyPrefix === 'sign-in-address',
        keyPrefix,
        points,
        duration,
        blockDuration,
      });
    this.signInByAddress = limiter('sign-in-address', options.signInPerAddressPerMinute, 60);
    this.signInByAccount = limiter('sign-in-account', options.signInPerAccountPerMinute, 60);
    this.registerByAddress = limiter('register-address', options.registerPerAddressPerHour, 3600);
    this.resetByAddress = limiter('reset-address', options.resetPerAddressPerHour, 3600);
    this.resetByAccount = limiter('reset-account', options.resetPerAccountPerHour, 3600);
    this.failures = limiter('sign-in-failures', options.lockoutFailures, 15 * 60);
  }

  /** Before the password is checked: the address and account budgets, and the account's lockout. */
  async beforeSignIn(address: string, email: string): Promise<void> {
    const account = key('account', normaliseEmail(email));
    const locked = await this.failures.get(account);
    // block() marks a locked account with one point more than the limit
    if (locked && locked.consumedPoints > this.options.lockoutFailures) {
      throw MembershipError.tooManyRequests(
        'failed sign-ins; the account is locked for a while',
        retryAfter(locked),
      );
    }
    await this.take(this.signInByAddress, key('address', address), 'sign-in attempts from your address');
    await this.take(this.signInByAccount, account, 'sign-in attempts for this account');
  }

  /** A wrong password: counts toward the lockout, which is audited when it starts. */
  async signInFailed(email: string): Promise<void> {
    const account = key('account', normaliseEmail(email));
    let failures: number;
    try {
      failures = (await this.failures.consume(account)).consumedPoints;
    } catch (result) {
      if (result instanceof RateLimiterRes) return; // already locked (a concurrent failure got there first)
      throw result;
    }
    if (failures < this.options.lockoutFailures) return;
    await this.failures.block(account, this.options.lockoutSeconds);
    const memberId = await this.sessions.memberIdByEmail(email);
    await this.sessions.auditNow(memberId, 'account.locked', {
      failures,
      lockedForSeconds: this.options.lockoutSeconds,
    });
    this.logger.warn(
      `account locked after ${failures} failed sign-ins for ${this.options.lockoutSeconds} s (member ${memberId ?? 'unknown'})`,
    );
  }

  async signInSucceeded(email: string): Promise<void> {
    await this.failures.delete(key('account', normaliseEmail(email)));
  }

  async beforeRegister(address: string): Promise<void> {
    await this.take(this.registerByAddress, key('address', address), 'registrations from your address');
  }

  async beforePasswordResetRequest(address: string, email: string): Promise<void> {
    await this.take(
      this.resetByAddress,
      key('address', address),
      'password reset attempts from your address',
    );
    await this.take(
      this.resetByAccount,
      key('account', normaliseEmail(email)),
      'password reset requests for this address',
    );
  }

  async beforePasswordReset(address: string): Promise<void> {
    await this.take(
      this.resetByAddress,
      key('address', address),
      'password reset attempts from your address',
    );
  }

  private async take(limiter: RateLimiterPostgres, limitKey: string, what: string): Promise<void> {
    try {
      await limiter.consume(limitKey);
    } catch (result) {
      if (result instanceof RateLimiterRes) throw MembershipError.tooManyRequests(what, retryAfter(result));
      throw result;
    }
  }
}
