import { loadStackData } from '../../src/load/load-stack.js';
import type { ClusterModel } from '../../src/model/model.js';
import { CLUSTER_SCOPE, type RenderedFile } from '../../src/render/artifact.js';

export const VRRP_PASS = 'Vr9pAss7';
export const AUTHKEY = '8f14e45fceea167a5a36dedd4bea2543';

/** A keepalived stack of `count` nodes, n1 the MASTER; endpoints come from test overrides. */
export async function keepalivedModel(count: number, master = 'n1', { firewall = true, users = [] as Record<string, unknown>[] } = {}): Promise<ClusterModel> {
  const names = Array.from({ length: count }, (_, i) => `n${i + 1}`);
  const loaded = await loadStackData('test.yaml', {
    cluster: 'applytest',
    runtime: 'keepalived',
    platform: 'debian12',
    nodes: Object.fromEntries(names.map((n, i) => [n, { nics: { eth0: `10.77.0.${11 + i}/24` } }])),
    vrrp: [{
      name: 'VI_1', interface: 'eth0', vrid: 51, advertInt: '1s',
      nodes: Object.fromEntries(names.map((n) => [n, n === master ? { state: 'MASTER', priority: 150 } : { state: 'BACKUP', priority: 100 }])),
      vips: ['10.77.0.100'],
    }],
    ...(firewall ? {} : { firewall: { implied: false } }),
    ...(users.length ? { users } : {}),
  });
  if (!loaded.model) throw new Error(`fixture stack invalid: ${JSON.stringify(loaded.diagnostics)}`);
  return loaded.model;
}

export interface FixtureOptions {
  /** changes app.conf on these nodes */
  appVersion?: number;
  pass?: string;
  /** makes notify.sh a syntax error on this node */
  brokenScriptOn?: string;
  /** makes keepalived.conf fail keepalived -t on this node */
  brokenConfOn?: string;
}

const keepalivedConf = (node: string, state: string, pass: string, broken: boolean): string => `global_defs {
  router_id ${node}
}
vrrp_instance VI_1 {
  state ${state}
  interface eth0
  virtual_router_id 51
  priority ${state === 'MASTER' ? 150 : 100}
  advert_int 1
  authentication {
    auth_type PASS
    auth_pass ${pass}
  }
  virtual_ipaddress {
    10.77.0.100
  }${broken ? '\n  no_such_keyword_here yes' : ''}
}
`;

/** What the renderers would produce for the fixture model (the keepalived renderer is not written yet). */
export function fixtureFiles(model: ClusterModel, opts: FixtureOptions = {}): RenderedFile[] {
  const files: RenderedFile[] = [];
  const master = model.vrrp[0]?.nodes.find((n) => n.state === 'MASTER')?.node;
  for (const node of model.nodes.map((n) => n.name)) {
    files.push(
      {
        node, path: '/etc/keepalived/keepalived.conf', mode: '0644', owner: 'root:root', secret: true, checker: 'keepalived',
        service: { name: 'keepalived', action: 'reload' },
        content: keepalivedConf(node, node === master ? 'MASTER' : 'BACKUP', opts.pass ?? VRRP_PASS, opts.brokenConfOn === node),
      },
      {
        node, path: '/etc/keepalived/notify.sh', mode: '0755', owner: 'root:root', checker: 'shell',
        content: opts.brokenScriptOn === node ? '#!/bin/sh\nif then fi (\n' : `#!/bin/sh\nlogger -t keepalived "${node}: $3"\n`,
      },
      {
        node, path: '/etc/ha.d/authkeys', mode: '0600', owner: 'root:root', secret: true,
        service: { name: 'heartbeat', action: 'restart' },
        content: `auth 1\n1 sha1 ${AUTHKEY}\n`,
      },
      {
        node, path: '/etc/hactl-test/app.conf', mode: '0644', owner: 'root:root',
        service: { name: 'app', action: 'reload' },
        content: `# app on ${node}\nversion = ${opts.appVersion ?? 1}\n`,
      },
    );
  }
  files.push({ node: CLUSTER_SCOPE, path: '/etc/hactl-test/cluster.crm', mode: '0644', owner: 'root:root', content: 'property stonith-enabled=false\n' });
  return files;
}
