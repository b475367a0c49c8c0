
import type { OperationArgs, OperationName } from '../../src/runtime/runtime.js';
import type { TargetOptions } from '../target.js';

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

/** This node's agent socket, from --socket, --config, --ha-dir or the default config. */
async function socketOf(options: TargetOptions): Promise<string> {
  const { agentSocketPath } = await import('../../src/agent/index.js');
  return agentSocketPath({ socket: options.socket, configPath: options.config, haDir: options.haDir, node: options.node });
}

/** One control request to this node's agent, its JSON answer on stdout: how hactl on the host drives an agent on a node. */
export async function agentRequestCommand(request: string, options: TargetOptions): Promise<number> {
  const { requestAgent } = await import('../../src/agent/index.js');
  const { parseRequest } = await import('../../src/agent/control/protocol.js');
  const { HactlError } = await import('../../src/diagnostics/index.js');
  let parsed: unknown;
  try {
    parsed = JSON.parse(request);
  } catch {
    throw new HactlError('protocol', 'agent-request takes one JSON control request, e.g. {"cmd":"status"}');
  }
  const req = parseRequest(parsed);
  if (typeof req === 'string') throw new HactlError('protocol', req);
  process.stdout.write(`${JSON.stringify(await requestAgent(await socketOf(options), req))}\n`);
  return 0;
}

export async function localAgentStatus(options: TargetOptions & { json?: boolean }): Promise<number> {
  const { agentStatus, formatStatus } = await import('../../src/agent/index.js');
  const status = await agentStatus(await socketOf(options));
  process.stdout.write(options.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status));
  return 0;
}

export async function localAgentControl<Op extends OperationName>(op: Op, args: OperationArgs[Op], options: TargetOptions): Promise<number> {
  const { requestAgent } = await import('../../src/agent/index.js');
  const result = await requestAgent(await socketOf(options), { cmd: op, ...args } as never);
  process.stdout.write(`${op}: ${JSON.stringify(result)}\n`);
  return 0;
}

/**
 * On a node, without a stack: the cluster hactl rendered there (/etc/hactl/cluster.json) answers for any runtime;
 * an agent configured by flags answers through its socket.
 */
export async function localIsActive(group: string, options: TargetOptions & { quiet?: boolean }): Promise<number> {
  const { localCluster } = await import('../../src/operations/local.js');
  const agentFlags = options.socket ?? options.config ?? options.haDir;
  const local = agentFlags ? undefined : await localCluster(options.node);
  if (local) {
    const { runOperation } = await import('../../src/operations/operate.js');
    const result = await runOperation(local.runtime, local.access, 'is-active', { group, node: local.node });
    if (!options.quiet) process.stdout.write(`${result.output}\n`);
    return result.active ? 0 : 1;
  }
  const { agentIsActive } = await import('../../src/agent/index.js');
  const result = await agentIsActive(await socketOf(options), group);
  if (!options.quiet) process.stdout.write(`${JSON.stringify(result)}\n`);
  return result.active ? 0 : 1;
}

