import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { isIpv4 } from '../../model/network.js';
import { platformProfile } from '../../platform/profiles.js';
import type { RenderedFile } from '../../render/artifact.js';
import { type CheckContext, type CheckResult, defineChecker } from '../checker.js';
import { condense } from './cib.js';

const HEARTBEAT = '/usr/libexec/heartbeat/heartbeat';
const HA_DIR = '/etc/ha.d';
const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const RUN_TOOL = 'heartbeat parse run (private mount/UTS/PID/net namespaces, pid file says it already runs)';
const LINT_TOOL = 'hactl haresources lint (heartbeat does not read it until a takeover)';
/** Pacemaker 1.x daemon names heartbeat looks for with `crm on`; Pacemaker 2 renamed them. */
const PACEMAKER_DAEMONS = ['cib', 'stonithd', 'attrd', 'crmd', 'lrmd'].map((d) => `/usr/libexec/pacemaker/${d}`);

interface NodeFiles {
  node: string;
  haCf?: RenderedFile;
  authkeys?: RenderedFile;
  haresources?: RenderedFile;
}

const directives = (content: string, name: string): string[][] =>
  content
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim().split(/\s+/))
    .filter((words) => words[0] === name)
    .map((words) => words.slice(1));

function byNode(files: readonly RenderedFile[], all: readonly RenderedFile[]): NodeFiles[] {
  const nodes = [...new Set(files.map((f) => f.node))];
  const at = (node: string, name: string) => (f: RenderedFile) => f.node === node && f.path === `${HA_DIR}/${name}`;
  // the files under check win over their rendered neighbours (a test may hand in a broken copy)
  const find = (node: string, name: string) => files.find(at(node, name)) ?? all.find(at(node, name));
  return nodes.map((node) => ({ node, haCf: find(node, 'ha.cf'), authkeys: find(node, 'authkeys'), haresources: find(node, 'haresources') }));
}

function knownScript(name: string, node: string, context: CheckContext): boolean {
  if (existsSync(join(HA_DIR, 'resource.d', name)) || existsSync(join('/etc/init.d', name))) return true;
  if (context.allFiles.some((f) => f.node === node && (f.path === `/etc/init.d/${name}` || f.path === `${HA_DIR}/resource.d/${name}`))) return true;
  // init scripts the platform's own packages install (memcached, httpd, ...) exist on the target even if not here
  const packages = platformProfile(context.model.platform).packages;
  return name in packages || Object.values(packages).some((list) => list.includes(name));
}

function ipProblem(spec: string, nics: string[]): string | undefined {
  const [address = '', prefix, nic, broadcast] = spec.split('/');
  if (!isIpv4(address)) return `${spec}: ${address} is not an IPv4 address`;
  if (prefix !== undefined && !(/^\d{1,2}$/.test(prefix) && Number(prefix) >= 1 && Number(prefix) <= 32)) return `${spec}: bad prefix length ${prefix}`;
  if (nic !== undefined && nics.length > 0 && !nics.includes(nic)) return `${spec}: the node has no NIC ${nic}`;
  if (broadcast !== undefined && !isIpv4(broadcast)) return `${spec}: bad broadcast address ${broadcast}`;
  return undefined;
}

