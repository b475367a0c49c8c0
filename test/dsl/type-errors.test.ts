import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

// Stacks that must not compile, each line that must fail marked `// ✗ TSnnnn`. They are compiled together, as a user's
// editor would, in one program with the repository's compiler options ('hactl' is this repository's DSL).
const cases: Record<string, string> = {
  'misspelt-key': `
    heartbeat: {
      interconnect: ucast('eth0'),
      keepalve: '2s', // ✗ TS2561
    },`,
  'misspelt-key-in-a-section': `
    heartbeat: { interconnect: ucast('eth0'), autFailback: false }, // ✗ TS2561`,
  'misspelt-key-in-a-resource': `
    resources: [{ service: 'memcached', monitr: { interval: '10s' } }], // ✗ TS2561`,
  'misspelt-key-in-builder-options': `
    resources: [service('memcached', { opz: {} })], // ✗ TS2353`,
  'duration-without-unit': `
    heartbeat: { interconnect: ucast('eth0'), deadtime: '30' }, // ✗ TS2322`,
  'duration-with-a-wrong-unit': `
    heartbeat: { interconnect: ucast('eth0'), deadtime: '30sec' }, // ✗ TS2322`,
  'address-without-prefix': `
    resources: [vip('10.0.0.100')], // ✗ TS2345`,
  'relative-path': `
    heartbeat: { interconnect: ucast('eth0'), logfile: 'var/log/ha-log' }, // ✗ TS2322`,
  'unknown-nic-inline': `
    heartbeat: { interconnect: { nic: 'eth9' } }, // ✗ TS2322`,
  'unknown-nic-in-a-builder': `
    resources: [group('g', [vip('10.0.0.100/24', 'eth1')])], // ✗ TS2322`,
  'unknown-preferred-node': `
    resources: [group('g', [vip('10.0.0.100/24', 'eth0')], { preferred: 'a3' })], // ✗ TS2322`,
  'unknown-preferred-node-inline': `
    resources: [{ group: 'g', preferred: 'a3', members: [{ service: 'x' }] }], // ✗ TS2322`,
  'unknown-node-in-a-constraint': `
    constraints: [location('g', 'a3')], // ✗ TS2322`,
  'unknown-node-in-vrrp': `
    vrrp: [{ name: 'VI_1', interface: 'eth0', vrid: 1, nodes: { a1: { state: 'MASTER', priority: 100 }, a3: { state: 'BACKUP', priority: 50 } }, vips: ['10.0.0.9'] }], // ✗ TS2353`,
  'unknown-node-for-a-file': `
    files: [file('/etc/x', 'x', { nodes: ['a3'] })], // ✗ TS2322`,
  'two-kinds-in-one-entry': `
    resources: [{ service: 'a', lsb: 'b' }], // ✗ TS2322`,
  'a-wrong-enum-value': `
    runtime: 'pacemakr', // ✗ TS2820`,
  'unknown-resource-in-a-location-inline': `
    resources: [group('web', [service('memcached')])],
    constraints: [{ location: { rsc: 'memcache', node: 'a1' } }], // ✗ TS2820`,
  'unknown-resource-in-a-location': `
    resources: [group('web', [service('memcached')])],
    constraints: [location('memcache', 'a1')], // ✗ TS2322`,
  'unknown-resource-in-a-colocation-inline': `
    resources: [vip('10.0.0.100/24'), service('memcached')],
    constraints: [{ colocation: { rsc: 'vip_10_0_0_101', with: 'memcached' } }], // ✗ TS2820`,
  'unknown-resource-in-a-colocation': `
    resources: [vip('10.0.0.100/24'), service('memcached')],
    constraints: [colocation('memcached', 'vip_10_0_0_10')], // ✗ TS2322`,
  'unknown-group-in-a-colocation-with': `
    resources: [group('web', [service('httpd')]), service('memcached')],
    constraints: [
      { colocation: { rsc: 'memcached', with: 'webs' } }, // ✗ TS2820
      colocation('memcached', 'wbe'), // ✗ TS2322
    ],`,
  'unknown-resource-in-an-order-inline': `
    resources: [drbd('r0', { master: { preferred: 'a1' } }), filesystem({ device: '/dev/drbd0', directory: '/srv/data', fstype: 'ext4' })],
    constraints: [{ order: { first: 'ms-r0', then: 'fs_srv_data' } }], // ✗ TS2820`,
  'unknown-resource-in-an-order': `
    resources: [drbd('r0', { master: { preferred: 'a1' } }), filesystem({ device: '/dev/drbd0', directory: '/srv/data', fstype: 'ext4' })],
    constraints: [order('ms_r0', 'fs_srv')], // ✗ TS2322`,
  'unknown-track-script-inline': `
    runtime: 'keepalived',
    keepalived: { scripts: { chk_httpd: { script: 'pidof httpd' } } },
    vrrp: [{ name: 'VI_1', interface: 'eth0', vrid: 1, nodes: { a1: { state: 'MASTER', priority: 100 } }, vips: ['10.0.0.9'], track: ['chk_http'] }], // ✗ TS2322`,
  'unknown-track-script-in-a-builder': `
    runtime: 'keepalived',
    keepalived: { scripts: { chk_httpd: { script: 'pidof httpd' } } },
    vrrp: [vrrp('VI_1', { interface: 'eth0', vrid: 1, nodes: { a1: { state: 'MASTER', priority: 100 } }, vips: ['10.0.0.9'], track: ['chk_httpd', 'chk_nginx'] })], // ✗ TS2322`,
  'a-track-script-without-scripts': `
    runtime: 'keepalived',
    vrrp: [vrrp('VI_1', { interface: 'eth0', vrid: 1, nodes: { a1: { state: 'MASTER', priority: 100 } }, vips: ['10.0.0.9'], track: ['chk_httpd'] })], // ✗ TS2322`,
};

