import { hkdfSync } from 'node:crypto';

/**
 * corosync reads the authkey's raw bytes (1.x: exactly 128, 3: at least 128). Derived from the stack's key so every
 * node gets the same file and re-rendering gives the same bytes; printable so it fits a text RenderedFile.
 */
export function corosyncAuthkey(secret: string, cluster: string, version: 1 | 3): string {
  const length = version === 1 ? 128 : 256;
  const raw = Buffer.from(hkdfSync('sha256', secret, `hactl:${cluster}`, 'corosync-authkey', (length / 4) * 3));
  return raw.toString('base64url');
}
