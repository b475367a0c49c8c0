import { describe, expect, it } from 'vitest';
import { parseCorosync } from '../../../src/import/parse/corosync.js';

const v1 = `compatibility: whitetank
aisexec {
        user:   root
        group:  root
}
service {
    name: pacemaker
    ver: 0
}
totem {
        version: 2
        secauth: off
        token:3000
        interface {
                member {
                        memberaddr: 10.0.0.1
                }
                member {
                        memberaddr: 10.0.0.2
                }
                ringnumber: 0
                bindnetaddr: 10.0.0.1
                mcastport: 5405
                ttl: 1
        }
        transport: udpu
}
logging {
        to_logfile: yes
        logfile: /var/log/cluster/corosync.log
        debug: off
        timestamp: on
}
`;

const v3 = `# corosync 3
totem {
    version: 2
    cluster_name: web
    transport: knet
    crypto_cipher: aes256
    crypto_hash: sha256
    interface { linknumber: 0 }
}
nodelist {
    node {
        ring0_addr: 10.0.0.1
        name: n1
        nodeid: 1
    }
    node {
        ring0_addr: 10.0.0.2
        name: n2
        nodeid: 2
    }
}
quorum {
    provider: corosync_votequorum
    two_node: 1
}
logging { to_syslog: yes }
`;

describe('parseCorosync', () => {
  it('reads a 1.x whitetank file: udpu members, the pacemaker service, logging', () => {
    const { value, issues } = parseCorosync(v1, 'corosync.conf');
    expect(issues).toEqual([]);
    expect(value).toMatchObject({ version: 1, transport: 'udpu', secauth: false, tokenMs: 3000, mcastport: 5405, ttl: 1, members: ['10.0.0.1', '10.0.0.2'], pacemakerService: true });
    expect(value.logging).toEqual({ toLogfile: true, logfile: '/var/log/cluster/corosync.log', debug: false, timestamp: true });
    expect(value.kept).toEqual([]);
  });

  it('reads a 3.x file: cluster name, knet with crypto, the nodelist and two_node', () => {
    const { value, issues } = parseCorosync(v3, 'corosync.conf');
    expect(issues).toEqual([]);
    expect(value).toMatchObject({ version: 3, clusterName: 'web', transport: 'knet', crypto: true, twoNode: true });
    expect(value.nodes).toEqual([
      { address: '10.0.0.1', name: 'n1', nodeid: 1 },
      { address: '10.0.0.2', name: 'n2', nodeid: 2 },
    ]);
  });

  it('warns where a key is set twice with another value (corosync takes the last)', () => {
    const { value, issues } = parseCorosync('logging {\n  debug: on\n  debug: off\n}\n', 'c.conf');
    expect(value.logging.debug).toBe(false);
    expect(issues.map((i) => [i.code, i.severity, i.location?.line])).toEqual([['import-duplicate-key', 'warning', 3]]);
  });

  it('keeps keys the stack has no field for', () => {
    const { value } = parseCorosync('totem {\n  version: 2\n  join: 60\n}\n', 'c.conf');
    expect(value.kept.map((k) => k.why)).toEqual(["the stack's corosync section has no totem.join"]);
  });
});
