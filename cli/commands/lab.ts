import { LabError } from '../../src/netns/errors.js';
import { loadOrFail, renderOrPrint } from '../stack.js';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function upCommand(stack: string): Promise<number> {
  const rendered = await renderOrPrint(stack);
  if (!rendered) return 1;
  const { labUp } = await import('../../src/provider/lab/up.js');
  const up = await labUp(rendered.model, rendered.result, {
    onEvent: (e) => {
      if (e.type === 'lab-created') process.stderr.write(`lab ${e.lab}: namespaces and bridges ready (${seconds(e.ms)})\n`);
      if (e.type === 'files-placed') process.stderr.write(`${e.node}: ${e.count} files placed\n`);
      if (e.type === 'files-pushed') process.stderr.write(`${e.node}: ${e.count} files applied over SSH (${seconds(e.ms)})\n`);
      if (e.type === 'runtime-started') process.stderr.write(`${e.node}: ${rendered.model.runtime} started (pid ${e.pid})\n`);
    },
  });
  process.stdout.write(`cluster ${rendered.model.cluster} is up on lab ${up.lab} in ${seconds(up.totalMs)}\n`);
  for (const p of up.placement) process.stdout.write(`  ${p.name.padEnd(12)} ${p.vip.padEnd(16)} on ${p.node}\n`);
  return 0;
}

export async function downCommand(stack: string): Promise<number> {
  const model = await loadOrFail(stack);
  const { labDown } = await import('../../src/provider/lab/up.js');
  const down = await labDown(model);
  process.stdout.write(down.existed ? `lab ${down.lab} removed (${down.killed} processes stopped)\n` : `lab ${down.lab} was not running\n`);
  return 0;
}

export async function labExecCommand(stack: string, node: string, argv: string[]): Promise<number> {
  const model = await loadOrFail(stack);
  const { openStackLab, memberName } = await import('../../src/provider/lab/up.js');
  const lab = openStackLab(model);
  const { spawnSync } = await import('node:child_process');
  const [file = 'nsenter', ...args] = lab.enterArgv(memberName(node));
  const result = spawnSync(file, [...args, ...argv], { stdio: 'inherit' });
  return result.status ?? 1;
}

export async function chaosCommand(stack: string, action: string, node: string, extra: string[]): Promise<number> {
  const rendered = await renderOrPrint(stack);
  if (!rendered) return 1;
  const { openStackLab, memberName } = await import('../../src/provider/lab/up.js');
  const chaos = await import('../../src/provider/lab/chaos.js');
  const lab = openStackLab(rendered.model);
  switch (action) {
    case 'kill-node':
      process.stdout.write(`killed ${rendered.model.runtime} on ${node} (pid ${chaos.killRuntime(lab, rendered.model, node)})\n`);
      return 0;
    case 'restart-node':
      process.stdout.write(`started ${rendered.model.runtime} on ${node} (pid ${chaos.restartRuntime(lab, rendered.model, node, rendered.result.files)})\n`);
      return 0;
    case 'cut-link':
    case 'heal-link': {
      const nic = extra[0];
      if (!nic) throw new LabError('lab-bad-request', `${action} needs a NIC: hactl chaos ${action} NODE NIC`);
      await lab.setLink(memberName(node), nic, action === 'cut-link' ? 'down' : 'up');
      process.stdout.write(`${node} ${nic} ${action === 'cut-link' ? 'down' : 'up'}\n`);
      return 0;
    }
    case 'kill-service': {
      const port = Number(extra[0]);
      if (!Number.isInteger(port)) throw new LabError('lab-bad-request', 'kill-service needs a port: hactl chaos kill-service NODE PORT');
      process.stdout.write(`killed pid ${await chaos.killService(lab, node, port)} listening on ${port} on ${node}\n`);
      return 0;
    }
    case 'partition': {
      const groups = [node, ...extra].map((g) => g.split(',').map(memberName));
      await lab.partition(groups);
      process.stdout.write(`partitioned: ${groups.map((g) => g.join(',')).join(' | ')}\n`);
      return 0;
    }
    case 'heal':
      await lab.heal();
      process.stdout.write('partition healed\n');
      return 0;
    default:
      throw new LabError('lab-bad-request', `unknown chaos action ${action} (kill-node, restart-node, cut-link, heal-link, kill-service, partition, heal)`);
  }
}

export async function testFailoverCommand(stack: string, options: { fault: 'kill' | 'link' | 'service'; service?: string; timeout: string }): Promise<number> {
  const rendered = await renderOrPrint(stack);
  if (!rendered) return 1;
  const { openStackLab } = await import('../../src/provider/lab/up.js');
  const { testFailover } = await import('../../src/provider/lab/failover-test.js');
  const lab = openStackLab(rendered.model);
  const report = await testFailover(lab, rendered.model, {
    fault: options.fault,
    service: options.service,
    timeoutMs: Number(options.timeout) * 1000,
    restore: true,
    files: rendered.result.files,
  });
  process.stdout.write(`${report.service} (${report.vip}): ${report.fault} on ${report.from} -> answered from ${report.to} after ${report.ms.toFixed(0)} ms\n`);
  return 0;
}

export async function labLsCommand(options: { json?: boolean }): Promise<number> {
  const { listLabs } = await import('../../src/netns/index.js');
  const labs = listLabs();
  if (options.json) {
    process.stdout.write(`${JSON.stringify(labs, null, 2)}\n`);
    return 0;
  }
  if (labs.length === 0) {
    process.stdout.write('no lab on this machine\n');
    return 0;
  }
  const rows = labs.map((l) => [
    l.name,
    l.orphaned ? `${l.state} (orphaned)` : l.state,
    l.createdAt ?? '-',
    l.nodes.join(',') || '-',
    String(l.processes.length),
    String(l.netns.length),
  ]);
  const table = [['LAB', 'STATE', 'CREATED', 'NODES', 'PROCESSES', 'NAMESPACES'], ...rows];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  for (const row of table) process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()}\n`);
  return 0;
}

export async function labRmCommand(names: string[], options: { all?: boolean }): Promise<number> {
  const { destroyLab, labNames } = await import('../../src/netns/index.js');
  if (options.all === (names.length > 0)) throw new LabError('lab-bad-request', 'give lab names or --all, not both (hactl lab ls lists them)');
  for (const name of options.all ? labNames() : names) {
    const report = await destroyLab(name);
    process.stdout.write(report.existed || report.killed.length > 0
      ? `lab ${name} removed (${report.killed.length} processes stopped, ${report.netns.length} namespaces deleted)\n`
      : `lab ${name}: nothing left to remove\n`);
  }
  return 0;
}