/** heartbeat reads haresources only when it takes resources over, so hactl checks what it would trip on then. */
function lintHaresources(content: string, haCf: string | undefined, node: string, context: CheckContext): string[] {
  const problems: string[] = [];
  const nodes = haCf ? directives(haCf, 'node').flat() : context.model.nodes.map((n) => n.name);
  const nics = context.model.nodes.find((n) => n.name === node)?.nics.map((n) => n.name) ?? [];
  for (const [i, raw] of content.split('\n').entries()) {
    const words = raw.replace(/#.*/, '').trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    const [owner = '', ...resources] = words;
    const where = `haresources line ${i + 1}`;
    if (!nodes.includes(owner)) problems.push(`${where}: ${owner} is not a node line of ha.cf (${nodes.join(', ')})`);
    if (resources.length === 0) problems.push(`${where}: no resources after ${owner}`);
    for (const resource of resources) {
      const [script = '', ...args] = resource.split('::');
      if (/^\d/.test(script)) {
        const problem = ipProblem(script, nics);
        if (problem) problems.push(`${where}: ${problem}`);
      } else if (/^IPaddr2?$/.test(script)) {
        const problem = args[0] ? ipProblem(args[0], nics) : 'no address';
        if (problem) problems.push(`${where}: ${script}: ${problem}`);
      } else if (!knownScript(script, node, context)) {
        problems.push(`${where}: resource script ${script} is in neither /etc/ha.d/resource.d nor /etc/init.d, and hactl renders none`);
      }
    }
  }
  return problems;
}

async function stub(root: string, path: string, content: string, mode: number): Promise<string> {
  const source = join(root, 'stubs', path);
  await mkdir(dirname(source), { recursive: true });
  await writeFile(source, content, { mode });
  return source;
}

/**
 * Files heartbeat insists exist: respawned programs (the stack's own scripts, or stand-ins for another distribution's
 * helpers such as CentOS's /usr/lib64/heartbeat/ifcheckd) and, in crm mode, the Pacemaker 1.x daemons.
 */
async function placements(files: NodeFiles, context: CheckContext, dir: string) {
  const haCf = files.haCf!.content;
  const placed: { source: string; target: string }[] = [];
  const notes: string[] = [];
  const foreign = context.model.platform !== 'debian12';
  for (const [, program] of directives(haCf, 'respawn')) {
    if (!program) continue;
    const rendered = context.allFiles.find((f) => f.node === files.node && f.path === program);
    if (rendered) placed.push({ source: await stub(dir, program, rendered.content, Number.parseInt(rendered.mode, 8)), target: program });
    else if (!existsSync(program) && foreign) {
      placed.push({ source: await stub(dir, program, '#!/bin/sh\nexit 0\n', 0o755), target: program });
      notes.push(`${program} stood in for (a ${context.model.platform} program this host lacks)`);
    }
  }
  const crmMode = directives(haCf, 'crm').concat(directives(haCf, 'pacemaker')).some(([v]) => v && !/^(off|no|false)$/i.test(v));
  if (crmMode) {
    for (const daemon of PACEMAKER_DAEMONS) {
      if (!existsSync(daemon)) placed.push({ source: await stub(dir, daemon, '#!/bin/sh\nexit 0\n', 0o755), target: daemon });
    }
  }
  return { placed, notes };
}

function interfaces(files: NodeFiles, context: CheckContext) {
  const node = context.model.nodes.find((n) => n.name === files.node);
  const named = new Map((node?.nics ?? []).map((n) => [n.name, `${n.address}/${n.prefix}`]));
  for (const medium of ['bcast', 'mcast', 'ucast']) {
    for (const [nic] of directives(files.haCf!.content, medium)) if (nic && !named.has(nic)) named.set(nic, '');
  }
  return [...named.entries()].filter(([name]) => /^[A-Za-z0-9_.:-]{1,15}$/.test(name));
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

async function runHeartbeat(files: NodeFiles, context: CheckContext): Promise<{ ok: boolean; output: string; notes: string[] }> {
  const dir = join(context.workDir, files.node);
  const haDir = join(dir, 'ha.d');
  await mkdir(haDir, { recursive: true });
  for (const f of [files.haCf, files.authkeys, files.haresources]) {
    if (f) await writeFile(join(haDir, f.path.slice(HA_DIR.length + 1)), f.content, { mode: Number.parseInt(f.mode, 8) });
  }
  const { placed, notes } = await placements(files, context, dir);
  const root = join(dir, 'root');
  const layer = join(dir, 'layer');
  await mkdir(root, { recursive: true });
  await mkdir(layer, { recursive: true });
  const script = [
    'set -e',
    // the whole root is an overlay whose writes land in a tmpfs that dies with the namespace
    `mount -t tmpfs hactl-hb ${quote(layer)}`,
    `mkdir -p ${quote(`${layer}/upper`)} ${quote(`${layer}/work`)}`,
    `mount -t overlay hactl-hb -o ${quote(`lowerdir=/,upperdir=${layer}/upper,workdir=${layer}/work`)} ${quote(root)}`,
    `mount -t proc proc ${quote(`${root}/proc`)}`,
    // a /dev of harmless devices only: no /dev/log into the host's syslog, and above all no /dev/watchdog,
    // which reboots the host when opened and then left without the magic close
    `mount -t tmpfs hactl-dev ${quote(`${root}/dev`)}`,
    ...['null', 'zero', 'random', 'urandom'].flatMap((d) => [`touch ${quote(`${root}/dev/${d}`)}`, `mount --bind /dev/${d} ${quote(`${root}/dev/${d}`)}`]),
    `rm -f ${['ha.cf', 'authkeys', 'haresources'].map((n) => quote(`${root}${HA_DIR}/${n}`)).join(' ')}`,
    `cp -p ${quote(haDir)}/* ${quote(`${root}${HA_DIR}/`)}`,
    ...placed.flatMap((p) => [`mkdir -p ${quote(`${root}${dirname(p.target)}`)}`, `cp -p ${quote(p.source)} ${quote(`${root}${p.target}`)}`]),
    'ip link set lo up',
    ...interfaces(files, context).flatMap(([name, address], i) => [
      `ip link add ${quote(name)} type veth peer name hactlhb${i}`,
      ...(address ? [`ip addr add ${quote(address)} brd + dev ${quote(name)}`] : []),
      `ip link set ${quote(name)} up`,
      `ip link set hactlhb${i} up`,
    ]),
    // heartbeat takes a live pid in its pid file for a running heartbeat: it parses everything, then stops
    `echo 1 > ${quote(`${root}/run/heartbeat.pid`)}`,
    `printf '%s' ${quote(files.node)} > /proc/sys/kernel/hostname`,
    // not exec: heartbeat must not be pid 1 itself, or the pid file would name its own process
    `chroot ${quote(root)} ${HEARTBEAT}`,
  ];
  await writeFile(join(dir, 'run.sh'), `${script.join('\n')}\n`);
  const run = await execa('unshare', ['--mount', '--uts', '--pid', '--net', '--fork', '--mount-proc', '--propagation', 'private', 'sh', join(dir, 'run.sh')], {
    reject: false,
    timeout: 30_000,
    env: { PATH, LANG: 'C' },
    extendEnv: false,
  });
  const output = `${run.stderr}\n${run.stdout}`;
  const errors = output.split('\n').filter((l) => /ERROR:/.test(l));
  const ok = run.exitCode === 0 && errors.length === 0 && /Configuration validated/.test(output) && /already running \[pid 1\]/.test(output);
  const message = (ok ? output.split('\n').filter((l) => /WARN:/.test(l) && !/core|Core|Logging daemon/.test(l)) : errors.length ? errors : [output])
    .map((l) => l.replace(/^.*?heartbeat: \[\d+\]: /, ''))
    .join('\n');
  return { ok, output: condense(message), notes };
}

async function checkNode(files: NodeFiles, mine: readonly RenderedFile[], context: CheckContext): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const wanted = (f?: RenderedFile) => f !== undefined && mine.includes(f);
  if (wanted(files.haresources)) {
    const problems = lintHaresources(files.haresources!.content, files.haCf?.content, files.node, context);
    results.push({ node: files.node, path: files.haresources!.path, tool: LINT_TOOL, ok: problems.length === 0, message: problems.join('\n') || undefined });
  }
  const parsed = [files.haCf, files.authkeys].filter(wanted) as RenderedFile[];
  if (parsed.length === 0) return results;
  if (!files.haCf) {
    for (const f of parsed) results.push({ node: files.node, path: f.path, tool: RUN_TOOL, ok: false, message: `no ${HA_DIR}/ha.cf rendered for ${files.node}: heartbeat cannot read ${f.path} without it` });
    return results;
  }
  if (process.getuid?.() !== 0) {
    for (const f of parsed) results.push({ node: files.node, path: f.path, tool: RUN_TOOL, ok: false, message: 'needs root: heartbeat is run in private mount, PID and network namespaces' });
    return results;
  }
  const run = await runHeartbeat(files, context);
  const message = [run.output, ...run.notes].filter(Boolean).join('\n') || undefined;
  for (const f of parsed) results.push({ node: files.node, path: f.path, tool: RUN_TOOL, ok: run.ok, message });
  return results;
}

/** ha.cf and authkeys as heartbeat 3 parses them when it starts, posing as each node; haresources linted by hactl. */
export const heartbeatChecker = defineChecker({
  id: 'heartbeat',
  tools: [
    { binary: HEARTBEAT, apt: 'heartbeat' },
    { binary: 'unshare', apt: 'util-linux' },
    { binary: 'chroot', apt: 'coreutils' },
    { binary: 'ip', apt: 'iproute2' },
  ],
  async check(files, context) {
    const results: CheckResult[] = [];
    for (const nodeFiles of byNode(files, context.allFiles)) {
      results.push(...(await checkNode(nodeFiles, files, context)));
    }
    return results;
  },
  writeLast: true,
});
