import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

// hactl migrate runs src/translate's migrate() (the code `up` retargets with) and writes the new stack.
const env = { HACTL_AUTHKEY: 'migrate-key', HACTL_VRRP_PASS: 'vrrp1' };
const hactl = (args: string[]) => execa('node', ['dist/cli/hactl.js', ...args], { reject: false, env });
const scratch = mkdtempSync(join(tmpdir(), 'hactl-migrate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Migrates, checks the report lines and that the new stack validates (its generated key files resolve). */
async function migrated(stack: string, args: string[], lines: RegExp[]): Promise<string> {
  const out = join(scratch, `${stack.replace(/\W+/g, '_')}-${args.join('_')}.yaml`);
  const result = await hactl(['migrate', `stacks/${stack}`, ...args, '-o', out]);
  expect(result.exitCode, result.stderr).toBe(0);
  for (const line of result.stdout.split('\n').filter(Boolean)) expect(line).toMatch(/^(mapped|changed) \S+: .+ \(.+\)$/);
  for (const l of lines) expect(result.stdout).toMatch(l);
  const validated = await hactl(['validate', out]);
  expect(validated.exitCode, validated.stderr).toBe(0);
  return readFileSync(out, 'utf8');
}

describe('hactl migrate', () => {
  it('moves heartbeat v1 to Pacemaker 2 on corosync 3: haresources order becomes a group, the respawned check a monitor op, IPaddr IPaddr2', async () => {
    const text = await migrated('000-memcached-heartbeat.yaml', ['--to', 'pacemaker', '--platform', 'debian12'], [
      /^changed resources\[0\]: haresources line .* → group memcached_group/m,
      /^changed resources\[0\]\.members\[1\]\.monitor: respawn ha-chk-memcached\.sh .* → op monitor interval=40s on-fail=standby/m,
      /^changed resources\[0\]\.members\[0\]: IPaddr .* → ocf:heartbeat:IPaddr2/m,
      /^changed heartbeat\.interconnect: ucast on eth1 .* → knet link 0 on eth1/m,
    ]);
    expect(text).toMatch(/^runtime: pacemaker$/m);
    expect(text).toMatch(/^# yaml-language-server: \$schema=/);
  });

  it('moves Pacemaker on heartbeat (1.0 syntax) to corosync 3: ms becomes a promotable clone, sha1 a corosync key', async () => {
    await migrated('003-drbd-heartbeat-crm.yaml', ['--to', 'pacemaker', '--platform', 'debian12'], [/^changed pacemaker\.messaging: /m, /promotable/]);
  });

  it('moves corosync 1.x (udpu) to corosync 3 (knet)', async () => {
    await migrated('004-job-corosync-pacemaker.yaml', ['--to', 'pacemaker', '--platform', 'debian12'], [/^changed corosync\.transport: udpu → knet/m]);
  });

  it('moves keepalived to the agent, and the result back to keepalived', async () => {
    await migrated('002-vrrp-keepalived.yaml', ['--to', 'agent'], [/^mapped vrrp\[0\]: instance VI_1 .* → group VI_1 preferred on lb1/m]);
    const back = await hactl(['migrate', join(scratch, '002_vrrp_keepalived_yaml---to_agent.yaml'), '--to', 'keepalived', '-o', join(scratch, 'back.yaml')]);
    expect(back.exitCode, back.stdout + back.stderr).toBe(0);
    expect(readFileSync(join(scratch, 'back.yaml'), 'utf8')).toMatch(/^vrrp:/m);
  });

  it('moves heartbeat v1 to the agent', async () => {
    await migrated('000-memcached-heartbeat.yaml', ['--to', 'agent'], [/^changed runtime: /m]);
  });

  it('refuses what the target cannot express: one blocked line per item at its place in the source, nothing written', async () => {
    const out = join(scratch, 'blocked.yaml');
    const result = await hactl(['migrate', 'stacks/001-web-pacemaker-heartbeat.yaml', '--to', 'keepalived', '-o', out]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/^blocked resources\[0\]\.group: resource group 'web' \(ordered services\): runtime keepalived cannot express this/m);
    // at the group's name, wherever the stack's comments put that line
    const line = readFileSync('stacks/001-web-pacemaker-heartbeat.yaml', 'utf8').split('\n').indexOf('  - group: web') + 1;
    expect(result.stderr).toMatch(new RegExp(`stacks/001-web-pacemaker-heartbeat\\.yaml:${line}:12 resources\\[0\\]\\.group: .*\\[translate-blocked\\]`));
    expect(existsSync(out)).toBe(false);
  });
});
