/**
 * Encryption at rest of what Slack's OAuth install hands us (bot and user tokens): AES-256-GCM
 * with the 32-byte SLACK_INSTALLATION_KEY, a fresh 12-byte IV per write, and the row's key as
 * associated data, so a ciphertext copied onto another workspace's row fails to decrypt.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12;

export interface TokenCipher {
  seal(plaintext: string, aad: string): string;
  /** Throws when the text was not sealed with this key and `aad`. */
  open(sealed: string, aad: string): string;
}

/** A cipher over `key` (exactly 32 bytes). Output: iv.tag.ciphertext, each base64url. */
export function tokenCipher(key: Buffer): TokenCipher {
  if (key.length !== 32) throw new Error('the installation key must be 32 bytes');
  return {
    seal(plaintext, aad) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(aad, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
    },
    open(sealed, aad) {
      const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
      if (!iv || !tag || !body || iv.length !== IV_BYTES) throw new Error('not a sealed installation');
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    },
  };
}
