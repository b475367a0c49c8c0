import { describe, expect, it } from 'vitest';
import { parseDrbd } from '../../../src/import/parse/drbd.js';

describe('parseDrbd', () => {
  it('reads an 8.x file (0.7 layout: protocol and syncer at resource level) with its hosts', () => {
    const text = `# drbd 0.7\nresource drbd0 {\nprotocol C;\nsyncer {\nrate 200M;\n}\ndisk {\non-io-error pass_on;\n}\non host_m {\ndevice /dev/drbd0;\ndisk /dev/hda2;\naddress 192.168.0.1:7789;\nmeta-disk internal;\n}\non host_s {\ndevice /dev/drbd0;  disk /dev/hda2; address 192.168.0.2:7789; meta-disk /dev/sdc1 [ 0 ];\n}\n}\n`;
    const { value, issues } = parseDrbd(text, 'drbd.conf');
    expect(issues).toEqual([]);
    const r = value.resources[0]!;
    expect(r).toMatchObject({ name: 'drbd0', version: '8.4', protocol: 'C', rate: '200M', onIoError: 'pass_on' });
    expect(r.hosts.map(({ where: _w, ...h }) => h)).toEqual([
      { node: 'host_m', device: '/dev/drbd0', disk: '/dev/hda2', address: '192.168.0.1', port: 7789, metaDisk: 'internal' },
      { node: 'host_s', device: '/dev/drbd0', disk: '/dev/hda2', address: '192.168.0.2', port: 7789, metaDisk: '/dev/sdc1 [0]' },
    ]);
  });

  it('reads DRBD 9 syntax (net protocol, resync-rate, node-id, connection-mesh) and includes', () => {
    const text = `include "drbd.d/global_common.conf";\ninclude "drbd.d/*.res";\nresource "r0" {\n  net { protocol C; }\n  disk { resync-rate 100M; }\n  on "a" { node-id 0; device /dev/drbd1 minor 1; disk /dev/vdb; address 10.0.0.1:7790; meta-disk internal; }\n  on "b" { node-id 1; device /dev/drbd1 minor 1; disk /dev/vdb; address 10.0.0.2:7790; meta-disk internal; }\n  connection-mesh { hosts a b; }\n}\n`;
    const { value, issues } = parseDrbd(text, 'r0.res');
    expect(issues).toEqual([]);
    expect(value.includes.map((i) => i.pattern)).toEqual(['drbd.d/global_common.conf', 'drbd.d/*.res']);
    expect(value.resources[0]).toMatchObject({ name: 'r0', version: '9', protocol: 'C', rate: '100M' });
    expect(value.resources[0]!.hosts.map((h) => [h.node, h.device, h.port])).toEqual([['a', '/dev/drbd1', 7790], ['b', '/dev/drbd1', 7790]]);
  });

  it('locates an address that is not IPv4:PORT', () => {
    const { issues } = parseDrbd('resource r {\n on a {\n  address 10.0.0.1;\n }\n}\n', 'r.res');
    expect(issues.map((i) => [i.code, i.location?.line])).toEqual([['import-syntax', 3]]);
  });
});
