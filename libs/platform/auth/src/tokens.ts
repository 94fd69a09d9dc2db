import {
  createLocalJWKSet,
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { z } from 'zod';
import { env } from '@praxis/platform/config';
import { roleGrantSchema, type Principal } from './principal';

export const ALGORITHM = 'ES256';

/** Every service: how to verify tokens. One of AUTH_JWKS_URL (OIDC provider) or AUTH_JWKS (embedded issuer). */
export const authVerifyEnvShape = {
  AUTH_ISSUER: z.string().min(1).default('praxis'),
  AUTH_AUDIENCE: z.string().min(1).default('praxis'),
  AUTH_JWKS_URL: env.url().optional(),
  AUTH_JWKS: z
    .string()
    .optional()
    .refine((value) => value === undefined || isJson(value), { message: 'must be a JSON Web Key Set' }),
  AUTH_ROLES_CLAIM: z.string().min(1).default('praxis_roles'),
};

function isJson(value: string): boolean {
  try {
    return typeof JSON.parse(value) === 'object';
  } catch {
    return false;
  }
}

export interface VerifierConfig {
  AUTH_ISSUER: string;
  AUTH_AUDIENCE: string;
  AUTH_JWKS_URL?: string;
  AUTH_JWKS?: string;
  AUTH_ROLES_CLAIM: string;
}

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

/** Bounds of the verified-token cache: memory (a token is ~0.5 KB) and how long a withdrawn key is trusted. */
const VERIFIED_MAX_ENTRIES = 10000;
const VERIFIED_TTL_MS = 60000;

export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly config: VerifierConfig) {
    if (config.AUTH_JWKS_URL) {
      this.keys = createRemoteJWKSet(new URL(config.AUTH_JWKS_URL), { cooldownDuration: 30000 });
    } else if (config.AUTH_JWKS) {
      this.keys = createLocalJWKSet(JSON.parse(config.AUTH_JWKS) as JSONWebKeySet);
    } else {
      throw new Error('AUTH_JWKS_URL or AUTH_JWKS must be set to verify tokens');
    }
  }

  /**
   * A verified token, by its exact text, until it expires (at most VERIFIED_TTL_MS): an ES256 check was the
   * largest single cost of an authenticated request (docs/performance.md). Only successes are kept, so a
   * forged or tampered token (other text) is always checked; a key withdrawn from a remote JWKS stops
   * verifying new tokens at once and already-seen ones within VERIFIED_TTL_MS.
   */
  private readonly verified = new Map<string, { principal: Principal; expiresAtMs: number }>();

  async verify(token: string): Promise<Principal> {
    const now = Date.now();
    const hit = this.verified.get(token);
    if (hit && hit.expiresAtMs > now) return hit.principal;
    if (hit) this.verified.delete(token);
    const { principal, expiresAtSeconds } = await this.verifyUncached(token);
    if (this.verified.size >= VERIFIED_MAX_ENTRIES) {
      // Maps iterate in insertion order: drop the oldest entry
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    const expiresAtMs = Math.min(now + VERIFIED_TTL_MS, (expiresAtSeconds ?? 0) * 1000);
    // one object serves many requests: frozen, so no request can change what another sees
    Object.freeze(principal);
    principal.roles.forEach((grant) => Object.freeze(grant));
    Object.freeze(principal.roles);
    if (expiresAtMs > now) this.verified.set(token, { principal, expiresAtMs });
    return principal;
  }

  private async verifyUncached(token: string): Promise<{ principal: Principal; expiresAtSeconds?: number }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.config.AUTH_ISSUER,
        audience: this.config.AUTH_AUDIENCE,
        clockTolerance: 5,
      }));
    } catch (error) {
      throw new InvalidTokenError(error instanceof Error ? error.message : 'invalid token');
    }
    if (!payload.sub) throw new InvalidTokenError('token has no subject');
    const roles = z.array(roleGrantSchema).safeParse(payload[this.config.AUTH_ROLES_CLAIM] ?? []);
    if (!roles.success) throw new InvalidTokenError('token roles claim is malformed');
    const sessionId = typeof payload['sid'] === 'string' ? payload['sid'] : undefined;
    const principal: Principal = {
      memberId: payload.sub,
      roles: roles.data,
      ...(payload.iat !== undefined ? { issuedAt: payload.iat } : {}),
      ...(sessionId ? { sessionId } : {}),
    };
    return { principal, expiresAtSeconds: payload.exp };
  }
}

/** The built-in issuer (embedded default): signs with a private EC key; others verify with its public JWKS. */
export class TokenIssuer {
  private constructor(
    private readonly privateKey: Awaited<ReturnType<typeof importJWK>>,
    private readonly kid: string,
    private readonly config: { issuer: string; audience: string; ttlSeconds: number; rolesClaim: string },
  ) {}

  static async fromJwk(
    jwk: JWK,
    config: { issuer: string; audience: string; ttlSeconds: number; rolesClaim: string },
  ): Promise<TokenIssuer> {
    if (!jwk.kid) throw new Error('signing key needs a kid');
    return new TokenIssuer(await importJWK(jwk, ALGORITHM), jwk.kid, config);
  }

  get ttlSeconds(): number {
    return this.config.ttlSeconds;
  }

  async issue(principal: Principal): Promise<string> {
    return new SignJWT({
      [this.config.rolesClaim]: principal.roles,
      ...(principal.sessionId ? { sid: principal.sessionId } : {}),
    })
      .setProtectedHeader({ alg: ALGORITHM, kid: this.kid })
      .setSubject(principal.memberId)
      .setIssuer(this.config.issuer)
      .setAudience(this.config.audience)
      .setIssuedAt()
      .setExpirationTime(`${this.config.ttlSeconds}s`)
      .sign(this.privateKey);
  }
}

/** A fresh key pair for the embedded issuer: the private JWK for membership, the public set for everyone. */
export async function generateSigningKeys(): Promise<{ privateJwk: JWK; publicJwks: JSONWebKeySet }> {
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const kid = `praxis-${Date.now().toString(36)}`;
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: ALGORITHM, use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' };
  return { privateJwk, publicJwks: { keys: [publicJwk] } };
}
