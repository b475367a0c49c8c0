import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HactlError } from '../../src/diagnostics/index.js';
import { initStack } from '../../src/init/init.js';
import type { RuntimeName } from '../../src/model/model.js';
import { validateStacks } from '../../src/pipeline/validate.js';

// inside the repository, so a cluster.ts resolves 'hactl' (this package) as it would in a project that installed it
mkdirSync('.hactl', { recursive: true });
const scratch = mkdtempSync(join(resolve('.hactl'), 'init-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const runtimes: RuntimeName[] = ['agent', 'keepalived', 'heartbeat', 'pacemaker'];

describe('hactl init', () => {
  for (const runtime of runtimes) {
    it(`writes ${runtime} starters in YAML and TypeScript that validate and give the same model`, async () => {
      const yamlDir = join(scratch, `${runtime}-yaml`);
      const tsDir = join(scratch, `${runtime}-ts`);
      mkdirSync(yamlDir);
      mkdirSync(tsDir);
      const yaml = await initStack(yamlDir, { format: 'yaml', runtime, name: runtime });
      const ts = await initStack(tsDir, { format: 'ts', runtime, name: runtime });
      expect(yaml.file).toBe(join(yamlDir, 'cluster.yaml'));
      expect(ts.file).toBe(join(tsDir, 'cluster.ts'));
      expect(ts.needsInstall).toBe(false);
      // validated one at a time: two copies of one cluster would clash with each other (VRIDs, addresses)
      for (const file of [yaml.file, ts.file]) {
        const [result] = await validateStacks([file]);
        expect(result!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      }
      const [[fromYaml], [fromTs]] = await Promise.all([validateStacks([yaml.file]), validateStacks([ts.file])]);
      expect(fromTs!.model).toEqual(fromYaml!.model);
    });
  }

  it('binds the YAML starter to the JSON Schema for editors', async () => {
    const dir = join(scratch, 'schema');
    mkdirSync(dir);
    const { file } = await initStack(dir, { format: 'yaml', runtime: 'agent' });
    const first = readFileSync(file, 'utf8').split('\n')[0]!;
    const schemaPath = /^# yaml-language-server: \$schema=(.+)$/.exec(first)?.[1];
    expect(schemaPath).toBeDefined();
    expect(JSON.parse(readFileSync(resolve(dir, schemaPath!), 'utf8')).title).toBe('hactl cluster stack');
  });

  it("names the cluster after its directory, and never replaces a file that is there", async () => {
    const dir = join(scratch, 'shop-db');
    mkdirSync(dir);
    writeFileSync(join(dir, 'cluster.yaml'), 'mine\n');
    const refused = await initStack(dir, { format: 'yaml', runtime: 'agent' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HactlError);
    expect((refused as HactlError).code).toBe('init-exists');
    expect(readFileSync(join(dir, 'cluster.yaml'), 'utf8')).toBe('mine\n');
    const ts = await initStack(dir, { format: 'ts', runtime: 'agent' });
    expect(ts.name).toBe('shop-db');
    expect(readFileSync(ts.file, 'utf8')).toContain("cluster: 'shop-db'");
  });

  it('creates the directory it is given', async () => {
    const { file } = await initStack(join(scratch, 'new', 'deeper'), { format: 'yaml', runtime: 'keepalived', name: 'fresh' });
    expect(readFileSync(file, 'utf8')).toContain('cluster: fresh');
  });

  it('refuses a cluster name the schema would refuse', async () => {
    const refused = await initStack(scratch, { format: 'yaml', runtime: 'agent', name: '1 bad' }).catch((e: unknown) => e);
    expect((refused as HactlError).code).toBe('init-bad-name');
  });
});
