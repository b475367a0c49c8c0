import { rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { HactlError } from '../../src/diagnostics/index.js';
import { packageRoot } from '../../src/package-root.js';
import { printDiagnostics, printSummary } from '../output.js';

export interface ImportCliOptions {
  out: string;
  node?: string[];
  ssh?: string;
  name?: string;
  printSecrets?: boolean;
  secretsDir?: string;
  identityFile?: string;
  acceptNewHostKeys?: boolean;
  knownHosts?: string;
  proxyCommand?: string;
  platform?: string;
  verbose?: boolean;
}

/** `--node NAME=PATH[,PATH...]`: files or directories of one node. */
function nodeArgs(specs: readonly string[]): { name: string; path: string }[] {
  return specs.flatMap((spec) => {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new HactlError('import-bad-argument', `--node ${JSON.stringify(spec)}: expected NAME=PATH`);
    return spec.slice(eq + 1).split(',').map((path) => ({ name: spec.slice(0, eq), path }));
  });
}

/** hactl import: read the nodes' files (local or over SSH), write a stack and report what was not said as written. */
export async function importCommand(paths: string[], options: ImportCliOptions): Promise<number> {
  const { checkOutput, writeSecrets, writeStack } = await import('../../src/import/write.js');
  const out = resolve(options.out);
  await checkOutput(out);
  if (!paths.length && !options.node?.length && !options.ssh) throw new HactlError('import-no-source', 'nothing to import');
  const ssh = options.ssh ? await import('../../src/import/source/read-ssh.js') : undefined;
  const sources = ssh
    ? await ssh.readSshSources(options.ssh!.split(',').map((t) => t.trim()).filter(Boolean).map(ssh.parseSshTarget), {
        ...(options.identityFile ? { identityFile: options.identityFile } : {}),
        ...(options.acceptNewHostKeys ? { acceptNewHostKeys: true } : {}),
        ...(options.knownHosts ? { knownHostsFiles: [options.knownHosts] } : {}),
        ...(options.proxyCommand ? { proxyCommand: ssh.proxyArgv(options.proxyCommand) } : {}),
      })
    : await (await import('../../src/import/source/read-local.js')).readLocalSources({ paths, nodes: nodeArgs(options.node ?? []) });
  const { importStack } = await import('../../src/import/assemble/index.js');
  const { stackYaml } = await import('../../src/import/yaml.js');
  const { formatImportItem } = await import('../../src/import/report.js');
  const secretsName = options.secretsDir ?? `${basename(out, extname(out))}.secrets`;
  if (options.platform !== undefined && options.platform !== 'centos6' && options.platform !== 'debian12') throw new HactlError('import-bad-argument', `--platform ${options.platform}: expected centos6 or debian12`);
  const result = importStack(sources, { name: options.name, ...(options.platform ? { platform: options.platform } : {}), secrets: { mode: options.printSecrets ? 'env' : 'file', dir: secretsName } });
  printDiagnostics(result.issues);
  for (const i of result.items) if (options.verbose || (i.kind !== 'imported' && i.kind !== 'hint')) process.stderr.write(`${formatImportItem(i)}\n`);
  if (!result.input) {
    printSummary('import', result.issues);
    return 1;
  }
  const schema = relative(dirname(out), join(packageRoot(), 'schema', 'cluster.schema.json'));
  const origin = options.ssh ? `--ssh ${options.ssh}` : [...paths, ...(options.node ?? []).map((n) => `--node ${n}`)].join(' ');
  const passthrough = result.items.filter((i) => i.kind === 'passthrough' && i.rule !== 'extra-file' && i.rule !== 'iptables-file');
  const text = stackYaml(result.input, schema, [`Imported by hactl import from ${origin}: check it with \`hactl validate\`.`], passthrough);
  // the stack is checked where it will live (relative key files), under a temporary name: nothing is written when it does not load
  {
    const probe = join(dirname(out), `.${basename(out)}.check-${process.pid}.yaml`);
    await writeFile(probe, text, { mode: 0o600, flag: 'wx' });
    let diagnostics;
    let loaded;
    try {
      const { validateStacks } = await import('../../src/pipeline/validate.js');
      [loaded] = await validateStacks([probe], { resolveSecrets: false });
      diagnostics = loaded!.diagnostics.map((d) => (d.location ? { ...d, location: { ...d.location, file: out } } : d));
    } finally {
      await rm(probe, { force: true });
    }
    printDiagnostics(diagnostics);
    if (!loaded!.model) {
      process.stderr.write(`import: the stack does not load (a bug in import: please report it); nothing written\n`);
      return 1;
    }
    const written = options.printSecrets ? [] : await writeSecrets(resolve(dirname(out), secretsName), result.secrets);
    await writeStack(out, text);
    if (options.printSecrets) for (const s of result.secrets) process.stdout.write(`${s.env}=${s.value}\n`);
    for (const w of written) process.stderr.write(`secret: ${w} (mode 0600)\n`);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    process.stderr.write(`wrote ${options.out}: ${Object.keys(result.input.nodes).length} nodes, runtime ${result.input.runtime}${errors ? `, ${errors} lint errors to fix` : ''}\n`);
    return errors ? 1 : 0;
  }
}

