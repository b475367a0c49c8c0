import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RenderedFile } from '../../render/artifact.js';
import { scriptProgram } from '../../render/escape/keepalived.js';
import { quote } from '../../transport/shell.js';
import { type CheckContext, checkEach, type CheckResult, defineChecker, NAMESPACE_TOOLS, OLD_OPTIONS } from '../checker.js';
import { setupFailure, withNetns, type NetnsInterface, type StagedFile } from '../throwaway-netns.js';

const TOOL = 'keepalived -e -t (in a private network namespace)';
// keepalived's exit code for a file that parses but runs scripts without enable_script_security
const EXIT_SECURITY_ONLY = 6;
const STUB = '#!/bin/sh\nexit 0\n';

/** Every interface the file names: keepalived -t fails on one the host lacks. */
export function interfacesIn(content: string): string[] {
  const names = new Set<string>();
  let inTrack = false;
  for (const raw of content.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (/^track_interface\s*\{/.test(line)) inTrack = true;
    else if (inTrack && line.startsWith('}')) inTrack = false;
    else if (inTrack && line) names.add(line.split(/\s+/)[0]!);
    const iface = /^interface\s+(\S+)/.exec(line);
    if (iface) names.add(iface[1]!);
    for (const dev of line.matchAll(/\bdev\s+(\S+)/g)) names.add(dev[1]!);
  }
  return [...names];
}

/** Programs of vrrp_script and notify commands (the first word, read back the way hactl quoted it). */
export function scriptsIn(content: string): string[] {
  const programs = new Set<string>();
  for (const raw of content.split('\n')) {
    const m = /^\s*(script|notify(?:_master|_backup|_fault|_stop)?)\s+(.+)$/.exec(raw.replace(/#.*/, ''));
    const program = m ? scriptProgram(m[2]!.trim()) : undefined;
    if (program) programs.add(program);
  }
  return [...programs].filter((p) => p.startsWith('/'));
}

/** Scripts the file calls appear where it expects them: the rendered one when the stack has it, else a stub when the host lacks it. */
function stagedScripts(file: RenderedFile, context: CheckContext): StagedFile[] {
  const staged: StagedFile[] = [];
  for (const program of scriptsIn(file.content)) {
    const rendered =
      context.allFiles.find((f) => f.node === file.node && f.path === program) ??
      context.model.files.find((f) => f.target === program && (!f.nodes || f.nodes.includes(file.node)));
    if (rendered) staged.push({ path: program, content: rendered.content, mode: Number.parseInt(rendered.mode ?? '0755', 8) | 0o500 });
    else if (!existsSync(program)) staged.push({ path: program, content: STUB, mode: 0o755 });
  }
  return staged;
}

function nodeInterfaces(file: RenderedFile, context: CheckContext): NetnsInterface[] {
  const nics = context.model.nodes.find((n) => n.name === file.node)?.nics ?? [];
  return interfacesIn(file.content).map((name) => {
    const nic = nics.find((n) => n.name === name);
    return { name, addresses: nic ? [`${nic.address}/${nic.prefix}`] : [] };
  });
}

async function checkOne(file: RenderedFile, context: CheckContext): Promise<CheckResult> {
  const dir = join(context.workDir, file.node);
  await mkdir(dir, { recursive: true });
  const conf = join(dir, 'keepalived.conf');
  await writeFile(conf, file.content, { mode: 0o600 });
  const argv = ['keepalived', '-e', '-t', '-G', '-i', file.node, '-f', conf, '-p', join(dir, 'k.pid'), '-r', join(dir, 'vrrp.pid'), '-c', join(dir, 'check.pid')];
  const base = { node: file.node, path: file.path, tool: TOOL };
  let r;
  try {
    r = await withNetns(nodeInterfaces(file, context), (ns) => ns.run(argv, { hostname: file.node, files: stagedScripts(file, context) }));
  } catch (e) {
    return { ...base, ok: false, message: setupFailure(e) };
  }
  if (r.exitCode === 0) return { ...base, ok: true };
  // CentOS 6 ships keepalived 1.2, which has no script_security keyword to satisfy this 2.x warning
  if (r.exitCode === EXIT_SECURITY_ONLY && context.model.platform === 'centos6') {
    return { ...base, ok: true, tool: `${TOOL}; script_security warning accepted for keepalived 1.2 (centos6)` };
  }
  // the parent and each child process parse the file, so every complaint comes several times
  const lines = [...new Set(`${r.stderr}\n${r.stdout}`.split('\n').map((l) => l.trim()).filter(Boolean))];
  const message = lines.join('\n') || (r.timedOut ? 'timed out' : `exit ${r.exitCode}`);
  return { ...base, ok: false, message };
}

/** keepalived's own config test, posing as the node: its interfaces exist (dummy) and the scripts it calls are present. */
export const keepalivedChecker = defineChecker({
  id: 'keepalived',
  tools: [
    { binary: 'keepalived', apt: 'keepalived' },
    ...NAMESPACE_TOOLS,
  ],
  check: (files, context) => checkEach(files, (file) => checkOne(file, context)),
  writeLast: true,
  onNode: { tool: 'keepalived -t', binary: 'keepalived', command: (p) => `keepalived -t -e -f ${quote(p)}`, unsupported: OLD_OPTIONS },
});
