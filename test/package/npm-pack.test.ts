import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The package as a user gets it: `npm pack`, installed into a fresh project outside this repository, a stack that
// imports 'hactl', type-checked with tsc and validated with `npx hactl`, as CommonJS and as ES module project.
// The install is offline: the project gets a lockfile made from hactl's own, so npm takes every package from the
// cache that `npm ci` filled (no registry metadata needed).

const scratch = mkdtempSync(join(tmpdir(), 'hactl-package-'));
const project = join(scratch, 'project');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const stack = (name: string) => `import { defineCluster, group, node, vip } from 'hactl';

export default defineCluster({
  cluster: '${name}',
  runtime: 'agent',
  nodes: { n1: node({ eth0: '10.250.0.1/24', eth1: '10.250.1.1/24' }), n2: node({ eth0: '10.250.0.2/24', eth1: '10.250.1.2/24' }) },
  heartbeat: { interconnect: [{ nic: 'eth1' }, { nic: 'eth0' }] },
  auth: { method: 'sha256', keyFrom: { file: 'cluster.key', generate: true } },
  resources: [group('web', [vip('10.250.0.100/24', 'eth0')], { preferred: 'n1' })],
});
`;
const stacks = ['cluster.ts', 'cluster.mts', 'cluster.cts'];

const run = (file: string, args: string[]) => execa(file, args, { cwd: project, reject: false, timeout: 120_000 });
const npx = (...args: string[]) => run('npx', ['--offline', ...args]);

function setType(type: 'commonjs' | 'module'): void {
  const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(project, 'package.json'), JSON.stringify({ ...pkg, type }, null, 2));
}

/** hactl's production dependencies, pinned as hactl's own lockfile pins them, plus hactl from the tarball. */
function lockfileFor(tarball: string): object {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, Record<string, unknown>> };
  const root = lock.packages['']!;
  const integrity = `sha512-${createHash('sha512').update(readFileSync(join(scratch, tarball))).digest('base64')}`;
  const packages: Record<string, unknown> = {
    '': { name: 'project', dependencies: { hactl: `file:../${tarball}` } },
    'node_modules/hactl': { version: root.version, resolved: `file:../${tarball}`, integrity, dependencies: root.dependencies, bin: root.bin, engines: root.engines },
  };
  for (const [path, entry] of Object.entries(lock.packages)) if (path && !entry.dev) packages[path] = entry;
  return { name: 'project', lockfileVersion: 3, requires: true, packages };
}

describe('the hactl package', () => {
  beforeAll(async () => {
    const packed = await execa('npm', ['pack', '--pack-destination', scratch, '--json'], { timeout: 120_000 });
    const tarball = (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename;
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'project', private: true, dependencies: { hactl: `file:../${tarball}` } }, null, 2));
    writeFileSync(join(project, 'package-lock.json'), JSON.stringify(lockfileFor(tarball), null, 2));
    const install = await execa('npm', ['ci', '--offline', '--no-audit', '--no-fund'], { cwd: project, reject: false, timeout: 240_000 });
    if (install.exitCode !== 0) throw new Error(`offline npm ci failed (is the npm cache filled by npm ci in this repository?):\n${install.stderr}`);
    for (const [i, file] of stacks.entries()) writeFileSync(join(project, file), stack(`pkg${i}`));
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: [] } }),
    );
  }, 300_000);

  for (const type of ['commonjs', 'module'] as const) {
    it(`type-checks and validates .ts, .mts and .cts stacks that import 'hactl' in a ${type} project`, async () => {
      setType(type);
      const tsc = await npx('tsc', '-p', '.');
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(tsc.exitCode).toBe(0);
      for (const file of stacks) {
        const validated = await npx('hactl', 'validate', file);
        expect(validated.stderr, file).toMatch(new RegExp(`^${file.replace('.', '\\.')}: ok \\(0 errors, 0 warnings\\)`, 'm'));
        expect(validated.exitCode, file).toBe(0);
      }
    });
  }

  it('reports a misspelt key of an installed project’s stack as a type error at its line and column', async () => {
    setType('commonjs');
    const source = stack('typo').replace("interconnect: [{ nic: 'eth1' }, { nic: 'eth0' }] }", "interconnect: [{ nic: 'eth1' }], keepalve: '2s' }");
    writeFileSync(join(project, 'typo.ts'), source);
    const lines = source.split('\n');
    const line = lines.findIndex((l) => l.includes('keepalve'));
    const validated = await npx('hactl', 'validate', 'typo.ts');
    expect(validated.exitCode).toBe(1);
    expect(validated.stderr).toContain(`typo.ts:${line + 1}:${lines[line]!.indexOf('keepalve') + 1} TS2561: `);
    expect(validated.stderr).toMatch(/'keepalve'.*\[ts-type-error\]$/m);
    rmSync(join(project, 'typo.ts'));
  });

  it('ships what a user needs and nothing of the repository’s tests', () => {
    const shipped = readdirSync(join(project, 'node_modules', 'hactl'));
    expect(shipped).toEqual(expect.arrayContaining(['dist', 'schema', 'templates', 'stacks', 'package.json']));
    expect(shipped).not.toContain('test');
    expect(readdirSync(join(project, 'node_modules', 'hactl', 'dist', 'src', 'dsl'))).toContain('index.d.ts');
    expect(existsSync(join(project, 'node_modules', 'hactl', 'schema', 'cluster.schema.json'))).toBe(true);
  });
});
