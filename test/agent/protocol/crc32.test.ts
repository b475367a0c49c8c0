import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, crc32Js } from '../../../src/agent/protocol/crc32.js';

describe('the CRC-32 of heartbeat packets', () => {
  const samples = [Buffer.alloc(0), Buffer.from('123456789'), Buffer.from('HA\x01\x01 cluster node payload'), Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7) & 0xff))];

  it('is the same in JavaScript (for Node.js 18, which lacks zlib.crc32) as zlib computes', () => {
    for (const data of samples) expect(crc32Js(data)).toBe(zlibCrc32(data) >>> 0);
    expect(crc32Js(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('is unsigned whichever implementation runs', () => {
    expect(crc32(Buffer.from('HA'))).toBeGreaterThan(0);
    for (const data of samples) expect(crc32(data)).toBe(crc32Js(data));
  });
});
