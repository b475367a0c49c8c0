import { readdirSync } from 'node:fs';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { missing } from '../support/env.js';

const tools = ['keepalived', 'corosync', 'crm', 'crm_verify', 'cibadmin', 'drbdadm', 'iptables-restore', 'shellcheck', 'xmllint', 'unshare', 'ip', 'vagrant'];
const skip = missing({ root: true, tools });
const stacks = readdirSync('stacks')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => `stacks/${f}`);

describe('hactl check on every stack in stacks/', () => {
  it.skipIf(skip)('accepts every rendered artifact with the real tools, one line per file', async () => {
    const result = await execa('node', ['dist/cli/hactl.js', 'check', '--format', 'json', ...stacks], {
      reject: false,
      env: { HACTL_AUTHKEY: 'check-all-key', HACTL_VRRP_PASS: '1111' },
      timeout: 600_000,
    });
    const report = JSON.parse(result.stdout) as { file: string; results: { node: string; path: string; ok: boolean; tool: string; message?: string }[] }[];
    const failures = report.flatMap((r) => r.results.filter((x) => !x.ok).map((x) => `${r.file} ${x.node}:${x.path} (${x.tool}): ${x.message}`));
    expect(failures).toEqual([]);
    expect(report.map((r) => r.file).sort()).toEqual([...stacks].sort());
    for (const r of report) expect(r.results.length, `${r.file} has checked files`).toBeGreaterThan(0);
    expect(result.exitCode).toBe(0);
  });
});