// Stacks that must compile: every name a constraint or a track may use, spelt out or derived as hactl derives it.
const compiling: Record<string, string> = {
  'derived-vip-names': `
    resources: [
      group('web', [vip('10.0.0.100/24', 'eth0'), { vip: '10.0.0.101/24' }]),
      group('db', [vip('10.0.0.120/24')]),
      ...Array.from({ length: 3 }, (_, i) => vip(\`10.0.0.\${110 + i}/24\`)),
    ],
    constraints: [
      colocation('vip_10_0_0_100', 'web'),
      order('db', 'vip_10_0_0_120'),
      { order: { first: 'vip_10_0_0_101', then: 'vip_10_0_0_112' } },
    ],`,
  'drbd-master-names': `
    resources: [
      drbd('drbd0', { name: 'drbd0', master: { name: 'ms-drbd0', preferred: 'a1' } }),
      drbd('r1'),
      { drbd: 'r2' },
      filesystem({ device: '/dev/drbd0', directory: '/drbd', fstype: 'ext3' }, { name: 'fs0' }),
      filesystem({ device: '/dev/drbd1', directory: '/srv/www-data/', fstype: 'ext4' }),
    ],
    constraints: [
      location('ms-drbd0', 'a1', 100, { role: 'master' }),
      order('ms-drbd0', 'fs0', { firstAction: 'promote' }),
      colocation('fs0', 'ms-drbd0', 'INFINITY', { withRole: 'master' }),
      order('ms_r1', 'fs_srv_www_data_'),
      { colocation: { rsc: 'drbd_r2', with: 'ms_r2' } },
      order('drbd_r1', 'drbd0'),
    ],`,
  'explicit-and-derived-names': `
    resources: [
      service('memcached', { name: 'cache' }),
      lsb('smb'),
      systemd('nginx.service'),
      ocf('heartbeat:Dummy'),
      primitive('nmb', 'lsb:nmb'),
      resource('dummy2', 'ocf:heartbeat:Dummy'),
      apache({ configfile: '/etc/httpd/conf/httpd.conf', statusurl: 'http://10.0.0.100/' }),
      { exec: { run: 'sleep 1000' }, name: 'sleeper' },
      { group: 'g', members: [{ service: 'x' }, { systemd: 'y' }] },
    ],
    constraints: [
      location('cache', 'a1'),
      colocation('smb', 'nginx'),
      order('Dummy', 'nmb'),
      { location: { rsc: 'dummy2', node: 'a2' } },
      colocation('httpd', 'sleeper'),
      order('g', 'x'),
      order('y', 'g'),
    ],`,
  'names-from-code-the-compiler-cannot-read': `
    resources: [service(['memcached', 'redis'].join(',')), vip(process('10.0.0.100/24'))],
    constraints: [location('anything', 'a1'), order('vip_10_0_0_7', 'anything')],`,
  'a-known-track-script': `
    runtime: 'keepalived',
    keepalived: { scripts: { chk_httpd: { script: 'pidof httpd' }, chk_smb: { script: 'pidof smbd' } } },
    vrrp: [
      vrrp('VI_1', { interface: 'eth0', vrid: 1, nodes: { a1: { state: 'MASTER', priority: 100 } }, vips: ['10.0.0.9'], track: ['chk_httpd'] }),
      { name: 'VI_2', interface: 'eth0', vrid: 2, nodes: { a2: { state: 'MASTER', priority: 100 } }, vips: ['10.0.0.8'], track: ['chk_smb', 'chk_httpd'] },
    ],`,
};

