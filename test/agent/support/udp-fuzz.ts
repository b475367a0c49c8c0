/**
 * Sent from inside the lab's client namespace at an agent: forged, replayed and malformed heartbeats.
 * usage: udp-fuzz.ts TARGET PORT CLUSTER KEY CLAIMED_NODE GENERATION SEQ MALFORMED_COUNT
 */
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { createAuthenticator } from '../../../src/agent/protocol/auth.js';
import { encodePacket, type Packet } from '../../../src/agent/protocol/packet.js';
import { encodeReport } from '../../../src/agent/protocol/report.js';

const [target, portText, cluster, key, claimed, genText, seqText, countText] = process.argv.slice(2);
const port = Number(portText);
const generation = Number(genText);
const lastSeq = Number(seqText);
const malformed = Number(countText);
const good = createAuthenticator('sha256', key!);
const bad = createAuthenticator('sha256', `${key}-but-wrong`);
// If any of these were believed, the target would think the claimed node left and runs nothing.
const lie = encodeReport({ phase: 'leaving', pingReachable: 0, groups: {}, failCounts: [], failedActions: [], admin: [{ key: `standby:${claimed}`, version: 1e9, origin: claimed!, value: true }] });
const base = (over: Partial<Packet>): Packet => ({ type: 'heartbeat', cluster: cluster!, node: claimed!, generation, seq: 1, stateVersion: 4e9, payload: lie, ...over });

const sock = createSocket('udp4');
let sent = 0;
const send = async (buf: Buffer): Promise<void> => {
  await new Promise<void>((r) => sock.send(buf, port, target, () => r()));
  if (++sent % 50 === 0) await new Promise((r) => setTimeout(r, 2));
};

const counts = { forged: 0, oldGeneration: 0, replayed: 0, malformed: 0 };
for (let i = 0; i < 500; i++, counts.forged++) await send(encodePacket(base({ seq: lastSeq + 1000 + i, type: i % 2 ? 'leave' : 'heartbeat' }), bad));
for (let i = 0; i < 500; i++, counts.oldGeneration++) await send(encodePacket(base({ generation: generation - 1 - i, seq: lastSeq + 10 + i }), good));
// A replay carries what the node really sent: its generation, a sequence number already used and an old state
// version (only the key holder could put a newer one in). Numbers the target never received pass as liveness but
// their state is older than what it has, so nothing changes.
for (let i = 0; i < 200; i++, counts.replayed++) await send(encodePacket(base({ seq: Math.max(1, lastSeq - i), stateVersion: 1 }), good));
const template = encodePacket(base({ seq: 1 }), bad);
for (let i = 0; i < malformed; i++, counts.malformed++) {
  let buf: Buffer;
  if (i % 3 === 0) buf = randomBytes(i % 200);
  else if (i % 3 === 1) buf = template.subarray(0, i % template.length);
  else {
    buf = Buffer.from(template);
    buf[i % buf.length]! ^= 1 + (i % 255);
  }
  await send(buf);
}
sock.close();
console.log(JSON.stringify(counts));
