import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import type { RenderedFile } from '../../render/artifact.js';
import { type CheckContext, checkEach, type CheckResult, defineChecker } from '../checker.js';
import { condense } from './cib.js';

const INIT_D = '/etc/init.d';
const OCF_ROOT = '/usr/lib/ocf/resource.d';
const LOG_DIR = '/var/log/crmsh';
const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

interface AgentUse {
  cls: string;
  provider: string;
  type: string;
  params: Set<string>;
}

/** Statements with their `\` continuations joined, split into words; double-quoted values keep their spaces. */
function statements(script: string): string[][] {
  const joined = script.replace(/\\\r?\n/g, ' ');
  return joined
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .map((l) => [...l.matchAll(/(?:[^\s"]+|"(?:[^"\\]|\\.)*")+/g)].map((m) => m[0]))
    .filter((words) => words.length > 0);
}

function agentsOf(script: string): AgentUse[] {
  const uses = new Map<string, AgentUse>();
  for (const words of statements(script)) {
    if (words[0] !== 'primitive' || !words[2]) continue;
    const [cls = '', a = '', b] = words[2].split(':');
    const use = uses.get(words[2]) ?? { cls, provider: b === undefined ? '' : a, type: b ?? a, params: new Set<string>() };
    uses.set(words[2], use);
    const start = words.indexOf('params');
    if (start < 0) continue;
    for (const word of words.slice(start + 1)) {
      if (['op', 'meta', 'utilization'].includes(word)) break;
      const name = word.split('=')[0];
      if (name) use.params.add(name);
    }
  }
  return [...uses.values()];
}

const lsbStub = (name: string) =>
  `#!/bin/sh\n### BEGIN INIT INFO\n# Provides: ${name}\n# Short-Description: hactl check stub for ${name}\n### END INIT INFO\ncase "$1" in status) exit 3 ;; *) exit 0 ;; esac\n`;

function ocfStub(use: AgentUse): string {
  const params = [...use.params].map((p) => `<parameter name="${p}"><shortdesc lang="en">${p}</shortdesc><content type="string"/></parameter>`).join('\n');
  const actions = ['start', 'stop', 'monitor', 'promote', 'demote', 'notify', 'meta-data'].map((a) => `<action name="${a}" timeout="20s"/>`).join('\n');
  return `#!/bin/sh
case "$1" in
meta-data) cat <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE resource-agent SYSTEM "ra-api-1.dtd">
<resource-agent name="${use.type}" version="1.0">
<version>1.0</version>
<longdesc lang="en">hactl check stub: the provider is not installed on the checking host</longdesc>
<shortdesc lang="en">hactl check stub</shortdesc>
<parameters>
${params}
</parameters>
<actions>
${actions}
</actions>
</resource-agent>
EOF
;;
*) exit 0 ;;
esac
`;
}

interface Sandbox {
  script: string;
  notes: string[];
  /** directories to copy and bind over their originals */
  overlays: { target: string; copy: string }[];
}

/**
 * crmsh asks the checking host for every agent's metadata. Agents this host cannot have (the stack's own LSB scripts,
 * other distributions' init scripts, providers not installed here, systemd units without a running systemd) are
 * provided in copies of /etc/init.d and the OCF tree bound over the originals in a private mount namespace.
 * Agents of installed OCF providers are never stubbed, so a misspelt heartbeat agent still fails.
 */
async function prepareSandbox(file: RenderedFile, context: CheckContext, dir: string): Promise<Sandbox> {
  let script = file.content;
  const notes: string[] = [];
  const overlays: Sandbox['overlays'] = [];
  const systemdRuns = existsSync('/run/systemd/system');
  const lsbNeeded = new Map<string, string>();
  const ocfNeeded: AgentUse[] = [];
  for (const use of agentsOf(script)) {
    if (use.cls === 'service' && !existsSync(join(INIT_D, use.type)) && !systemdRuns) {
      // without an init script Pacemaker would ask systemd, which does not run here
      script = script.split(`service:${use.type}`).join(`lsb:${use.type}`);
      notes.push(`service:${use.type} checked as lsb:${use.type} (no init script here and no running systemd)`);
      lsbNeeded.set(use.type, lsbStub(use.type));
    } else if (use.cls === 'systemd' && !systemdRuns) {
      script = script.split(`systemd:${use.type}`).join(`lsb:${use.type}`);
      notes.push(`systemd:${use.type} checked as lsb:${use.type} (no running systemd to answer its metadata)`);
      if (!existsSync(join(INIT_D, use.type))) lsbNeeded.set(use.type, lsbStub(use.type));
    } else if (use.cls === 'lsb') {
      const rendered = context.allFiles.find((f) => f.path === `${INIT_D}/${use.type}`);
      if (rendered) lsbNeeded.set(use.type, rendered.content);
      else if (!existsSync(join(INIT_D, use.type))) {
        lsbNeeded.set(use.type, lsbStub(use.type));
        notes.push(`lsb:${use.type} stubbed (not installed on the checking host)`);
      }
    } else if (use.cls === 'ocf' && !existsSync(join(OCF_ROOT, use.provider))) {
      ocfNeeded.push(use);
      notes.push(`ocf:${use.provider}:${use.type} stubbed (provider ${use.provider} is not installed on the checking host)`);
    }
  }
  if (lsbNeeded.size > 0) {
    const copy = join(dir, 'init.d');
    await cp(INIT_D, copy, { recursive: true, verbatimSymlinks: true });
    for (const [name, content] of lsbNeeded) await writeFile(join(copy, name), content, { mode: 0o755 });
    overlays.push({ target: INIT_D, copy });
  }
  if (ocfNeeded.length > 0) {
    const copy = join(dir, 'resource.d');
    await cp(OCF_ROOT, copy, { recursive: true, verbatimSymlinks: true });
    for (const use of ocfNeeded) {
      await mkdir(join(copy, use.provider), { recursive: true });
      await writeFile(join(copy, use.provider, use.type), ocfStub(use), { mode: 0o755 });
    }
    overlays.push({ target: OCF_ROOT, copy });
  }
  return { script, notes, overlays };
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

const ESC = String.fromCharCode(27);
/** `-D plain` is not honoured for every line: strip colour codes. */
const plain = (text: string) => text.split(ESC).map((part, i) => (i === 0 ? part : part.replace(/^\[[0-9;]*m/, ''))).join('');

/** crmsh relays crm_verify's info and warning lines as `ERROR: INFO: ...` and `ERROR: (func) warning: ...`. */
function realErrors(output: string): string[] {
  return plain(output)
    .split('\n')
    .filter((l) => /^ERROR:/.test(l) && !/^ERROR:\s*(INFO:|\(\w+\)\s+warning:)/.test(l));
}

async function checkScript(file: RenderedFile, index: number, context: CheckContext): Promise<CheckResult> {
  const syntax = context.model.pacemaker?.syntax ?? '2';
  // Pacemaker 1.0 configurations are checked against the schema Pacemaker 1.0 wrote, which still has its properties
  const schema = syntax === '1.0' ? 'pacemaker-1.0' : '';
  const tool = `crm configure < FILE on an empty ${schema || 'current-schema'} CIB + crm_verify -x`;
  const base = { node: file.node, path: file.path, tool };
  const dir = join(context.workDir, `crm-${index}`);
  await mkdir(dir, { recursive: true });
  const sandbox = await prepareSandbox(file, context, dir);
  await writeFile(join(dir, 'script.crm'), sandbox.script);
  const isolated = process.getuid?.() === 0;
  const lines = [
    'set -e',
    ...sandbox.overlays.map((o) => `mount --bind ${quote(o.copy)} ${quote(o.target)}`),
    // crmsh appends to its log on the host; a check should leave no trace there
    ...(isolated ? [`if [ -d ${LOG_DIR} ]; then mount -t tmpfs hactl-crmsh-log ${LOG_DIR}; fi`] : []),
    `cd ${quote(dir)}`,
    `cibadmin --empty ${schema} > cib.xml`,
    'set +e',
    `CIB_file=${quote(join(dir, 'cib.xml'))} crm -D plain configure < script.crm > crm.out 2>&1`,
    'echo $? > crm.rc',
    'crm_verify -x cib.xml -V > verify.out 2>&1',
    'echo $? > verify.rc',
  ];
  await writeFile(join(dir, 'run.sh'), `${lines.join('\n')}\n`);
  if (sandbox.overlays.length > 0 && !isolated) {
    return { ...base, ok: false, message: `needs root: agents missing on this host are provided in a private mount namespace\n${sandbox.notes.join('\n')}` };
  }
  const argv = isolated ? ['unshare', '--mount', '--propagation', 'private', 'sh', 'run.sh'] : ['sh', 'run.sh'];
  const run = await execa(argv[0]!, argv.slice(1), {
    cwd: dir,
    reject: false,
    timeout: 120_000,
    env: { PATH, HOME: dir, LANG: 'C', TERM: 'dumb' },
    extendEnv: false,
  });
  if (run.exitCode !== 0) return { ...base, ok: false, message: condense(`could not run crmsh: ${run.stderr || run.stdout}`) };
  const crmOut = await readFile(join(dir, 'crm.out'), 'utf8');
  const crmRc = Number((await readFile(join(dir, 'crm.rc'), 'utf8')).trim());
  const verifyOut = await readFile(join(dir, 'verify.out'), 'utf8');
  const verifyRc = Number((await readFile(join(dir, 'verify.rc'), 'utf8')).trim());
  const errors = realErrors(crmOut);
  if (crmRc !== 0 || errors.length > 0) {
    return { ...base, ok: false, message: condense(errors.length ? errors.join('\n') : plain(crmOut)) };
  }
  const verifyErrors = verifyOut.split('\n').filter((l) => /\berror\b|Errors found/i.test(l));
  if (verifyRc !== 0 && (verifyRc !== 78 || verifyErrors.length > 0)) return { ...base, ok: false, message: condense(verifyOut) };
  return { ...base, ok: true, message: sandbox.notes.length ? sandbox.notes.join('\n') : undefined };
}

/** The crm configure script, applied by crmsh itself to an empty CIB file, then the result verified by crm_verify. */
export const crmshChecker = defineChecker({
  id: 'crmsh',
  tools: [
    { binary: 'crm', apt: 'crmsh' },
    { binary: 'cibadmin', apt: 'pacemaker-cli-utils' },
    { binary: 'crm_verify', apt: 'pacemaker-cli-utils' },
    { binary: 'unshare', apt: 'util-linux' },
  ],
  check: (files, context) => checkEach(files, (file, index) => checkScript(file, index, context)),
  writeLast: true,
});
