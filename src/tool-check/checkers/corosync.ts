import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inSubnet } from '../../model/network.js';
import type { RenderedFile } from '../../render/artifact.js';
import { quote } from '../../transport/shell.js';
import { type CheckContext, type CheckResult, defineChecker, NAMESPACE_TOOLS, OLD_OPTIONS } from '../checker.js';
import { setupFailure, withNetns, type StagedFile } from '../throwaway-netns.js';
import { bindnetaddrOf, lintCorosync } from './corosync-lint.js';

const AUTHKEY = '/etc/corosync/authkey';
const LINT = 'hactl corosync.conf key lint';
const LINT_V1 = `${LINT} (corosync 1.x: the installed corosync 3 cannot read 1.x files, so structure and keys are checked by hactl only)`;

function versionOf(content: string, context: CheckContext): 1 | 3 {
  if (context.model.corosync) return context.model.corosync.version;
  return /^\s*compatibility\s*:/m.test(content) ? 1 : 3;
}

function checkBindnetaddr(file: RenderedFile, context: CheckContext): string | undefined {
  const bind = bindnetaddrOf(file.content);
  const nics = context.model.nodes.find((n) => n.name === file.node)?.nics ?? [];
  if (bind && !nics.some((nic) => nic.address === bind || inSubnet(bind, nic))) {
    return `bindnetaddr ${bind} is neither an address nor a network of ${file.node}'s NICs`;
  }
  return undefined;
}

function checkAuthkey(file: RenderedFile, version: 1 | 3): CheckResult {
  const size = Buffer.byteLength(file.content);
  const base = { node: file.node, path: file.path, tool: `hactl authkey check (size and mode; corosync ${version === 1 ? '1.x reads exactly 128 bytes' : '3 reads it during corosync -t'})` };
  const want = version === 1 ? size === 128 : size >= 128 && size <= 4096;
  if (!want) return { ...base, ok: false, message: `authkey has ${size} bytes; corosync ${version === 1 ? '1.x needs 128' : '3 needs 128 to 4096'}` };
  if (file.mode !== '0400' && file.mode !== '0600') return { ...base, ok: false, message: `authkey mode ${file.mode}: corosync wants it readable by root only (0400)` };
  return { ...base, ok: true };
}

/** corosync -t as the node: its hostname, its addresses on dummy NICs, its authkey; logs go to a throw-away overlay. */
async function runCorosync(file: RenderedFile, context: CheckContext): Promise<CheckResult> {
  const dir = join(context.workDir, file.node);
  await mkdir(dir, { recursive: true });
  const conf = join(dir, 'corosync.conf');
  await writeFile(conf, file.content);
  const node = context.model.nodes.find((n) => n.name === file.node);
  const interfaces = (node?.nics ?? []).map((nic) => ({ name: nic.name, addresses: [`${nic.address}/${nic.prefix}`] }));
  const files: StagedFile[] = [];
  const key = context.allFiles.find((f) => f.node === file.node && f.path === AUTHKEY);
  if (key) files.push({ path: AUTHKEY, content: key.content, mode: 0o400 });
  const logfile = /^\s*logfile\s*:\s*(\/\S+)/m.exec(file.content)?.[1];
  if (logfile) files.push({ path: logfile, content: '' });
  const base = { node: file.node, path: file.path, tool: `corosync -c FILE -t (as ${file.node}, private namespaces) + ${LINT}` };
  let r;
  try {
    r = await withNetns(interfaces, (ns) => ns.run(['corosync', '-c', conf, '-t'], { hostname: file.node, files }));
  } catch (e) {
    return { ...base, ok: false, message: setupFailure(e) };
  }
  if (r.exitCode === 0) return { ...base, ok: true };
  const message = `${r.stderr}\n${r.stdout}`.split('\n').filter((l) => /error|warn/i.test(l)).join('\n') || r.stderr.trim() || `exit ${r.exitCode}`;
  return { ...base, ok: false, message };
}

async function checkConf(file: RenderedFile, context: CheckContext): Promise<CheckResult> {
  const version = versionOf(file.content, context);
  const problems = lintCorosync(file.content, version);
  if (version === 1 && problems.length === 0) {
    const bind = checkBindnetaddr(file, context);
    if (bind) problems.push(bind);
  }
  const base = { node: file.node, path: file.path, tool: version === 1 ? LINT_V1 : LINT };
  if (problems.length) return { ...base, ok: false, message: problems.join('\n') };
  if (version === 1) return { ...base, ok: true };
  return runCorosync(file, context);
}

/** corosync 3 files go through corosync -t once per node plus a key lint; 1.x files through the lint alone. */
export const corosyncChecker = defineChecker({
  id: 'corosync',
  tools: [
    { binary: 'corosync', apt: 'corosync' },
    ...NAMESPACE_TOOLS,
  ],
  async check(files, context) {
    const results: CheckResult[] = [];
    for (const file of files) {
      if (file.path === AUTHKEY) results.push(checkAuthkey(file, context.model.corosync?.version ?? 3));
      else results.push(await checkConf(file, context));
    }
    return results;
  },
  writeLast: true,
  // the authkey is raw key bytes, not a configuration: corosync -t reads it through corosync.conf
  onNode: { tool: 'corosync -t', binary: 'corosync', command: (p) => `corosync -t -c ${quote(p)}`, unsupported: OLD_OPTIONS, judges: (p) => p !== AUTHKEY },
});

