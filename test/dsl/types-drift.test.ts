import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dslTypesSource } from '../../src/model/dsl-types.js';

describe('src/dsl/types.ts', () => {
  it('matches the TypeBox model it is generated from (run `npm run schema` after changing the model)', () => {
    expect(readFileSync(new URL('../../src/dsl/types.ts', import.meta.url), 'utf8')).toBe(dslTypesSource());
  });

  it('documents every field with its schema description', () => {
    const source = dslTypesSource();
    const fields = source.split('\n').filter((line) => /^\s+\$?\w+\??: /.test(line) && !line.includes('?: never'));
    const lines = source.split('\n');
    const undocumented = fields.filter((field) => !/\*\/\s*$/.test(lines[lines.indexOf(field) - 1] ?? ''));
    expect(fields.length).toBeGreaterThan(150);
    expect(undocumented).toEqual([]);
  });

  it('types durations, addresses, paths and node/NIC references tighter than JSON Schema can', () => {
    const source = dslTypesSource();
    expect(source).toContain('keepalive?: Duration;');
    expect(source).toContain('vip: VipCidr;');
    expect(source).toContain('VipCidr extends Ipv4Cidr = Ipv4Cidr');
    expect(source).toContain('logfile?: AbsPath;');
    expect(source).toContain('preferred?: N;');
    expect(source).toContain('nic?: Nic;');
    expect(source).toContain('nodes: { [K in NodeName]: NodeSpec<NicName> };');
  });

  it('types the names constraints and VRRP tracks refer to as parameters, inferred from where they are defined', () => {
    const source = dslTypesSource();
    for (const ref of ['rsc: Rsc;', 'with: Rsc;', 'first: Rsc;', 'then: Rsc;', 'track?: Script[];']) expect(source).toContain(ref);
    expect(source).toContain('scripts?: { [K in ScriptName]: {');
    for (const defined of ['group: RscName;', 'name?: RscName;', 'service: RscName;', 'systemd: Unit;', 'ocf: OcfAgent;', 'drbd: DrbdName;', 'directory: MountPoint;']) {
      expect(source).toContain(defined);
    }
  });
});