const preamble = `import { apache, colocation, defineCluster, drbd, file, filesystem, group, location, lsb, node, ocf, order, primitive, resource, service, systemd, ucast, vip, vrrp, type Ipv4Cidr } from 'hactl';
// a value only code knows: its type is all the compiler sees
declare function process(cidr: string): Ipv4Cidr;
export default defineCluster({
  cluster: 'x',
  nodes: { a1: node({ eth0: '10.0.0.1/24' }), a2: node({ eth0: '10.0.0.2/24' }) },`;

function stackSource(body: string): string {
  const runtime = body.includes('runtime:') ? '' : "\n    runtime: 'agent',";
  return `${preamble}${runtime}${body}\n});\n`;
}

const root = resolve('.');
mkdirSync(join(root, '.hactl'), { recursive: true });
const scratch = mkdtempSync(join(root, '.hactl', 'type-tests-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `line TSnnnn` for every error the compiler reports in each file. */
function compile(files: string[]): Map<string, string[]> {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'stacks', 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const program = ts.createProgram({ rootNames: files, options: { ...config.options, noEmit: true } });
  const found = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    if (!d.file) throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    const line = d.file.getLineAndCharacterOfPosition(d.start!).line + 1;
    found.get(resolve(d.file.fileName))?.push(`${line} TS${d.code}`);
  }
  return found;
}

describe('TypeScript stacks', () => {
  const files = Object.entries({ ...cases, ...compiling }).map(([name, body]) => {
    const path = join(scratch, `${name}.ts`);
    writeFileSync(path, stackSource(body));
    return path;
  });
  const seeds = readdirSync('stacks').filter((f) => f.endsWith('.ts')).map((f) => resolve('stacks', f));
  const errors = compile([...files, ...seeds]);

  for (const [name, body] of Object.entries(cases)) {
    it(`do not compile with ${name.replace(/-/g, ' ')}`, () => {
      const source = stackSource(body).split('\n');
      const expected = source.flatMap((line, i) => {
        const mark = /\/\/ ✗ (TS\d+)/.exec(line);
        return mark ? [`${i + 1} ${mark[1]}`] : [];
      });
      expect(errors.get(join(scratch, `${name}.ts`))).toEqual(expected);
    });
  }

  for (const name of Object.keys(compiling)) {
    it(`compile with ${name.replace(/-/g, ' ')}`, () => {
      expect(errors.get(join(scratch, `${name}.ts`))).toEqual([]);
    });
  }

  it('compile without an error for every seed twin in stacks/', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(6);
    for (const seed of seeds) expect(errors.get(seed), seed).toEqual([]);
  });
});
