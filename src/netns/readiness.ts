import { setTimeout as sleep } from 'node:timers/promises';
import { LabError } from './errors.js';
import type { LabLayout, LayoutMember } from './layout.js';
import { netnsPath } from './names.js';
import { run } from './run.js';

const PING_ALL = 'for a do ping -n -q -c 1 -W 1 "$a" >/dev/null 2>&1 || { echo "$a"; exit 1; }; done';

function peersOf(layout: LabLayout, member: LayoutMember): string[] {
  const networks = new Set(member.nics.map((n) => n.network));
  return [
    ...layout.members.filter((m) => m !== member).flatMap((m) => m.nics.filter((n) => networks.has(n.network)).map((n) => n.address)),
    ...layout.gateways.filter((g) => networks.has(g.network)).map((g) => g.address),
  ];
}

/** Proves the wiring rather than trusting it: every member pings every peer on every network it shares. */
export async function waitUntilConnected(layout: LabLayout, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await Promise.all(layout.members.map(async (member) => {
    const peers = peersOf(layout, member);
    if (peers.length === 0) return;
    for (;;) {
      const result = await run(['nsenter', `--net=${netnsPath(member.netns)}`, 'sh', '-c', PING_ALL, 'sh', ...peers], {
        allowFailure: true, timeoutMs: peers.length * 1_500 + 1_000,
      });
      if (result.exitCode === 0) return;
      if (Date.now() > deadline) {
        throw new LabError('lab-not-ready', `${member.name} cannot reach ${result.stdout.trim()} after ${timeoutMs} ms`);
      }
      await sleep(50);
    }
  }));
}
