import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStack, loadStackData } from '../../src/load/load-stack.js';
import type { ClusterInput } from '../../src/model/cluster.js';
import { heartbeatStack, keepalivedStack, pacemakerStack } from '../lint/stacks.js';

const dir = mkdtempSync(join(tmpdir(), 'hactl-free-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The paths the schema refuses, with their codes. */
async function refused(stack: ClusterInput): Promise<string[]> {
  const loaded = await loadStackData('stack.yaml', stack);
  return loaded.diagnostics.map((d) => `${d.code} ${d.path}`);
}

describe('free text in a stack', () => {
  it('may not hold a line break in any keepalived field (the probe’s script_user, vrrp_script and notify injections)', async () => {
    const stack = keepalivedStack();
    stack.keepalived = {
      notificationEmail: ['ops@example.com\n    }\n    script_user root'],
      smtpServer: 'localhost\n}\nvrrp_script evil {',
      routerId: 'r1\r',
      scripts: { chk: { script: '/bin/true\n    user root' } },
    };
    expect(await refused(stack)).toEqual([
      'schema-pattern keepalived.notificationEmail[0]',
      'schema-pattern keepalived.smtpServer',
      'schema-pattern keepalived.routerId',
      'schema-pattern keepalived.scripts.chk.script',
    ]);
  });

  it('may not hold a line break in an iptables comment, a hosts name or an apiauth entry', async () => {
    const stack = heartbeatStack();
    stack.firewall = { rules: [{ proto: 'tcp', dport: 80, comment: 'web\n-A INPUT -j ACCEPT' }] };
    stack.hosts = { extra: [{ ip: '192.168.0.50', names: ['db\n0.0.0.0 evil.example.com'] }] };
    stack.heartbeat!.apiauth = ['ipfail uid=hacluster\nrespawn root /tmp/evil.sh'];
    expect(await refused(stack)).toEqual(['schema-pattern heartbeat.apiauth[0]', 'schema-pattern firewall.rules[0].comment', 'schema-pattern hosts.extra[0].names[0]']);
  });

  it('may not hold a line break in crm values, nor odd characters in meta and param names', async () => {
    const stack = pacemakerStack();
    stack.properties = { ...stack.properties, 'no-quorum-policy': 'ignore\nprimitive evil ocf:heartbeat:Dummy' };
    stack.resources = [
      { ocf: 'heartbeat:Dummy', name: 'd1', params: { fake: 'x" \nprimitive evil2 ocf:heartbeat:Dummy' }, meta: { 'target-role=Started\nprimitive evil3': 'x' } },
    ];
    expect((await refused(stack)).sort()).toEqual([
      'schema-pattern properties.no-quorum-policy',
      'schema-pattern resources[0].meta.target-role=Started\nprimitive evil3',
      'schema-pattern resources[0].params.fake',
    ]);
  });

  it('may hold a multi-line file content: that is the file', async () => {
    const stack = keepalivedStack();
    stack.files = [{ path: '/etc/keepalived/hoge.sh', content: '#!/bin/sh\nlogger became master\n', mode: '0755' }];
    expect(await refused(stack)).toEqual([]);
  });

  it('is refused at its line and column in a YAML stack', async () => {
    const file = join(dir, 'stack.yaml');
    writeFileSync(file, ['cluster: c', 'runtime: keepalived', 'nodes:', '  lb1: { nics: { eth0: 192.168.1.11/24 } }', 'keepalived:', '  smtpServer: "localhost\\n}"', ''].join('\n'));
    const loaded = await loadStack(file);
    expect(loaded.diagnostics.map((d) => [d.code, d.path, d.location?.line, d.location?.column])).toEqual([['schema-pattern', 'keepalived.smtpServer', 6, 15]]);
  });
});
