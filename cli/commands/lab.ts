import { LabError } from '../../src/netns/errors.js';
import { loadOrFail } from '../stack.js';

export async function labExecCommand(stack: string, node: string, argv: string[]): Promise<number> {
  const model = await loadOrFail(stack);
  const { openLab } = await import('../../src/netns/index.js');
  const { labName, memberName } = await import('../../src/provider/lab/lab-spec.js');
  const lab = openLab(labName(model));
  const { spawnSync } = await import('node:child_process');
  const [file = 'nsenter', ...args] = lab.enterArgv(memberName(node));
  const result = spawnSync(file, [...args, ...argv], { stdio: 'inherit' });
  return result.status ?? 1;
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
