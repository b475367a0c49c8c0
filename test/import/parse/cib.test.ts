import { describe, expect, it } from 'vitest';
import { parseCib } from '../../../src/import/parse/cib.js';

const cib10 = `<cib validate-with="pacemaker-1.0" admin_epoch="0" epoch="5" num_updates="0">
  <configuration>
    <crm_config>
      <cluster_property_set id="cib-bootstrap-options">
        <nvpair id="o1" name="stonith-enabled" value="false"/>
      </cluster_property_set>
    </crm_config>
    <nodes><node id="a" uname="n1" type="normal"/></nodes>
    <resources>
      <master id="ms-r0">
        <meta_attributes id="ms-r0-meta"><nvpair id="m1" name="notify" value="true"/></meta_attributes>
        <primitive id="r0" class="ocf" provider="linbit" type="drbd">
          <instance_attributes id="r0-ia"><nvpair id="p1" name="drbd_resource" value="r0"/></instance_attributes>
          <operations><op id="r0-mon" name="monitor" interval="15s" role="Master"/></operations>
        </primitive>
      </master>
      <group id="g"><primitive id="v" class="ocf" provider="heartbeat" type="IPaddr2">
        <instance_attributes id="v-ia"><nvpair id="v1" name="ip" value="10.0.0.9"/><nvpair id="v2" name="cidr_netmask" value="24"/></instance_attributes>
      </primitive></group>
    </resources>
    <constraints>
      <rsc_colocation id="c" rsc="g" with-rsc="ms-r0" with-rsc-role="Master" score="INFINITY"/>
      <rsc_order id="o" first="ms-r0" first-action="promote" then="g" then-action="start" score="INFINITY"/>
    </constraints>
  </configuration>
  <status/>
</cib>`;

const cib3 = `<cib validate-with="pacemaker-3.9" epoch="3" num_updates="0" admin_epoch="0">
  <configuration>
    <crm_config><cluster_property_set id="cib-bootstrap-options"><nvpair id="x" name="no-quorum-policy" value="ignore"/></cluster_property_set></crm_config>
    <nodes/>
    <resources>
      <clone id="ms-r0">
        <meta_attributes id="cm"><nvpair id="cm1" name="promotable" value="true"/></meta_attributes>
        <primitive id="r0" class="ocf" provider="linbit" type="drbd"/>
      </clone>
      <primitive id="fs" class="ocf" provider="heartbeat" type="Filesystem"/>
    </resources>
    <constraints>
      <rsc_location id="l" rsc="ms-r0" node="n1" score="100" role="Promoted"/>
      <rsc_order id="o" first="ms-r0" then="fs" kind="Optional"/>
    </constraints>
    <rsc_defaults><meta_attributes id="rd"><nvpair id="rd1" name="resource-stickiness" value="100"/></meta_attributes></rsc_defaults>
  </configuration>
</cib>`;

describe('parseCib', () => {
  it('reads a pacemaker-1.0 CIB: master, group, role-specific op, constraints', () => {
    const { value, issues } = parseCib(cib10, 'cib.xml');
    expect(issues).toEqual([]);
    expect(value.syntax).toBe('1.0');
    expect(value.properties.map((p) => `${p.name}=${p.value}`)).toEqual(['stonith-enabled=false']);
    expect(value.promotables).toMatchObject([{ id: 'ms-r0', child: 'r0' }]);
    expect(value.primitives.find((p) => p.id === 'r0')!.ops).toEqual([{ name: 'monitor', interval: '15s', role: 'Master', other: [] }]);
    expect(value.groups).toMatchObject([{ id: 'g', members: ['v'] }]);
    expect(value.constraints.map(({ where: _w, source: _s, ...c }) => c)).toEqual([
      { type: 'colocation', id: 'c', score: 'INFINITY', rsc: 'g', with: 'ms-r0', withRole: 'Master' },
      { type: 'order', id: 'o', kind: 'Mandatory', first: 'ms-r0', firstAction: 'promote', then: 'g', thenAction: 'start' },
    ]);
  });

  it('reads a 3.x CIB: a promotable clone, Promoted roles, order kinds, rsc_defaults', () => {
    const { value, issues } = parseCib(cib3, 'cib.xml');
    expect(issues).toEqual([]);
    expect(value.syntax).toBe('2');
    expect(value.promotables).toMatchObject([{ id: 'ms-r0', child: 'r0' }]);
    expect(value.constraints.map(({ where: _w, source: _s, ...c }) => c)).toEqual([
      { type: 'location', id: 'l', rsc: 'ms-r0', node: 'n1', score: '100', role: 'Promoted' },
      { type: 'order', id: 'o', kind: 'Optional', first: 'ms-r0', then: 'fs' },
    ]);
    expect(value.rscDefaults.map((d) => `${d.name}=${d.value}`)).toEqual(['resource-stickiness=100']);
  });

  it('refuses an element that does not validate, at the element', () => {
    const { issues } = parseCib(cib10.replace('type="IPaddr2"', ''), 'cib.xml');
    expect(issues.map((i) => [i.code, i.location?.line])).toEqual([['import-cib-invalid', 17]]);
  });

  it('refuses a constraint that names a resource the CIB does not define', () => {
    const { issues } = parseCib(cib3.replace('then="fs"', 'then="nothing"'), 'cib.xml');
    expect(issues.map((i) => i.code)).toEqual(['import-cib-invalid']);
  });

  it('refuses text that is not XML, at the position', () => {
    const { issues } = parseCib('<cib><configuration></cib>', 'cib.xml');
    expect(issues.map((i) => [i.code, i.location?.line])).toEqual([['import-syntax', 1]]);
  });
});
