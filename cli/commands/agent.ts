import { join } from 'node:path';
import type { ControlOptions } from '../program.js';
import { loadOrFail } from '../stack.js';

export async function agentCommand(options: { config?: string; haDir?: string; node?: string; logLevel?: string }): Promise<number> {
  const { runAgent } = await import('../../src/agent/run/run.js');
  const running = await runAgent({
    ...(options.config ? { configPath: options.config } : {}),
    ...(options.haDir ? { haDir: options.haDir } : {}),
    ...(options.node ? { node: options.node } : {}),
    ...(options.logLevel ? { logLevel: options.logLevel as 'info' } : {}),
  });
  await running.done;
  return 0;
}

/** The control socket of the local agent, or of a lab node's agent seen from the host (`--lab STACK`). */
async function socketFor(options: ControlOptions): Promise<string> {
  const { agentSocketPath, loadAgentConfig, resolvePaths, AGENT_CONFIG_PATH } = await import('../../src/agent/index.js');
  if (!options.lab) return agentSocketPath({ socket: options.socket, configPath: options.config, haDir: options.haDir, node: options.node });
  const model = await loadOrFail(options.lab);
  const { openStackLab, memberName } = await import('../../src/provider/lab/up.js');
  const lab = openStackLab(model);
  const node = options.node ?? model.nodes[0]!.name;
  const root = lab.nodeRoot(memberName(node));
  const config = await loadAgentConfig(join(root, AGENT_CONFIG_PATH));
  return join(root, resolvePaths(config, node).socket);
}

export async function statusCommand(options: ControlOptions & { json?: boolean }): Promise<number> {
  const { agentStatus, formatStatus } = await import('../../src/agent/index.js');
  const status = await agentStatus(await socketFor(options));
  process.stdout.write(options.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status));
  return 0;
}

export async function controlCommand(verb: 'standby' | 'online' | 'move' | 'unmove' | 'cleanup', args: string[], options: ControlOptions): Promise<number> {
  const client = await import('../../src/agent/index.js');
  const socket = await socketFor(options);
  const [a, b] = args;
  const result =
    verb === 'standby' ? await client.agentStandby(socket, a!)
    : verb === 'online' ? await client.agentOnline(socket, a!)
    : verb === 'move' ? await client.agentMove(socket, a!, b!)
    : verb === 'unmove' ? await client.agentUnmove(socket, a!)
    : await client.agentCleanup(socket, a, b);
  process.stdout.write(`${verb} ${args.join(' ')}: ${typeof result === 'string' ? result : JSON.stringify(result)}\n`);
  return 0;
}

/** Exit 0 only on the node running the group: the "run only on the active node" test for cron jobs. */
export async function isActiveCommand(group: string, options: ControlOptions & { quiet?: boolean }): Promise<number> {
  const { agentIsActive } = await import('../../src/agent/index.js');
  const result = await agentIsActive(await socketFor(options), group);
  if (!options.quiet) process.stdout.write(`${JSON.stringify(result)}\n`);
  return result.active ? 0 : 1;
}
