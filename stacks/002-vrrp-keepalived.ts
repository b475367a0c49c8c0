// The TypeScript twin of 002-vrrp-keepalived.yaml: both must produce the same model. The 23 VIPs are .10 and
// .101 to .122, and the two notify scripts differ in one word: a loop and a function write them once.
import { defineCluster, file, node, vrrp } from 'hactl';

const notifyScript = (state: 'MASTER' | 'BACKUP', seedName: string) =>
  file(
    `/etc/keepalived/${seedName}.sh`,
    `#!/bin/sh\n# runs when this node becomes ${state} (seed 002 ${seedName}.sh)\nlogger -t keepalived "VI_1: became ${state} on $(uname -n)"\n# the state this node last entered, for operators (and tests) to read\necho ${state} > /run/keepalived-VI_1.state\n`,
    { mode: '0755' },
  );

export default defineCluster({
  cluster: 'vrrp',
  description: 'keepalived MASTER (priority 150) and BACKUP (100), vrid 51, 23 VIPs',
  runtime: 'keepalived',
  platform: 'centos6',
  nodes: { lb1: node({ eth0: '192.168.1.11/24' }), lb2: node({ eth0: '192.168.1.12/24' }) },
  keepalived: {
    notificationEmail: ['hogehoge@feedforce.jp'],
    notificationEmailFrom: 'keepalived@feedforce.jp',
    smtpServer: 'localhost',
    smtpConnectTimeout: 30,
  },
  vrrp: [
    vrrp('VI_1', {
      interface: 'eth0',
      vrid: 51,
      advertInt: '1s',
      auth: { type: 'PASS', passFrom: { env: 'HACTL_VRRP_PASS' } },
      nodes: { lb1: { state: 'MASTER', priority: 150 }, lb2: { state: 'BACKUP', priority: 100 } },
      vips: ['192.168.1.10', ...Array.from({ length: 22 }, (_, i) => `192.168.1.${101 + i}` as const)],
      notify: { master: '/etc/keepalived/hoge.sh', backup: '/etc/keepalived/hage.sh' },
    }),
  ],
  files: [notifyScript('MASTER', 'hoge'), notifyScript('BACKUP', 'hage')],
  firewall: { implied: true },
});
