import { describe, expect, it } from 'vitest';
import { parseKeepalived } from '../../../src/import/parse/keepalived.js';

const conf = `! Configuration File for keepalived
include /etc/keepalived/extra.conf
global_defs {
   notification_email {
     ops@example.com
   }
   router_id LVS_A
}
vrrp_script chk_http {
    script "/usr/bin/curl -fs http://127.0.0.1/"
    interval 2
    weight -20
}
vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 150
    advert_int 0.5
    authentication { auth_type PASS
        auth_pass 1111 }
    unicast_peer {
        10.0.0.2
    }
    virtual_ipaddress {
        10.0.0.100/24 dev eth0 label eth0:1
    }
    track_script {
        chk_http
    }
    notify_master "/etc/keepalived/master.sh"
    smtp_alert
}
virtual_server 10.0.0.100 80 {
    lb_algo rr
}
`;

describe('parseKeepalived', () => {
  it('reads global_defs, scripts with quoted commands, and instances with blocks on odd lines', () => {
    const { value, issues } = parseKeepalived(conf, 'keepalived.conf');
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(value.global.emails).toEqual(['ops@example.com']);
    expect(value.global.routerId).toBe('LVS_A');
    expect(value.includes.map((i) => i.pattern)).toEqual(['/etc/keepalived/extra.conf']);
    expect(value.scripts[0]).toMatchObject({ name: 'chk_http', intervalMs: 2000, weight: -20 });
    const vi = value.instances[0]!;
    expect(vi).toMatchObject({ name: 'VI_1', state: 'MASTER', vrid: 51, priority: 150, advertIntMs: 500, vips: ['10.0.0.100/24'], track: ['chk_http'], unicastPeers: ['10.0.0.2'] });
    expect(vi.auth).toMatchObject({ type: 'PASS', pass: '1111' });
    expect(vi.notify.master).toBe('/etc/keepalived/master.sh');
  });

  it('keeps what the stack cannot say: VIP options, unknown instance keys, LVS blocks', () => {
    const { value } = parseKeepalived(conf, 'keepalived.conf');
    expect(value.instances[0]!.kept.map((k) => k.why)).toEqual([
      '10.0.0.100/24 is kept without "dev eth0 label eth0:1": the stack puts every VIP on the instance interface',
      'the stack’s VRRP instances have no smtp_alert',
    ]);
    expect(value.kept.map((k) => k.why)).toEqual(['the stack has no LVS load balancing']);
  });

  it('reports a block the file ends in as truncated', () => {
    const { issues } = parseKeepalived('vrrp_instance VI_1 {\n  state MASTER\n', 'k.conf');
    expect(issues.map((i) => i.code)).toEqual(['import-truncated']);
  });
});
