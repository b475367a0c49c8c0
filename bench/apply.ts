// Apply timings over real SSH to lab nodes: first run (everything created) and second run (nothing to do).
// Usage (root, iproute2, OpenSSH server): npx tsx bench/apply.ts [nodeCounts...]   default: 2 8
import { applyStack } from '../src/apply/apply.js';
import { planStack } from '../src/apply/plan.js';
import type { ServiceController } from '../src/apply/services.js';
import { createLab } from '../src/netns/index.js';
import { loadStackData } from '../src/load/load-stack.js';
import type { ClusterModel } from '../src/model/model.js';
import type { RenderedFile } from '../src/render/artifact.js';
import { closeTransports, openTransports } from '../src/transport/open-transports.js';
import type { EndpointOverride } from '../src/transport/ssh/inventory.js';
import { nodeRelayProxyCommand } from '../src/transport/ssh/proxy-command.js';

async function model(names: string[]): Promise<ClusterModel> {
  const loaded = await loadStackData('bench.yaml', {
    cluster: 'bench', runtime: 'keepalived', platform: 'debian12',
    nodes: Object.fromEntries(names.map((n, i) => [n, { nics: { eth0: `10.78.0.${11 + i}/24` } }])),
    vrrp: [{
      name: 'VI_1', interface: 'eth0', vrid: 51,
      nodes: Object.fromEntries(names.map((n, i) => [n, i === 0 ? { state: 'MASTER', priority: 150 } : { state: 'BACKUP', priority: 100 - i }])),
      vips: ['10.78.0.100'],
    }],
  });
  if (!loaded.model) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.model;
}

/** Eight files per node, the size of a real keepalived/heartbeat stack, one checked by keepalived -t. */
function files(m: ClusterModel): RenderedFile[] {
  return m.nodes.flatMap((n, i) => [
    {
      node: n.name, path: '/etc/keepalived/keepalived.conf', mode: '0644', owner: 'root:root', secret: true, checker: 'keepalived' as const,
      service: { name: 'keepalived', action: 'reload' as const },
      content: `vrrp_instance VI_1 {\n  state ${i === 0 ? 'MASTER' : 'BACKUP'}\n  interface eth0\n  virtual_router_id 51\n  priority ${150 - i}\n  advert_int 1\n  virtual_ipaddress {\n    10.78.0.100\n  }\n}\n`,
    },
    { node: n.name, path: '/etc/keepalived/notify.sh', mode: '0755', owner: 'root:root', checker: 'shell' as const, content: '#!/bin/sh\nlogger -t keepalived "$3"\n' },
    ...Array.from({ length: 6 }, (_, k) => ({
      node: n.name, path: `/etc/hactl-bench/conf${k}.cfg`, mode: '0644', owner: 'root:root',
      content: `# generated\n${'option = value\n'.repeat(200)}`,
    })),
  ]);
}

const noopServices: ServiceController = {
  async run({ transport }) {
    await transport.exec(':');
  },
};

async function bench(count: number): Promise<string[]> {
  const names = Array.from({ length: count }, (_, i) => `n${i + 1}`);
  const lab = await createLab({
    name: `bench${count}`,
    networks: [{ name: 'net', cidr: '10.78.0.0/24' }],
    nodes: names.map((n, i) => ({ name: n, nics: [{ name: 'eth0', network: 'net', address: `10.78.0.${11 + i}/24` }] })),
    clients: [{ name: 'ctl', nics: [{ name: 'eth0', network: 'net', address: '10.78.0.2/24' }] }],
  });
  try {
    const overrides: Record<string, EndpointOverride> = {};
    const proxyCommand = nodeRelayProxyCommand(lab.enterArgv('ctl'));
    for (const n of names) {
      const e = await lab.startSshd(n);
      overrides[n] = { host: e.host, port: e.port, user: 'root', identityFile: lab.sshKeyPath(), proxyCommand };
    }
    const m = await model(names);
    const result = { files: files(m) };
    const lines: string[] = [];
    const t0 = Date.now();
    const transports = await openTransports(m, { overrides, knownHostsFiles: [lab.knownHostsPath()], agent: '' });
    lines.push(`${count} nodes: connect ${Date.now() - t0} ms`);
    try {
      for (const run of ['first', 'second']) {
        const started = Date.now();
        const report = await applyStack({ model: m, result, transports, services: noopServices, concurrency: 10 });
        const written = report.nodes.reduce((a, n) => a + n.files.length, 0);
        if (!report.ok) throw new Error(JSON.stringify(report.nodes.map((n) => n.error)));
        lines.push(`${count} nodes: ${run} apply ${Date.now() - started} ms (${written} files written)`);
      }
      const started = Date.now();
      await planStack({ model: m, result, transports });
      lines.push(`${count} nodes: plan ${Date.now() - started} ms`);
    } finally {
      await closeTransports(transports.values());
    }
    return lines;
  } finally {
    await lab.destroy();
  }
}

const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
for (const count of counts.length ? counts : [2, 8]) {
  for (const line of await bench(count)) console.log(line);
}
