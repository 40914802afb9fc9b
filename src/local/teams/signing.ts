/**
 * The Bot Framework's side of authentication, on loopback: a fresh RSA key each start, published
 * as OpenID metadata and a key set, and JWTs signed with it as Teams signs the activities it sends
 * a bot. The real Teams app validates them as it would Microsoft's (issuer, audience, signature,
 * expiry), so local mode never needs the SDK's unauthenticated mode.
 */
import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { systemClock } from '../../domain/clock.js';

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

export interface Signer {
  /** The OpenID metadata document, given where its keys are served. */
  metadata(keysUrl: string): Record<string, unknown>;
  /** The key set the metadata points at. */
  keys(): { keys: Record<string, unknown>[] };
  /** A JWT with these claims over the usual ones (issuer, one hour's lifetime). */
  sign(claims: Record<string, unknown>): string;
}

export function createSigner(): Signer {
  const kid = `local-${randomUUID()}`;
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    metadata: (keysUrl) => ({
      issuer: BOT_FRAMEWORK_ISSUER,
      jwks_uri: keysUrl,
      id_token_signing_alg_values_supported: ['RS256'],
    }),
    keys: () => ({ keys: [{ ...key.publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] }),
    sign(claims) {
      // The SDK checks expiry against the real time, not local mode's movable clock.
      const now = Math.floor(systemClock.now().getTime() / 1000);
      const header = { alg: 'RS256', typ: 'JWT', kid };
      const payload = { iss: BOT_FRAMEWORK_ISSUER, iat: now, nbf: now, exp: now + 3600, ...claims };
      const unsigned = `${b64(header)}.${b64(payload)}`;
      return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(key.privateKey, 'base64url')}`;
    },
  };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
