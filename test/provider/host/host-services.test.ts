import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hostServices } from '../../../src/provider/host/daemons.js';
import type { Transport } from '../../../src/transport/transport.js';

// This host runs no systemd: a stand-in `systemctl` on PATH records what it is asked and answers is-active from a
// list of running units, and the controller's commands run through the real sh as they would on a machine.
let dir: string;
const SYSTEMCTL = `#!/bin/sh
echo "$*" >> "$HACTL_TEST_DIR/calls"
if [ "$1" = is-active ]; then grep -qx "$3" "$HACTL_TEST_DIR/running"; exit $?; fi
exit 0
`;

function machine(running: string[]): Transport {
  writeFileSync(join(dir, 'running'), running.map((s) => `${s}\n`).join(''));
  return {
    node: 'n1',
    async exec(command: string) {
      const r = await execa('sh', ['-c', command], { env: { PATH: `${dir}:${process.env.PATH}`, HACTL_TEST_DIR: dir }, reject: false });
      return { stdout: String(r.stdout), stderr: String(r.stderr), code: r.exitCode ?? 1 };
    },
  } as unknown as Transport;
}

const calls = (): string[] => {
  try {
    return readFileSync(join(dir, 'calls'), 'utf8').trim().split('\n').filter((l) => !l.startsWith('is-active'));
  } catch {
    return [];
  }
};

describe('services apply brings to a new configuration on machines with systemd', () => {
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hactl-host-services-'));
    writeFileSync(join(dir, 'systemctl'), SYSTEMCTL);
    chmodSync(join(dir, 'systemctl'), 0o755);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const services = hostServices('debian12', ['hactl-agent', 'keepalived']);
  const run = (t: Transport, service: string, action: 'reload' | 'restart') => services.run({ node: 'n1', transport: t, platform: 'debian12', service, action });

  it("restarts or reloads a runtime daemon that runs, so a changed config takes effect as it does on the lab", async () => {
    const t = machine(['hactl-agent', 'keepalived']);
    await run(t, 'hactl-agent', 'restart');
    await run(t, 'keepalived', 'reload');
    expect(calls()).toEqual(['restart hactl-agent', 'reload keepalived']);
  });

  it('leaves a runtime daemon that is stopped for `hactl up` to start once every file is in place', async () => {
    await run(machine([]), 'hactl-agent', 'restart');
    expect(calls()).toEqual([]);
  });

  it('never touches a service the cluster manager owns (a resource such as apache2), running or not', async () => {
    await run(machine(['apache2']), 'apache2', 'reload');
    expect(calls()).toEqual([]);
  });

  it("enables the firewall's loader and starts it when it is stopped", async () => {
    await run(machine([]), 'netfilter-persistent', 'restart');
    expect(calls()).toEqual(['enable netfilter-persistent', 'start netfilter-persistent']);
  });
});
