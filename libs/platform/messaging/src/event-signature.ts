import {
  base64url,
  CompactSign,
  compactVerify,
  createLocalJWKSet,
  importJWK,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import { z } from 'zod';
import type { EventEnvelope } from '@praxis/contracts';
import { NonRetriableError } from './errors';

const ALGORITHM = 'ES256';

/**
 * The bytes a signature covers: the event's identity, its place in its aggregate's history and its payload, as
 * JSON with sorted keys so producer and consumer derive the same bytes whatever order fields were parsed in.
 * Covering the sequence stops a replayed old grant from passing as a newer one.
 */
export function signedBytes(event: EventEnvelope): Uint8Array {
  return new TextEncoder().encode(
    canonicalJson({
      eventId: event.eventId,
      type: event.type,
      version: event.version,
      aggregateId: event.aggregateId,
      sequence: event.sequence ?? null,
      payload: event.payload,
    }),
  );
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The producer's side: a detached compact JWS (`header..signature`) over `signedBytes`. */
export class EventSigner {
  private constructor(
    private readonly key: KeyLike | Uint8Array,
    readonly kid: string,
  ) {}

  static async fromJwk(jwk: JWK): Promise<EventSigner> {
    if (typeof jwk.d !== 'string' || typeof jwk.kid !== 'string') {
      throw new Error('an event signing key must be a private JWK with "d" and "kid"');
    }
    return new EventSigner(await importJWK(jwk, ALGORITHM), jwk.kid);
  }

  async sign(event: EventEnvelope): Promise<string> {
    const jws = await new CompactSign(signedBytes(event))
      .setProtectedHeader({ alg: ALGORITHM, kid: this.kid })
      .sign(this.key);
    const [header, , signature] = jws.split('.');
    return `${header}..${signature}`;
  }
}

/** Why a rights-conferring event was not acted on; dead-lettered with reason `signature-invalid`. */
export class UnverifiedEventError extends NonRetriableError {
  constructor(message: string) {
    super(message, undefined, 'signature-invalid');
  }
}

/** The consumer's side: checks an event's detached signature against the producer's public key set. */
export class EventVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(jwks: JSONWebKeySet) {
    this.keys = createLocalJWKSet(jwks);
  }

  async verify(event: EventEnvelope): Promise<void> {
    if (!event.signature) throw new UnverifiedEventError(`${event.type} ${event.eventId} is not signed`);
    const [header, detached, signature, ...rest] = event.signature.split('.');
    if (!header || detached !== '' || !signature || rest.length > 0) {
      throw new UnverifiedEventError(
        `${event.type} ${event.eventId}: signature is not a detached compact JWS`,
      );
    }
    try {
      await compactVerify(
        `${header}.${base64url.encode(signedBytes(event))}.${signature}`,
        // the key set is typed for JWTs (which always encode their payload); our signatures never set b64
        (protectedHeader, token) => this.keys({ ...protectedHeader, b64: true }, token),
        { algorithms: [ALGORITHM] },
      );
    } catch (error) {
      throw new UnverifiedEventError(
        `${event.type} ${event.eventId}: signature does not verify (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }
}

const publicJwksSchema = z.object({
  keys: z
    .array(
      z
        .object({
          kty: z.literal('EC'),
          crv: z.literal('P-256'),
          x: z.string(),
          y: z.string(),
          kid: z.string(),
        })
        .loose()
        .refine((jwk) => !('d' in jwk), { message: 'must hold public keys only (no "d")' }),
    )
    .min(1),
});

/** zod check for a JSON Web Key Set of P-256 public keys given as a JSON string (config validation). */
export const eventVerificationKeysSchema = z.string().refine(
  (value) => {
    try {
      return publicJwksSchema.safeParse(JSON.parse(value)).success;
    } catch {
      return false;
    }
  },
  { message: 'must be a JSON Web Key Set of P-256 public keys with "kid" (membership\'s event keys)' },
);

/** zod check for a private P-256 JWK given as a JSON string (config validation). */
export const eventSigningKeySchema = z.string().refine(
  (value) => {
    try {
      const jwk = JSON.parse(value) as Record<string, unknown>;
      return (
        jwk.kty === 'EC' && jwk.crv === 'P-256' && typeof jwk.d === 'string' && typeof jwk.kid === 'string'
      );
    } catch {
      return false;
    }
  },
  { message: 'must be a private P-256 JWK (JSON with "d" and "kid")' },
);
