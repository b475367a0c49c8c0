import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AuthMethod } from '../config/index.js';
import { crc32 } from './crc32.js';

export const METHOD_IDS: Record<AuthMethod, number> = { crc: 1, md5: 2, sha1: 3, sha256: 4 };
export const MAC_LENGTHS: Record<AuthMethod, number> = { crc: 4, md5: 16, sha1: 20, sha256: 32 };

export interface Authenticator {
  readonly method: AuthMethod;
  readonly id: number;
  readonly length: number;
  sign(data: Uint8Array): Buffer;
  verify(data: Uint8Array, mac: Uint8Array): boolean;
}

/** heartbeat's authkeys methods: md5/sha1 are keyed (HMAC), crc only detects corruption. */
export function createAuthenticator(method: AuthMethod, key: string): Authenticator {
  const keyBytes = Buffer.from(key, 'utf8');
  const length = MAC_LENGTHS[method];
  const sign =
    method === 'crc'
      ? (data: Uint8Array): Buffer => {
          const out = Buffer.allocUnsafe(4);
          out.writeUInt32BE(crc32(data), 0);
          return out;
        }
      : (data: Uint8Array): Buffer => createHmac(method, keyBytes).update(data).digest();
  return {
    method,
    id: METHOD_IDS[method],
    length,
    sign,
    verify(data, mac) {
      if (mac.length !== length) return false;
      return timingSafeEqual(sign(data), mac);
    },
  };
}
