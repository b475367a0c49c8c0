import * as zlib from 'node:zlib';

// zlib.crc32 arrived in Node 20.15/22.2; the agent also runs on the Node.js distributions ship (Debian 12: 18.x),
// so the same CRC-32 (IEEE, as zlib and heartbeat's crc authkeys use) is computed in JavaScript there.
const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32Js(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** CRC-32 of the bytes, unsigned: zlib's when this Node.js has it. */
export const crc32: (data: Uint8Array) => number = native ? (data) => native(data) >>> 0 : crc32Js;
