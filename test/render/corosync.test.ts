import { describe, expect, it } from 'vitest';
import { corosyncRenderer } from '../../src/render/corosync/index.js';
import { corosync3, directives, expectGolden, fileOf, modelOf, render, stackInput } from './render-variants.js';

const CONF = '/etc/corosync/corosync.conf';
const KEY = '/etc/corosync/authkey';

// seed 004's corosync.conf, verbatim but for the masked addresses
const seed = `# Please read the corosync.conf.5 manual page
compatibility: whitetank

aisexec {
        user:        root
        group:       root
}

service {
    name: pacemaker
    ver: 0
}

totem {
        version: 2
        secauth: off
        interface {
                member {
                        memberaddr: xxx.xxx.xxx.1
                }
                member {
                        memberaddr: xxx.xxx.xxx.2
                }
                ringnumber: 0
                bindnetaddr: xxx.xxx.xxx.1 # Master サーバーに設定
                bindnetaddr: xxx.xxx.xxx.2 # Slave サーバーに設定
                mcastport: 5405
                ttl: 1
        }
        transport: udpu
}

logging {
        fileline: off
        to_logfile: yes
        to_syslog: yes
        debug: on
        logfile: /var/log/cluster/corosync.log
        debug: off
        timestamp: on
        logger_subsys {
                subsys: AMF
                debug: off
        }
}`;

/** The seed as one node's file: its own bindnetaddr only, and the seed's later `debug: off` winning. */
function seedFor(own: 1 | 2): string[] {
  return directives(seed.replace(/xxx\.xxx\.xxx\./g, '10.0.0.'))
    .filter((l) => l !== 'debug: on' && !(l.startsWith('bindnetaddr') && !l.startsWith(`bindnetaddr: 10.0.0.${own} `)))
    .map((l) => l.replace(/ #.*$/, ''));
}

describe('corosync.conf 1.x (centos6, seed 004)', async () => {
  const files = render(await modelOf(await stackInput('004-job-corosync-pacemaker')), corosyncRenderer);

  it('renders one file per node and no authkey with secauth off (golden)', () => {
    expect(files.map((f) => `${f.node}:${f.path}`)).toEqual([`node1:${CONF}`, `node2:${CONF}`]);
    for (const file of files) expectGolden('004-job-corosync-pacemaker', file);
  });

  it('matches the seed directive for directive, with each node’s own bindnetaddr', () => {
    expect(directives(fileOf(files, 'node1', CONF).content)).toEqual(seedFor(1));
    expect(directives(fileOf(files, 'node2', CONF).content)).toEqual(seedFor(2));
  });

  it('renders the same bytes twice', async () => {
    expect(render(await modelOf(await stackInput('004-job-corosync-pacemaker')), corosyncRenderer)).toEqual(files);
  });
});

describe('corosync.conf 3 (debian12)', async () => {
  const files = render(await modelOf(await corosync3()), corosyncRenderer);
  const text = fileOf(files, 'node2', CONF).content;

  it('has a nodelist, votequorum with two_node and knet crypto', () => {
    expect(files.map((f) => `${f.node}:${f.path}`)).toEqual([`node1:${KEY}`, `node1:${CONF}`, `node2:${KEY}`, `node2:${CONF}`]);
    const lines = directives(text);
    expect(lines).toEqual(expect.arrayContaining(['cluster_name: job', 'transport: knet', 'crypto_cipher: aes256', 'crypto_hash: sha256', 'token: 3000', 'two_node: 1', 'provider: corosync_votequorum']));
    expect(lines.join('\n')).toContain('node {\nring0_addr: 10.0.0.1\nname: node1\nnodeid: 1\n}\nnode {\nring0_addr: 10.0.0.2\nname: node2\nnodeid: 2\n}');
  });

  it('keeps no corosync 1.x leftovers', () => {
    for (const leftover of ['compatibility', 'aisexec', 'service {', 'member {', 'memberaddr', 'bindnetaddr', 'ringnumber', 'secauth']) expect(text).not.toContain(leftover);
  });

  it('writes the same 256-byte authkey on every node, root-only', () => {
    const keys = files.filter((f) => f.path === KEY);
    expect(keys.map((k) => [k.mode, k.secret, Buffer.byteLength(k.content)])).toEqual([['0400', true, 256], ['0400', true, 256]]);
    expect(keys[0]!.content).toBe(keys[1]!.content);
  });

  it('renders no crypto and no authkey for udpu, which corosync 3 cannot encrypt', async () => {
    const udpu = render(await modelOf(await corosync3('udpu')), corosyncRenderer);
    expect(udpu.map((f) => f.path)).toEqual([CONF, CONF]);
    expect(udpu[0]!.content).toContain('transport: udpu');
    expect(udpu[0]!.content).not.toContain('crypto_');
  });

  it('renders the same bytes twice', async () => {
    expect(render(await modelOf(await corosync3()), corosyncRenderer)).toEqual(files);
  });
});
