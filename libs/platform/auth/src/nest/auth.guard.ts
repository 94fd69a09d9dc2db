import type { IncomingHttpHeaders } from 'node:http';
import {
  createParamDecorator,
  Global,
  Injectable,
  Module,
  SetMetadata,
  type CanActivate,
  type DynamicModule,
  type ExecutionContext,
} from '@nestjs/common';
import { APP_GUARD, ModuleRef, Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import type { Role } from '@praxis/contracts';
import { setActor } from '@praxis/platform/observability';
import { hasRole, type Principal } from '../principal';
import { InvalidTokenError, TokenVerifier, type VerifierConfig } from '../tokens';

const IS_PUBLIC = 'praxis:public';
// @nestjs/graphql marks @ResolveReference methods with this key (not exported from its entry point)
const RESOLVE_REFERENCE = 'graphql:resolve_reference';
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);
const REQUIRED_ROLES = 'praxis:roles';

/** Marks an operation that anyone may call, signed in or not (e.g. register, login). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Requires at least one of the roles. Per-record rules still belong in the resolver/service. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLES, roles);

/**
 * The service's own current view of a caller. A token says who the caller is and what they held when it was
 * issued; roles that gate operations must come from the service's data (membership's tables, the others' member
 * replica), so a revoked role stops working within seconds rather than when the token expires.
 */
export interface CurrentPrincipalSource {
  /**
   * The caller with their current roles, or null when their session or account is no longer valid. `request`
   * lets a source that reads more of the caller in the same query (membership: the member row) leave it for the
   * request's loaders, so `{ me { ... } }` is one round trip to the database.
   */
  current(principal: Principal, request?: object): Promise<Principal | null>;
  /**
   * For a source that keeps what it read between requests: resolves once every change committed so far is
   * reflected in what it answers (in-process tests await it before each operation).
   */
  settle?(): Promise<void>;
}

/** Provide this token (in any module) to make the guard consult the service's current view of the caller. */
export const CURRENT_PRINCIPAL_SOURCE = Symbol('praxis:current-principal-source');

/** The GraphQL context's `req` (Express's, or the lean path's: `GraphqlRequest` of platform graphql). */
export interface AuthenticatedRequest {
  readonly headers: IncomingHttpHeaders;
  principal?: Principal | null;
  /** The one authentication of this request, shared by resolvers that start before it finishes. */
  authenticating?: Promise<Principal | null>;
}

export function requestOf(context: ExecutionContext): AuthenticatedRequest {
  return GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req;
}

/** The signed-in caller; only on operations the guard let through without @Public. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = requestOf(context).principal;
  if (!principal) throw unauthenticated('sign in required');
  return principal;
});

/** The caller if signed in, else null (for @Public operations that behave differently for members). */
export const OptionalPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal | null => requestOf(context).principal ?? null,
);

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/**
 * Every GraphQL operation passes here: the service verifies the bearer token itself (never trusting identity
 * headers), then applies @Public and @Roles. HTTP routes (health, metrics, JWKS) are infrastructure, not data.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private source: CurrentPrincipalSource | null | undefined;

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const req = requestOf(context);
    if (req.principal === undefined) {
      // the reference resolvers of one `_entities` call start together: they share one verification and
      // one look-up of the caller's current roles instead of one each
      req.authenticating ??= this.authenticate(req);
      req.principal = await req.authenticating;
      setActor(req.principal?.memberId ?? null);
    }
    const handler = context.getHandler();
    if (this.isFieldOfAuthorisedParent(context, handler)) return true;
    const targets = [handler, context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const principal = req.principal;
    if (!principal) throw unauthenticated('sign in required: send Authorization: Bearer <token>');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.some((role) => hasRole(principal, role))) {
      throw forbidden(`this operation requires the ${roles.join(' or ')} role`);
    }
    return true;
  }

  /**
   * A field resolver runs on an object an authorised operation already returned, so it inherits that decision
   * unless it declares its own rule on the method. A reference resolver (`_entities`) is an entry point a
   * caller can reach directly, so it is checked like any operation: deny by default, `@Public`, `@Roles`.
   */
  private isFieldOfAuthorisedParent(
    context: ExecutionContext,
    handler: ReturnType<ExecutionContext['getHandler']>,
  ): boolean {
    if (Reflect.getMetadata(RESOLVE_REFERENCE, handler) === true) return false;
    const parentType = GqlExecutionContext.create(context).getInfo<{ parentType?: { name: string } }>()
      ?.parentType?.name;
    if (!parentType || ROOT_TYPES.has(parentType)) return false;
    return (
      this.reflector.get<boolean>(IS_PUBLIC, handler) === undefined &&
      this.reflector.get<Role[]>(REQUIRED_ROLES, handler) === undefined
    );
  }

  private async authenticate(req: AuthenticatedRequest): Promise<Principal | null> {
    const header = req.headers.authorization;
    if (!header) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthenticated('Authorization header must be "Bearer <token>"');
    let verified: Principal;
    try {
      verified = await this.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw unauthenticated('invalid or expired token');
      throw error;
    }
    const source = this.currentSource();
    if (!source) return verified;
    const current = await source.current(verified, req);
    if (!current) throw unauthenticated('this session has ended; sign in again');
    return current;
  }

  /** Looked up lazily and across modules: the source lives in the service's feature module. */
  private currentSource(): CurrentPrincipalSource | null {
    if (this.source === undefined) {
      try {
        this.source = this.moduleRef.get<CurrentPrincipalSource>(CURRENT_PRINCIPAL_SOURCE, {
          strict: false,
        });
      } catch {
        this.source = null;
      }
    }
    return this.source;
  }
}

@Global()
@Module({})
export class AuthModule {
  static forRoot(config: VerifierConfig): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: TokenVerifier, useValue: new TokenVerifier(config) },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenVerifier],
    };
  }
}
