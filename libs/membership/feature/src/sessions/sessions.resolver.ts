import { Inject, Logger } from '@nestjs/common';
import { Args, Context, Int, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, OptionalPrincipal, Public, type Principal } from '@praxis/platform/auth';
import type { GraphqlRequest, GraphqlResponse } from '@praxis/platform/graphql';
import { MembershipError, MembershipErrorCode } from '@praxis/membership/domain';
import { toMemberObject, viewerOf } from '../membership.mapper';
import {
  AuthPayloadObject,
  ChangePasswordInput,
  RegisterInput,
  ResetPasswordInput,
} from '../membership.objects';
import { MembershipService, type MemberWithRoles } from '../membership.service';
import { clearRefreshCookie, refreshTokenFromCookie, setRefreshCookie } from './refresh-cookie';
import { AuthThrottle } from './auth.throttle';
import { SESSION_OPTIONS, type SessionOptions } from './session.options';
import { SessionsService, type IssuedSession } from './sessions.service';

/** Express's `req` and `res`, or the lean path's (platform graphql's `SubgraphContext`). */
interface HttpContext {
  req?: GraphqlRequest;
  res?: GraphqlResponse;
}

/** The client's address: the socket's, or the gateway's X-Forwarded-For when it comes from a trusted proxy. */
function addressOf(context: HttpContext): string {
  return context.req?.ip ?? 'unknown';
}

const BODY_FLAG = {
  name: 'refreshTokenInBody',
  type: () => Boolean,
  defaultValue: false,
  description: 'Also return the refresh token in the response (clients that cannot keep cookies)',
} as const;

/** Signs in, refreshes and ends sessions; the refresh token travels as an httpOnly cookie set here. */
@Resolver()
export class SessionsResolver {
  private readonly logger = new Logger('sessions');

  constructor(
    private readonly membership: MembershipService,
    private readonly sessions: SessionsService,
    private readonly throttle: AuthThrottle,
    @Inject(SESSION_OPTIONS) private readonly options: SessionOptions,
  ) {}

  @Public()
  @Mutation(() => AuthPayloadObject, {
    description: 'Join Praxis; starts a session for the new member and sets the refresh-token cookie',
  })
  async register(
    @Args('input') input: RegisterInput,
    @Args(BODY_FLAG.name, BODY_FLAG) inBody: boolean,
    @Context() context: HttpContext,
  ): Promise<AuthPayloadObject> {
    await this.throttle.beforeRegister(addressOf(context));
    const { session, member } = await this.membership.register(input);
    return this.payload(session, member, inBody, context);
  }

