import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AGENT_CONFIG_PATH } from '../../agent/config/paths.js';
import { packageRoot } from '../../package-root.js';
import { RuntimeError } from '../../runtime/errors.js';
import { quote } from '../../transport/shell.js';
import type { Transport } from '../../transport/transport.js';
import { HOST_HACTL } from './hactl.js';

/** What `npm run build` writes for nodes (scripts/bundle-cli.mjs): the whole CLI in one file, for Node.js >= 18. hactl on
 *  the host never starts it for a status or a verb: it speaks to the agent's socket itself (runtime/agent/socket-request.ts). */
const BUNDLES = ['hactl.mjs'] as const;
/** Files earlier versions installed next to the bundle (a small agent-request bundle): removed on upgrade and uninstall. */
const RETIRED = ['agent-request.mjs'] as const;
const NODE_LIB = '/usr/local/lib/hactl';
/** Where the full bundle lives on a node; HOST_HACTL is a small wrapper that runs it with the node's own Node.js. */
export const NODE_BUNDLE_PATH = `${NODE_LIB}/hactl.mjs`;
export const AGENT_UNIT_PATH = '/etc/systemd/system/hactl-agent.service';
const MIN_NODE_MAJOR = 18;

const WRAPPER = `#!/bin/sh
# installed by hactl (agent runtime): hactl's CLI and agent, bundled in one file, run by this machine's Node.js
exec node ${NODE_BUNDLE_PATH} "$@"
`;

// No Restart=: a killed agent stays down as keepalived or corosync would, so its peer's takeover is what recovers the
// service (and `hactl test failover --fault kill` measures that); `hactl up`/`start` brings it back.
const UNIT = `# installed by hactl (agent runtime)
[Unit]
Description=hactl bundled HA agent (heartbeats, membership, resource groups)
After=network-online.target
Wants=network-online.target
ConditionPathExists=${AGENT_CONFIG_PATH}

[Service]
Type=simple
ExecStart=${HOST_HACTL.join(' ')} agent --config ${AGENT_CONFIG_PATH}
Environment=HACTL_LOG_LEVEL=info
KillMode=control-group
TimeoutStopSec=60

[Install]
WantedBy=multi-user.target
`;

export interface AgentInstall {
  node: string;
  /** false when the node already had this very bundle */
  pushed: boolean;
  bytes: number;
  ms: number;
  nodeVersion: string;
}

async function run(t: Transport, command: string, what: string): Promise<string> {
  const r = await t.exec(command, { timeoutMs: 120_000 });
  if (r.code !== 0) throw new RuntimeError('runtime-agent-install-failed', `${t.node}: ${what} failed: ${(r.stderr.trim() || r.stdout.trim()).split('\n').slice(-5).join(' / ') || `exit ${r.code}`}`);
  return r.stdout.trim();
}

/** The bundles to install, by file name. */
export type AgentBundle = ReadonlyMap<string, Buffer>;

export async function readAgentBundle(): Promise<AgentBundle> {
  const files = await Promise.all(BUNDLES.map(async (name) => {
    const file = join(packageRoot(), 'dist', 'node', name);
    try {
      return [name, await readFile(file)] as const;
    } catch {
      throw new RuntimeError('runtime-agent-install-failed', `${file} is missing: build hactl first (npm run build writes the node bundles)`);
    }
  }));
  return new Map(files);
}

/**
 * Puts hactl's agent on a machine that does not run hactl (a VM, a server): the bundle, its wrapper at HOST_HACTL and
 * the systemd unit. Each file is written next to its target and renamed over it, so a cut connection leaves the old or
 * the new version, never half of one; an identical bundle is not pushed again, a new one restarts a running agent.
 */
