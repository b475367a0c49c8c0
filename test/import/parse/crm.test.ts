import { describe, expect, it } from 'vitest';
import { parseCrm } from '../../../src/import/parse/crm.js';

const show10 = `node s1 \\
	attributes standby="off"
primitive vip ocf:heartbeat:IPaddr2 \\
	params ip="192.168.1.101" cidr_netmask="24" nic="eth1" \\
	op monitor interval="10s" \\
	meta migration-threshold="3"
primitive httpd ocf:heartbeat:apache \\
	params configfile="/etc/httpd/conf/httpd.conf" statusurl="http://192.168.1.101/" \\
	op start interval="0s" timeout="90s" on-fail="restart"
primitive drbd0 ocf:linbit:drbd params drbd_resource="r0"
group web vip httpd
ms ms-drbd0 drbd0 meta master-max="1" notify="true"
location loc-web web 100: s1
colocation web-with-drbd inf: web ms-drbd0:Master
order drbd-then-web inf: ms-drbd0:promote web:start
property $id="cib-bootstrap-options" \\
	stonith-enabled="false" \\
	no-quorum-policy="ignore"
rsc_defaults $id="rsc-options" resource-stickiness="100"
`;

describe('parseCrm', () => {
  it('reads crm configure show output of Pacemaker 1.0: continued lines, quoted values, ms, constraints, properties', () => {
    const { value, issues } = parseCrm(show10, 'show.txt');
    expect(issues).toEqual([]);
    expect(value.syntax).toBe('1.0');
    expect(value.primitives.map((p) => `${p.id} ${p.cls}:${p.provider}:${p.type}`)).toEqual(['vip ocf:heartbeat:IPaddr2', 'httpd ocf:heartbeat:apache', 'drbd0 ocf:linbit:drbd']);
    expect(value.primitives[0]!.params).toEqual([{ name: 'ip', value: '192.168.1.101' }, { name: 'cidr_netmask', value: '24' }, { name: 'nic', value: 'eth1' }]);
    expect(value.primitives[0]!.meta).toEqual([{ name: 'migration-threshold', value: '3' }]);
    expect(value.primitives[1]!.ops).toEqual([{ name: 'start', interval: '0s', timeout: '90s', onFail: 'restart', other: [] }]);
    expect(value.groups).toMatchObject([{ id: 'web', members: ['vip', 'httpd'] }]);
    expect(value.promotables).toMatchObject([{ id: 'ms-drbd0', child: 'drbd0' }]);
    expect(value.constraints.map(({ where: _w, source: _s, ...c }) => c)).toEqual([
      { type: 'location', id: 'loc-web', rsc: 'web', node: 's1', score: '100' },
      { type: 'colocation', id: 'web-with-drbd', score: 'INFINITY', rsc: 'web', with: 'ms-drbd0', withRole: 'Master' },
      { type: 'order', id: 'drbd-then-web', kind: 'Mandatory', first: 'ms-drbd0', firstAction: 'promote', then: 'web', thenAction: 'start' },
    ]);
    expect(value.properties.map((p) => `${p.name}=${p.value}`)).toEqual(['stonith-enabled=false', 'no-quorum-policy=ignore']);
    expect(value.rscDefaults.map((p) => `${p.name}=${p.value}`)).toEqual(['resource-stickiness=100']);
    expect(value.nodes.map((n) => n.name)).toEqual(['s1']);
  });

  it('reads the 2.x syntax: a promotable clone and Promoted roles', () => {
    const { value, issues } = parseCrm('primitive d ocf:linbit:drbd params drbd_resource=r0\nclone ms-d d meta promotable=true\ncolocation c inf: fs ms-d:Promoted\n', 'crm');
    expect(issues).toEqual([]);
    expect(value.syntax).toBe('2');
    expect(value.promotables).toMatchObject([{ id: 'ms-d', child: 'd' }]);
    expect(value.constraints[0]).toMatchObject({ withRole: 'Promoted' });
  });

  it('reads lines of a shell script that runs crm configure, with its variables', () => {
    const { value } = parseCrm('VIP=10.0.0.5\ncrm configure primitive v ocf:heartbeat:IPaddr2 params ip=$VIP cidr_netmask=24\n', 'setup.sh');
    expect(value.primitives[0]!.params[0]).toEqual({ name: 'ip', value: '10.0.0.5' });
  });

  it('locates an unbalanced quote', () => {
    const { issues } = parseCrm('primitive v ocf:heartbeat:IPaddr2 params ip="10.0.0.5\n', 'crm');
    expect(issues.map((i) => [i.code, i.location?.line])).toEqual([['import-syntax', 1]]);
  });
});
