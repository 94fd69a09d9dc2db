import {
  CompactEncrypt,
  compactDecrypt,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type KeyLike,
} from 'jose';
import { z } from 'zod';

const KEY_AGREEMENT = 'ECDH-ES';
const CONTENT_ENCRYPTION = 'A256GCM';

/**
 * Encrypts a payload field for one recipient service (ECDH-ES key agreement + A256GCM, a compact JWE): the
 * producer holds only the recipient's public key, so nobody else reading the topic, the producer included,
 * can read the field back.
 */
export class PayloadEncrypter {
  private constructor(
    private readonly key: KeyLike | Uint8Array,
    readonly kid: string | undefined,
  ) {}

  static async fromJwk(jwk: JWK): Promise<PayloadEncrypter> {
    if ('d' in jwk) throw new Error('a recipient key must be public (no "d")');
    return new PayloadEncrypter(await importJWK(jwk, KEY_AGREEMENT), jwk.kid);
  }

  async encrypt(value: unknown): Promise<string> {
    return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(value)))
      .setProtectedHeader({
        alg: KEY_AGREEMENT,
        enc: CONTENT_ENCRYPTION,
        ...(this.kid ? { kid: this.kid } : {}),
      })
      .encrypt(this.key);
  }
}

/** The recipient's side: the JSON value inside a compact JWE made by `PayloadEncrypter`. */
export async function decryptPayload(privateJwk: JWK, jwe: string): Promise<unknown> {
  const key = await importJWK(privateJwk, KEY_AGREEMENT);
  const { plaintext } = await compactDecrypt(jwe, key, {
    keyManagementAlgorithms: [KEY_AGREEMENT],
    contentEncryptionAlgorithms: [CONTENT_ENCRYPTION],
  });
  return JSON.parse(new TextDecoder().decode(plaintext)) as unknown;
}

const recipientJwkSchema = z
  .object({ kty: z.enum(['EC', 'OKP']), crv: z.enum(['P-256', 'P-384', 'P-521', 'X25519']), x: z.string() })
  .loose()
  .refine((jwk) => !('d' in jwk), { message: 'must be a public key (no "d")' });

/** zod check for a recipient's public key (JWK JSON) for ECDH-ES (config validation). */
export const recipientPublicKeySchema = z.string().refine(
  (value) => {
    try {
      return recipientJwkSchema.safeParse(JSON.parse(value)).success;
    } catch {
      return false;
    }
  },
  { message: 'must be a public JWK (EC P-256/384/521 or OKP X25519, no "d") of the recipient service' },
);

/** A fresh recipient key pair (ECDH-ES on P-256) as JWK JSON: the public half for producers, the private for the recipient. */
export async function generateRecipientKeys(
  kid = 'demographics',
): Promise<{ publicJwk: string; privateJwk: string }> {
  const pair = await generateKeyPair('ECDH-ES', { crv: 'P-256', extractable: true });
  const publicJwk = { ...(await exportJWK(pair.publicKey)), kid };
  const privateJwk = { ...(await exportJWK(pair.privateKey)), kid };
  return { publicJwk: JSON.stringify(publicJwk), privateJwk: JSON.stringify(privateJwk) };
}