  @Public()
  @Mutation(() => AuthPayloadObject, { description: 'Starts a session; sets the refresh-token cookie' })
  async login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Args(BODY_FLAG.name, BODY_FLAG) inBody: boolean,
    @Context() context: HttpContext,
  ): Promise<AuthPayloadObject> {
    await this.throttle.beforeSignIn(addressOf(context), email);
    const signedIn = await this.membership.login(email, password).catch(async (error: unknown) => {
      if (error instanceof MembershipError && error.code === MembershipErrorCode.InvalidCredentials) {
        await this.throttle.signInFailed(email);
      }
      throw error;
    });
    await this.throttle.signInSucceeded(email);
    const { session, member } = signedIn;
    return this.payload(session, member, inBody, context);
  }

  @Public()
  @Mutation(() => AuthPayloadObject, {
    description:
      'A new access token for the refresh token (from the cookie, or the argument); the refresh token rotates, and reusing an old one ends the session',
  })
  async refreshSession(
    @Args('refreshToken', { type: () => String, nullable: true }) refreshToken: string | null,
    @Args(BODY_FLAG.name, BODY_FLAG) inBody: boolean,
    @Context() context: HttpContext,
  ): Promise<AuthPayloadObject> {
    const token = refreshToken ?? refreshTokenFromCookie(context.req);
    if (!token) {
      throw new MembershipError(MembershipErrorCode.SessionEnded, 'no refresh token: sign in again');
    }
    const session = await this.sessions.refresh(token).catch((error: unknown) => {
      clearRefreshCookie(context.res, this.options.cookieSecure);
      throw error;
    });
    const member = await this.membership.findMember(session.memberId);
    if (!member) throw new MembershipError(MembershipErrorCode.SessionEnded, 'your account no longer exists');
    return this.payload(session, member, inBody, context);
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Ends this session (the one of the access token, else of the refresh token) and clears the cookie',
  })
  async logout(
    @OptionalPrincipal() principal: Principal | null,
    @Args('refreshToken', { type: () => String, nullable: true }) refreshToken: string | null,
    @Context() context: HttpContext,
  ): Promise<boolean> {
    const fromCookie = refreshToken ?? refreshTokenFromCookie(context.req);
    await this.sessions.logout({
      ...(principal?.sessionId ? { sessionId: principal.sessionId } : {}),
      ...(fromCookie ? { refreshToken: fromCookie } : {}),
    });
    clearRefreshCookie(context.res, this.options.cookieSecure);
    return true;
  }

  @Mutation(() => Int, { description: 'Ends every session of yours, this one included; returns how many' })
  async logoutEverywhere(
    @CurrentPrincipal() principal: Principal,
    @Context() context: HttpContext,
  ): Promise<number> {
    const ended = await this.sessions.logoutEverywhere(principal.memberId);
    clearRefreshCookie(context.res, this.options.cookieSecure);
    return ended;
  }

  @Mutation(() => Int, {
    description: 'Needs the current password; ends every other session of yours; returns how many ended',
  })
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: ChangePasswordInput,
    @Context() context: HttpContext,
  ): Promise<number> {
    // the current password is guessed like a sign-in, so it shares the sign-in budgets and lockout
    const email = (await this.membership.findMember(principal.memberId))?.member.email ?? principal.memberId;
    await this.throttle.beforeSignIn(addressOf(context), email);
    return this.membership
      .changePassword(principal.memberId, principal.sessionId, input.currentPassword, input.newPassword)
      .catch(async (error: unknown) => {
        if (
          error instanceof MembershipError &&
          error.fields.some((f) => f.field === 'input.currentPassword')
        ) {
          await this.throttle.signInFailed(email);
        }
        throw error;
      });
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Sends a reset link if the address belongs to a member; always answers true, so it reveals nothing',
  })
  async requestPasswordReset(
    @Args('email') email: string,
    @Context() context: HttpContext,
  ): Promise<boolean> {
    await this.throttle.beforePasswordResetRequest(addressOf(context), email.slice(0, 254));
    // answered before any lookup or delivery, so neither the answer nor its timing depends on the address
    setImmediate(() => {
      this.sessions.startPasswordReset(email).catch((error: unknown) => {
        this.logger.error(`password reset could not be started: ${String(error)}`);
      });
    });
    return true;
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Sets a new password with a reset link token (single use); ends every session',
  })
  async resetPassword(
    @Args('input') input: ResetPasswordInput,
    @Context() context: HttpContext,
  ): Promise<boolean> {
    await this.throttle.beforePasswordReset(addressOf(context));
    await this.membership.resetPassword(input.token, input.newPassword);
    return true;
  }

  private payload(
    session: IssuedSession,
    member: MemberWithRoles,
    inBody: boolean,
    context: HttpContext,
  ): AuthPayloadObject {
    setRefreshCookie(
      context.res,
      session.refreshToken,
      session.refreshTokenExpiresAt,
      this.options.cookieSecure,
    );
    return {
      token: session.accessToken,
      tokenExpiresAt: session.accessTokenExpiresAt,
      refreshToken: inBody ? session.refreshToken : null,
      refreshTokenExpiresAt: session.refreshTokenExpiresAt,
      member: toMemberObject(member, viewerOf({ memberId: member.member.id, roles: session.roles })),
    };
  }
}
