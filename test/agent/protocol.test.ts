import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuthMethod } from '../../src/agent/config/index.js';
import { createAuthenticator } from '../../src/agent/protocol/auth.js';
import { PacketFilter } from '../../src/agent/protocol/filter.js';
import { decodePacket, encodePacket, type Packet } from '../../src/agent/protocol/packet.js';
import { MAX_GENERATION_AHEAD_MS, ReplayWindow } from '../../src/agent/protocol/replay.js';
import { decodeReport, encodeReport, type NodeReport } from '../../src/agent/protocol/report.js';
import { KEY } from './helpers.js';

const auth = createAuthenticator('sha256', KEY);
const report: NodeReport = {
  phase: 'active',
  pingReachable: 1,
  groups: { web: { state: 'running', banned: false } },
  holders: { web: ['sv3'] },
  failCounts: [{ resource: 'svc', count: 1, lastAt: 1700000000000 }],
  failedActions: [{ resource: 'svc', op: 'monitor', reason: 'not running', at: 1700000000000 }],
  admin: [{ key: 'standby:sv2', version: 3, origin: 'sv1', value: true }],
};

function packet(over: Partial<Packet> = {}): Packet {
  return { type: 'heartbeat', cluster: 'test', node: 'sv2', generation: 1000, seq: 1, stateVersion: 1, payload: encodeReport(report), ...over };
}

function newFilter(): PacketFilter {
  return new PacketFilter(auth, 'test', 'sv1', ['sv1', 'sv2', 'sv3']);
}

