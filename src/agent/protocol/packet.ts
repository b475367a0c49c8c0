import type { Authenticator } from './auth.js';

/*
 * Wire format (big endian), MAC over everything before it:
 *   0  2  magic "HA"        8  8  generation (per boot, < 2^53)
 *   2  1  version (1)      16  8  sequence (< 2^53)
 *   3  1  type             24  4  state version (payload changes bump it)
 *   4  1  auth method id   28  2  payload length P
 *   5  1  cluster length C 30  C  cluster, N node (ASCII), P payload (JSON), then the MAC
 *   6  1  node length N
 *   7  1  flags (0)
 */
export const HEADER_LENGTH = 30;
export const MAX_PAYLOAD = 16384;
export const MAX_NAME = 64;
const MAGIC0 = 0x48;
const MAGIC1 = 0x41;
const VERSION = 1;
const TWO32 = 0x1_0000_0000;
const NAME_BYTES = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export const PacketType = { heartbeat: 1, leave: 2 } as const;
export type PacketTypeName = keyof typeof PacketType;

export interface Packet {
  type: PacketTypeName;
  cluster: string;
  node: string;
  generation: number;
  seq: number;
  stateVersion: number;
  /** Raw JSON payload; parsed only when stateVersion changes. A view into the datagram when decoded. */
  payload: Buffer;
}

export type DropReason =
  | 'short'
  | 'long'
  | 'magic'
  | 'version'
  | 'type'
  | 'auth-method'
  | 'length'
  | 'name'
  | 'cluster'
  | 'counter'
  | 'mac';

export type Decoded = { ok: true; packet: Packet } | { ok: false; reason: DropReason };

export function encodePacket(p: Packet, auth: Authenticator): Buffer {
  const cluster = Buffer.from(p.cluster, 'latin1');
  const node = Buffer.from(p.node, 'latin1');
  const bodyLength = HEADER_LENGTH + cluster.length + node.length + p.payload.length;
  if (p.payload.length > MAX_PAYLOAD) throw new Error(`payload of ${p.payload.length} bytes exceeds ${MAX_PAYLOAD}`);
  const buf = Buffer.allocUnsafe(bodyLength + auth.length);
  buf[0] = MAGIC0;
  buf[1] = MAGIC1;
  buf[2] = VERSION;
  buf[3] = PacketType[p.type];
  buf[4] = auth.id;
  buf[5] = cluster.length;
  buf[6] = node.length;
  buf[7] = 0;
  writeU53(buf, 8, p.generation);
  writeU53(buf, 16, p.seq);
  buf.writeUInt32BE(p.stateVersion >>> 0, 24);
  buf.writeUInt16BE(p.payload.length, 28);
  cluster.copy(buf, HEADER_LENGTH);
  node.copy(buf, HEADER_LENGTH + cluster.length);
  p.payload.copy(buf, HEADER_LENGTH + cluster.length + node.length);
  auth.sign(buf.subarray(0, bodyLength)).copy(buf, bodyLength);
  return buf;
}

/**
 * Every field is checked before the MAC, the MAC before anything is returned; nothing here throws on any input,
 * so a fuzzer or an attacker can only make it return a drop reason.
 */
export function decodePacket(buf: Buffer, auth: Authenticator, cluster: string): Decoded {
  if (buf.length < HEADER_LENGTH + 2 + auth.length) return { ok: false, reason: 'short' };
  if (buf.length > HEADER_LENGTH + 2 * MAX_NAME + MAX_PAYLOAD + auth.length) return { ok: false, reason: 'long' };
  if (buf[0] !== MAGIC0 || buf[1] !== MAGIC1) return { ok: false, reason: 'magic' };
  if (buf[2] !== VERSION) return { ok: false, reason: 'version' };
  const typeId = buf[3];
  const type: PacketTypeName | undefined = typeId === 1 ? 'heartbeat' : typeId === 2 ? 'leave' : undefined;
  if (type === undefined) return { ok: false, reason: 'type' };
  if (buf[4] !== auth.id) return { ok: false, reason: 'auth-method' };
  const clusterLength = buf[5]!;
  const nodeLength = buf[6]!;
  if (buf[7] !== 0) return { ok: false, reason: 'type' };
  const payloadLength = buf.readUInt16BE(28);
  if (clusterLength < 1 || clusterLength > MAX_NAME || nodeLength < 1 || nodeLength > MAX_NAME || payloadLength > MAX_PAYLOAD) {
    return { ok: false, reason: 'length' };
  }
  const bodyLength = HEADER_LENGTH + clusterLength + nodeLength + payloadLength;
  if (buf.length !== bodyLength + auth.length) return { ok: false, reason: 'length' };
  const clusterName = buf.toString('latin1', HEADER_LENGTH, HEADER_LENGTH + clusterLength);
  const node = buf.toString('latin1', HEADER_LENGTH + clusterLength, HEADER_LENGTH + clusterLength + nodeLength);
  if (!NAME_BYTES.test(clusterName) || !NAME_BYTES.test(node)) return { ok: false, reason: 'name' };
  if (clusterName !== cluster) return { ok: false, reason: 'cluster' };
  const generation = readU53(buf, 8);
  const seq = readU53(buf, 16);
  if (generation < 0 || seq < 0) return { ok: false, reason: 'counter' };
  if (!auth.verify(buf.subarray(0, bodyLength), buf.subarray(bodyLength))) return { ok: false, reason: 'mac' };
  return {
    ok: true,
    packet: {
      type,
      cluster: clusterName,
      node,
      generation,
      seq,
      stateVersion: buf.readUInt32BE(24),
      payload: buf.subarray(bodyLength - payloadLength, bodyLength),
    },
  };
}

function writeU53(buf: Buffer, offset: number, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`counter out of range: ${n}`);
  buf.writeUInt32BE(Math.floor(n / TWO32), offset);
  buf.writeUInt32BE(n % TWO32, offset + 4);
}

/** -1 when the value would not be a safe integer. */
function readU53(buf: Buffer, offset: number): number {
  const hi = buf.readUInt32BE(offset);
  if (hi >= 0x20_0000) return -1;
  return hi * TWO32 + buf.readUInt32BE(offset + 4);
}