export async function installAgent(t: Transport, bundle: AgentBundle, options: { restartRunning?: boolean } = {}): Promise<AgentInstall> {
  const started = performance.now();
  const nodeVersion = await run(t, 'command -v node >/dev/null && node --version', 'looking for Node.js (the agent runs on the machine\'s own Node.js >= 18; Debian 12: apt-get install nodejs)');
  const major = Number(/^v(\d+)/.exec(nodeVersion)?.[1] ?? 0);
  if (major < MIN_NODE_MAJOR) throw new RuntimeError('runtime-agent-install-failed', `${t.node}: Node.js ${nodeVersion} is too old for the agent (needs >= ${MIN_NODE_MAJOR}; Debian 12's nodejs package is 18.x)`);
  const paths = [...bundle.keys()].map((name) => `${NODE_LIB}/${name}`);
  const live = (await run(t, `for f in ${paths.map(quote).join(' ')}; do sha256sum "$f" 2>/dev/null | cut -c1-64 || echo -; done; true`, 'reading the installed bundles')).split('\n');
  const changed = [...bundle].filter(([, content], i) => live[i] !== createHash('sha256').update(content).digest('hex'));
  const attrs = { mode: '0755', owner: 'root:root' };
  await run(t, `install -d -m 0755 ${quote(NODE_LIB)} ${quote('/usr/local/bin')}`, 'creating the install directories');
  const staged = [
    ...(await Promise.all(changed.map(([name, content]) => t.stageFile(`${NODE_LIB}/${name}`, content, attrs)))),
    await t.stageFile(HOST_HACTL[0]!, WRAPPER, attrs),
    await t.stageFile(AGENT_UNIT_PATH, UNIT, { mode: '0644', owner: 'root:root' }),
  ];
  // plain renames: these are hactl's own files, so no dated backups pile up on every upgrade
  const renames = staged.map((s) => `mv -f ${quote(s.tmpPath)} ${quote(s.path)}`).join(' && ');
  const retired = RETIRED.map((name) => quote(`${NODE_LIB}/${name}`)).join(' ');
  await run(t, `${renames} && rm -f ${retired} && systemctl daemon-reload`, 'putting the agent in place');
  if (changed.length > 0 && options.restartRunning !== false) await restartRunningAgent(t);
  const bytes = changed.reduce((sum, [, content]) => sum + content.length, 0);
  return { node: t.node, pushed: changed.length > 0, bytes, ms: performance.now() - started, nodeVersion };
}

/** Removes what installAgent put there (the rendered config stays, as every pushed file does). */
export async function uninstallAgent(t: Transport): Promise<void> {
  const files = [AGENT_UNIT_PATH, HOST_HACTL[0]!, ...[...BUNDLES, ...RETIRED].map((name) => `${NODE_LIB}/${name}`)].map(quote).join(' ');
  await run(t, `systemctl disable --now hactl-agent 2>/dev/null; rm -f ${files} && rmdir --ignore-fail-on-non-empty ${quote(NODE_LIB)} 2>/dev/null; systemctl daemon-reload`, 'removing the agent');
}

/** For the agent runtime: the bundle on every node, in parallel; nothing for other runtimes (their daemons are packages). */
export async function installAgentOnNodes(model: { runtime: string }, transports: ReadonlyMap<string, Transport>): Promise<AgentInstall[]> {
  if (model.runtime !== 'agent') return [];
  const bundle = await readAgentBundle();
  const nodes = [...transports.values()];
  const installs = await Promise.all(nodes.map((t) => installAgent(t, bundle, { restartRunning: false })));
  // one node at a time, so a peer that still runs holds the groups while an agent restarts on its new bundle
  for (const [i, install] of installs.entries()) if (install.pushed) await restartRunningAgent(nodes[i]!);
  return installs;
}

/**
 * A new bundle takes effect at once: an agent already running is restarted on it. A stopped or not yet configured
 * agent is left for `hactl up` to start.
 */
export async function restartRunningAgent(t: Transport): Promise<void> {
  await run(t, 'systemctl try-restart hactl-agent', 'restarting the agent on its new bundle');
}