/** Deterministic PRNG so a failing fuzz case can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 0x1_0000_0000;
  };
}

describe('packets', () => {
  it.each<AuthMethod>(['sha256', 'sha1', 'md5', 'crc'])('round-trip with %s', (method) => {
    const a = createAuthenticator(method, KEY);
    const d = decodePacket(encodePacket(packet(), a), a, 'test');
    expect(d.ok).toBe(true);
    if (d.ok) {
      expect(d.packet).toMatchObject({ type: 'heartbeat', node: 'sv2', generation: 1000, seq: 1, stateVersion: 1 });
      expect(decodeReport(d.packet.payload)).toEqual(report);
    }
  });

  it('carries counters beyond 32 bits', () => {
    const d = decodePacket(encodePacket(packet({ generation: 1_795_316_388_735, seq: 2 ** 40 + 7 }), auth), auth, 'test');
    expect(d.ok && d.packet.generation).toBe(1_795_316_388_735);
    expect(d.ok && d.packet.seq).toBe(2 ** 40 + 7);
  });

  it('drops a packet signed with another key (forged HMAC)', () => {
    const forged = encodePacket(packet(), createAuthenticator('sha256', 'not-the-key'));
    expect(decodePacket(forged, auth, 'test')).toEqual({ ok: false, reason: 'mac' });
  });

  it('drops a packet whose payload was altered after signing', () => {
    const buf = encodePacket(packet(), auth);
    buf[buf.length - 40]! ^= 0x01;
    expect(decodePacket(buf, auth, 'test')).toEqual({ ok: false, reason: 'mac' });
  });

  it('drops a packet of another auth method, cluster or version', () => {
    expect(decodePacket(encodePacket(packet(), createAuthenticator('sha1', KEY)), auth, 'test')).toEqual({ ok: false, reason: 'auth-method' });
    expect(decodePacket(encodePacket(packet({ cluster: 'other' }), auth), auth, 'test')).toEqual({ ok: false, reason: 'cluster' });
    const v2 = encodePacket(packet(), auth);
    v2[2] = 2;
    expect(decodePacket(v2, auth, 'test')).toEqual({ ok: false, reason: 'version' });
  });

  it('drops truncated and padded packets', () => {
    const buf = encodePacket(packet(), auth);
    for (const len of [0, 1, 10, 29, 31, buf.length - 1]) expect(decodePacket(buf.subarray(0, len), auth, 'test').ok).toBe(false);
    expect(decodePacket(Buffer.concat([buf, Buffer.from([0])]), auth, 'test')).toEqual({ ok: false, reason: 'length' });
  });
});

describe('replay window', () => {
  it('accepts each sequence number once, out of order inside the window', () => {
    const w = new ReplayWindow();
    expect(w.accept(5, 10)).toBe('new-generation');
    expect(w.accept(5, 12)).toBe('fresh');
    expect(w.accept(5, 11)).toBe('fresh');
    expect(w.accept(5, 11)).toBe('replay');
    expect(w.accept(5, 12)).toBe('replay');
    expect(w.accept(5, 10)).toBe('replay');
    expect(w.accept(5, 1000)).toBe('fresh');
    expect(w.accept(5, 13)).toBe('too-old');
    expect(w.accept(4, 2000)).toBe('old-generation');
    expect(w.accept(6, 1)).toBe('new-generation');
  });
});

describe('packet filter', () => {
  it('accepts fresh packets and parses the state only when it changes', () => {
    const f = newFilter();
    expect(f.accept(encodePacket(packet({ seq: 1 }), auth), 'ic')).toMatchObject({ newState: true, newGeneration: true });
    expect(f.accept(encodePacket(packet({ seq: 2 }), auth), 'ic')).toMatchObject({ newState: false, newGeneration: false });
    expect(f.accept(encodePacket(packet({ seq: 3, stateVersion: 2 }), auth), 'ic')).toMatchObject({ newState: true });
  });

  it('drops a replayed packet but accepts its copy from another link', () => {
    const f = newFilter();
    const buf = encodePacket(packet(), auth);
    expect(f.accept(buf, 'ic')).toBeDefined();
    expect(f.accept(buf, 'ic')).toBeUndefined();
    expect(f.accept(buf, 'svc')).toMatchObject({ newState: false });
    expect(f.dropCounts()).toEqual({ replay: 1 });
  });

  it('drops packets of an older generation once the node rebooted', () => {
    const f = newFilter();
    const old = encodePacket(packet({ generation: 1000, seq: 50 }), auth);
    expect(f.accept(old, 'ic')).toBeDefined();
    expect(f.accept(encodePacket(packet({ generation: 2000, seq: 1 }), auth), 'ic')).toMatchObject({ newGeneration: true, newState: true });
    expect(f.accept(encodePacket(packet({ generation: 1000, seq: 51 }), auth), 'ic')).toBeUndefined();
    expect(f.accept(encodePacket(packet({ generation: 1000, seq: 51 }), auth), 'svc')).toBeUndefined();
    expect(f.dropCounts()).toEqual({ 'old-generation': 2 });
  });

  it('drops a new generation far ahead of its clock: one forged crc packet cannot make the real node "old"', () => {
    const crc = createAuthenticator('crc', '');
    const now = 1_700_000_000_000;
    const f = new PacketFilter(crc, 'test', 'sv1', ['sv1', 'sv2'], () => now);
    const real = (seq: number) => encodePacket(packet({ generation: now - 60_000, seq }), crc);
    expect(f.accept(real(1), 'ic')).toBeDefined();
    // crc authenticates nothing: anyone can build this packet
    expect(f.accept(encodePacket(packet({ generation: 2 ** 52, seq: 1 }), crc), 'ic')).toBeUndefined();
    expect(f.accept(encodePacket(packet({ generation: now + MAX_GENERATION_AHEAD_MS + 1, seq: 1 }), crc), 'svc')).toBeUndefined();
    expect(f.dropCounts()).toEqual({ 'future-generation': 2 });
    expect(f.accept(real(2), 'ic')).toMatchObject({ newGeneration: false });
  });

  it('still takes a restart whose clock runs ahead of ours by less than the bound', () => {
    const now = 1_700_000_000_000;
    const f = new PacketFilter(auth, 'test', 'sv1', ['sv1', 'sv2'], () => now);
    expect(f.accept(encodePacket(packet({ generation: now - 60_000 }), auth), 'ic')).toBeDefined();
    expect(f.accept(encodePacket(packet({ generation: now + 9 * 3600_000 }), auth), 'ic')).toMatchObject({ newGeneration: true });
  });

  it('drops our own packets and those of unknown nodes', () => {
    const f = newFilter();
    expect(f.accept(encodePacket(packet({ node: 'sv1' }), auth), 'ic')).toBeUndefined();
    expect(f.accept(encodePacket(packet({ node: 'mallory' }), auth), 'ic')).toBeUndefined();
    expect(f.dropCounts()).toEqual({ self: 1, 'unknown-node': 1 });
  });

  it('survives 10k random and mutated datagrams without throwing or changing state', () => {
    const f = newFilter();
    const last = encodePacket(packet({ seq: 100, stateVersion: 7 }), auth);
    expect(f.accept(last, 'ic')).toBeDefined();
    const rand = prng(42);
    const valid = [last, encodePacket(packet({ seq: 101, stateVersion: 8, node: 'sv3' }), auth)];
    let throws = 0;
    for (let i = 0; i < 10_000; i++) {
      let buf: Buffer;
      const kind = i % 4;
      if (kind === 0) buf = randomBytes(Math.floor(rand() * 200));
      else if (kind === 1) {
        // valid header prefix, random rest: reaches the length and MAC checks
        buf = Buffer.from(last);
        for (let j = 8 + Math.floor(rand() * (buf.length - 8)); j < buf.length; j++) buf[j] = Math.floor(rand() * 256);
      } else if (kind === 2) {
        buf = Buffer.from(valid[i % 2]!);
        const flips = 1 + Math.floor(rand() * 4);
        for (let j = 0; j < flips; j++) buf[Math.floor(rand() * buf.length)]! ^= 1 << Math.floor(rand() * 8);
      } else {
        buf = Buffer.from(last.subarray(0, Math.floor(rand() * last.length)));
      }
      try {
        expect(f.accept(buf, rand() < 0.5 ? 'ic' : 'svc')).toBeUndefined();
      } catch {
        throws++;
      }
    }
    expect(throws).toBe(0);
    expect(f.accepted).toBe(1);
    // State is as before the storm: the real last packet is still a replay, the next one is fresh with no new state.
    expect(f.accept(last, 'ic')).toBeUndefined();
    expect(f.accept(encodePacket(packet({ seq: 101, stateVersion: 7 }), auth), 'ic')).toMatchObject({ newState: false, newGeneration: false });
  });
});

describe('node reports', () => {
  it('reject anything but the exact shape', () => {
    const bad: unknown[] = [
      null,
      [],
      { ...report, phase: 'dancing' },
      { ...report, pingReachable: -1 },
      { ...report, groups: { web: { state: 'running' } } },
      { ...report, groups: { 'bad name!': { state: 'running', banned: false } } },
      { ...report, holders: { web: ['ok', 'not ok'] } },
      { ...report, admin: [{ key: 'reboot:sv1', version: 1, origin: 'sv1', value: true }] },
      { ...report, admin: [{ key: 'move:web', version: 1, origin: 'sv1', value: 42 }] },
      { ...report, failCounts: [{ resource: 'svc', count: 1.5, lastAt: 0 }] },
      { ...report, failedActions: new Array(2000).fill(report.failedActions[0]) },
    ];
    for (const v of bad) expect(decodeReport(Buffer.from(JSON.stringify(v)))).toBeUndefined();
    expect(decodeReport(Buffer.from('{"phase":'))).toBeUndefined();
    expect(decodeReport(Buffer.from([0xff, 0xfe]))).toBeUndefined();
  });

  it('survive random JSON-ish payloads', () => {
    const rand = prng(7);
    const json = JSON.stringify(report);
    for (let i = 0; i < 2000; i++) {
      const chars = json.split('');
      chars[Math.floor(rand() * chars.length)] = String.fromCharCode(32 + Math.floor(rand() * 95));
      expect(() => decodeReport(Buffer.from(chars.join('')))).not.toThrow();
    }
  });
});
