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
};

const preamble = `import { defineCluster, file, group, location, node, service, ucast, vip } from 'hactl';
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
  const files = Object.entries(cases).map(([name, body]) => {
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

  it('compile without an error for every seed twin in stacks/', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(6);
    for (const seed of seeds) expect(errors.get(seed), seed).toEqual([]);
  });
});
