import { describe, expect, it } from 'vitest';
import { CLUSTER_SCOPE } from '../../src/render/artifact.js';
import { cibRenderer, crmshRenderer, CIB_PATH, CRM_SCRIPT_PATH } from '../../src/render/pacemaker/index.js';
import { expectGolden, fileOf, modelOf, render, stackInput } from './render-variants.js';

// seed 001: the crm commands of pacemaker.sh (Apache), the Samba section and the Tomcat section, verbatim.
// The Samba section was written for the first lab's NIC em1; the Vagrant guides (and the stack) call it eth1.
const seed001 = `
crm configure property stonith-enabled="false"
crm configure property no-quorum-policy="ignore"
crm configure primitive vip_httpd ocf:heartbeat:IPaddr2 params \\
ip="192.168.1.101" nic="eth1" cidr_netmask="24" op monitor interval="10"
crm configure primitive httpd ocf:heartbeat:apache params \\
configfile="/etc/httpd/conf/httpd.conf" statusurl="http://192.168.1.101/" \\
op start interval="0" timeout="90" on-fail="restart" \\
op monitor interval="10" timeout="60" on-fail="restart" \\
op stop interval="0" timeout="300" on-fail="block"
crm configure group web vip_httpd httpd
crm configure primitive vip_samba ocf:heartbeat:IPaddr2 params \\
ip="192.168.1.100" nic="em1" cidr_netmask="24" op monitor interval="10s"
crm configure primitive nmb lsb:nmb \\
op start interval="0" timeout="15" on-fail="restart" \\
op monitor interval="15" timeout="15" on-fail="restart" \\
op stop interval="0" timeout="15" on-fail="block"
crm configure primitive smb lsb:smb \\
op start interval="0" timeout="15" on-fail="restart" \\
op monitor interval="15" timeout="15" on-fail="restart" \\
op stop interval="0" timeout="15" on-fail="block"
crm configure group samba vip_samba nmb smb
crm configure primitive vip_tomcat ocf:heartbeat:IPaddr2 params \\
ip="192.168.1.102" nic="eth1" cidr_netmask="24" op monitor interval="10"
crm configure primitive tomcat ocf:heartbeat:tomcat params \\
java_home="/usr" catalina_home="/usr/local/tomcat" \\
tomcat_user="tomcat" statusurl="http://192.168.1.102:8080/" \\
op start interval="0" timeout="90" on-fail="restart" \\
op monitor interval="10" timeout="60" on-fail="restart" \\
op stop interval="0" timeout="300" on-fail="block"
crm configure group webapp vip_tomcat tomcat`.replace('nic="em1"', 'nic="eth1"');

// seed 004, as `crm configure show` printed it (the page lost the backslashes)
const seed004 = `
primitive hoge lsb:hoge \\
        op start interval="0s" timeout="300s" on-fail="restart" \\
        op monitor interval="10s" timeout="60s" on-fail="restart" \\
        op stop interval="0s" timeout="300s" on-fail="block"
property $id="cib-bootstrap-options" \\
        dc-version="1.0.13-30bb726" \\
        cluster-infrastructure="openais" \\
        expected-quorum-votes="2" \\
        no-quorum-policy="ignore" \\
        stonith-enabled="false" \\
        crmd-transition-delay="0s"`;

// seed 003, the constraints and resources of cib.xml (heartbeat 2.1 schema)
const seed003 = `
<master_slave id="ms-drbd0">
  <nvpair id="ma-ms-drbd0-1" name="clone_max" value="2"/>
  <nvpair id="ma-ms-drbd0-2" name="clone_node_max" value="1"/>
  <nvpair id="ma-ms-drbd0-3" name="master_max" value="1"/>
  <nvpair id="ma-ms-drbd0-4" name="master_node_max" value="1"/>
  <nvpair id="ma-ms-drbd0-5" name="notify" value="yes"/>
  <nvpair id="ma-ms-drbd0-6" name="globally_unique" value="false"/>
  <primitive id="drbd0" class="ocf" provider="heartbeat" type="drbd">
    <nvpair id="ia-drbd0-1" name="drbd_resource" value="drbd0"/>
  </primitive>
</master_slave>
<primitive class="ocf" provider="heartbeat" type="Filesystem" id="fs0">
  <nvpair id="ia-fs0-1" name="fstype" value="ext3"/>
  <nvpair id="ia-fs0-2" name="directory" value="/drbd"/>
  <nvpair id="ia-fs0-3" name="device" value="/dev/drbd0"/>
</primitive>
<rsc_location id="rsc_location_group_1" rsc="ms-drbd0">
  <rule id="prefered_location_group_1" role="Master" score="100">
    <expression id="prefered_location_group_1_expr" attribute="#uname" operation="eq" value="host_m"/>
  </rule>
</rsc_location>
<rsc_order id="drbd0_before_fs0" from="fs0" action="start" to="ms-drbd0" to_action="promote"/>
<rsc_colocation id="fs0_on_drbd0" to="ms-drbd0" to_role="master" from="fs0" score="infinity"/>`;

interface Statement {
  words: string[];
}

/** crm statements with continuations joined and `crm configure` dropped; bare numbers in durations mean seconds. */
function crmStatements(text: string): Statement[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.replace(/^\s*crm configure\s+/, '').trim())
    .filter((l) => l && !l.startsWith('#') && l !== 'commit')
    .map((l) => {
      return { words: [...l.matchAll(/(?:[^\s"]+|"[^"]*")+/g)].map((m) => m[0]) };
    });
}

/** `primitive ID AGENT params k=v op NAME k=v ...` as a comparable object. */
function primitiveOf(s: Statement) {
  const unquote = (v: string) => v.replace(/^"|"$/g, '');
  const seconds = (v: string) => (/^\d+$/.test(v) ? `${v}s` : v);
  const params: Record<string, string> = {};
  const ops: string[] = [];
  let section = '';
  let op: string[] = [];
  for (const word of s.words.slice(3)) {
    if (word === 'params' || word === 'meta') section = word;
    else if (word === 'op') {
      if (op.length) ops.push(op.join(' '));
      section = 'op';
      op = [];
    } else if (section === 'op' && !word.includes('=')) op.push(word);
    else {
      const [k = '', v = ''] = word.split(/=(.*)/s);
      if (section === 'params') params[k] = unquote(v);
      if (section === 'op') op.push(`${k}=${/interval|timeout/.test(k) ? seconds(unquote(v)) : unquote(v)}`);
    }
  }
  if (op.length) ops.push(op.join(' '));
  return { id: s.words[1], agent: s.words[2], params, ops };
}

const primitives = (text: string) => crmStatements(text).filter((s) => s.words[0] === 'primitive').map(primitiveOf);
const groups = (text: string) => crmStatements(text).filter((s) => s.words[0] === 'group').map((s) => s.words.slice(1).join(' '));
const properties = (text: string) =>
  crmStatements(text)
    .filter((s) => s.words[0] === 'property')
    .flatMap((s) => s.words.slice(1).filter((w) => !w.startsWith('$id=')))
    .map((w) => w.replace(/"/g, ''))
    .sort();

/** Attributes of every `<tag ...>` in an XML text. */
function elements(xml: string, tag: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${tag}\\s([^>]*?)/?>`, 'g'))].map((m) => Object.fromEntries([...m[1]!.matchAll(/([\w#-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));
}

const cluster = (file: { node: string }) => file.node === CLUSTER_SCOPE;

describe('crm configure script, Pacemaker 1.0 syntax (seeds 001 and 004)', async () => {
  const web = render(await modelOf(await stackInput('001-web-pacemaker-heartbeat')), crmshRenderer);
  const job = render(await modelOf(await stackInput('004-job-corosync-pacemaker')), crmshRenderer);
  const webScript = fileOf(web, CLUSTER_SCOPE, CRM_SCRIPT_PATH).content;
  const jobScript = fileOf(job, CLUSTER_SCOPE, CRM_SCRIPT_PATH).content;

  it('is one cluster-wide file, checked by crmsh (golden)', () => {
    expect(web.every(cluster)).toBe(true);
    expect(web[0]).toMatchObject({ path: CRM_SCRIPT_PATH, mode: '0644', checker: 'crmsh' });
    expectGolden('001-web-pacemaker-heartbeat', web[0]!);
    expectGolden('004-job-corosync-pacemaker', job[0]!);
  });

  it('has seed 001’s primitives with the same agents, params and ops', () => {
    expect(primitives(seed001).map((p) => p.id)).toEqual(['vip_httpd', 'httpd', 'vip_samba', 'nmb', 'smb', 'vip_tomcat', 'tomcat']);
    expect(primitives(seed001)[1]!.ops).toContain('start interval=0s timeout=90s on-fail=restart');
    expect(primitives(webScript)).toEqual(primitives(seed001));
  });

  it('groups seed 001’s resources as the seed does', () => {
    expect(groups(webScript)).toEqual(groups(seed001));
  });

  it('sets seed 001’s properties, all on one line', () => {
    const lines = webScript.split('\n').filter((l) => l.startsWith('property'));
    expect(lines).toHaveLength(1);
    expect(properties(webScript)).toEqual(properties(seed001));
  });

  it('has seed 004’s lsb:hoge with its ops', () => {
    expect(primitives(seed004)[0]!.ops).toHaveLength(3);
    expect(primitives(jobScript)).toEqual(primitives(seed004));
  });

  it('has seed 004’s properties except the two Pacemaker maintains itself', () => {
    // dc-version and cluster-infrastructure are written by the running cluster, never by hand
    const seed = properties(seed004).filter((p) => !/^(dc-version|cluster-infrastructure)=/.test(p));
    expect(seed).toHaveLength(4);
    expect(properties(jobScript)).toEqual(seed);
    expect(jobScript).toMatch(/^property \$id="cib-bootstrap-options" /m);
  });

  it('has no commit line, which `crm configure load update` would refuse', () => {
    expect(webScript).not.toMatch(/^commit$/m);
    expect(webScript).toContain(`crm configure load update ${CRM_SCRIPT_PATH}`);
  });
});

describe('DRBD master/slave (seed 003)', async () => {
  const model = await modelOf(await stackInput('003-drbd-heartbeat-crm'));
  const files = render(model, crmshRenderer).concat(render(model, cibRenderer));
  const script = fileOf(files, CLUSTER_SCOPE, CRM_SCRIPT_PATH).content;
  const cib = fileOf(files, CLUSTER_SCOPE, CIB_PATH).content;

  it('renders the crm script and cib.xml (golden)', () => {
    for (const f of files) expectGolden('003-drbd-heartbeat-crm', f);
  });

  it('writes Pacemaker 1.0 crm syntax: ms, $role="Master", inf: orders', () => {
    expect(script).toContain('ms ms-drbd0 drbd0 meta master-max="1" master-node-max="1" clone-max="2" clone-node-max="1" notify="true"\n');
    expect(script).toContain('location rsc_location_group_1 ms-drbd0 rule $role="Master" 100: #uname eq host_m\n');
    expect(script).toContain('colocation fs0_on_drbd0 inf: fs0 ms-drbd0:Master\n');
    expect(script).toContain('order drbd0_before_fs0 inf: ms-drbd0:promote fs0:start\n');
  });

  it('has seed 003’s cib constraints, in the pacemaker-1.0 schema’s words', () => {
    const [seedLocation] = elements(seed003, 'rsc_location');
    const [seedRule] = elements(seed003, 'rule');
    const [seedExpr] = elements(seed003, 'expression');
    const [seedOrder] = elements(seed003, 'rsc_order');
    const [seedColocation] = elements(seed003, 'rsc_colocation');
    expect(elements(cib, 'rsc_location')).toEqual([{ id: seedLocation!.id, rsc: seedLocation!.rsc }]);
    expect(elements(cib, 'rule')[0]).toMatchObject({ role: seedRule!.role, score: seedRule!.score });
    expect(elements(cib, 'expression')[0]).toMatchObject({ attribute: seedExpr!.attribute, operation: seedExpr!.operation, value: seedExpr!.value });
    // heartbeat 2.1's from/to read backwards: "fs0 start" comes after "ms-drbd0 promote"
    expect(elements(cib, 'rsc_order')).toEqual([
      { id: seedOrder!.id, kind: 'Mandatory', first: seedOrder!.to, 'first-action': seedOrder!.to_action, then: seedOrder!.from, 'then-action': seedOrder!.action },
    ]);
    expect(elements(cib, 'rsc_colocation')).toEqual([
      { id: seedColocation!.id, score: 'INFINITY', rsc: seedColocation!.from, 'with-rsc': seedColocation!.to, 'with-rsc-role': 'Master' },
    ]);
  });

  it('has seed 003’s resources: the master with its meta, drbd0 and fs0 with their params', () => {
    expect(cib).toContain('<master id="ms-drbd0">');
    const meta = Object.fromEntries(elements(cib, 'nvpair').filter((n) => n.id!.startsWith('ma-ms-drbd0')).map((n) => [n.name, n.value]));
    // heartbeat 2.1 spelt meta names with underscores and booleans as yes; globally_unique=false is the default
    const seedMeta = Object.fromEntries(
      elements(seed003, 'nvpair')
        .filter((n) => n.id!.startsWith('ma-') && n.name !== 'globally_unique')
        .map((n) => [n.name!.replace(/_/g, '-'), n.value === 'yes' ? 'true' : n.value]),
    );
    expect(meta).toEqual(seedMeta);
    const params = (prefix: string, xml: string) =>
      Object.fromEntries(elements(xml, 'nvpair').filter((n) => n.id!.startsWith(prefix)).map((n) => [n.name, n.value]));
    expect(params('ia-fs0', cib)).toEqual(params('ia-fs0', seed003));
    expect(params('ia-drbd0', cib)).toEqual(params('ia-drbd0', seed003));
    // ocf:heartbeat:drbd was heartbeat 2's agent; LINBIT's ocf:linbit:drbd replaced it
    expect(elements(cib, 'primitive').map((p) => `${p.id} ${p.class}:${p.provider}:${p.type}`)).toEqual(['drbd0 ocf:linbit:drbd', 'fs0 ocf:heartbeat:Filesystem']);
  });

  it('validates with the schema Pacemaker 1.0 wrote', () => {
    expect(cib).toMatch(/<cib validate-with="pacemaker-1\.0"/);
  });

  it('renders the same bytes twice', () => {
    expect(render(model, crmshRenderer).concat(render(model, cibRenderer))).toEqual(files);
  });
});

describe('Pacemaker 2 syntax (debian12)', async () => {
  const model = await modelOf({ ...(await stackInput('003-drbd-heartbeat-crm')), platform: 'debian12', pacemaker: { messaging: 'heartbeat', syntax: '2', format: 'both' } });
  const files = render(model, crmshRenderer).concat(render(model, cibRenderer));
  const script = fileOf(files, CLUSTER_SCOPE, CRM_SCRIPT_PATH).content;
  const cib = fileOf(files, CLUSTER_SCOPE, CIB_PATH).content;

  it('renders the crm script and cib.xml (golden)', () => {
    for (const f of files) expectGolden('003-debian12', f);
  });

  it('makes DRBD a promotable clone with Promoted roles', () => {
    expect(script).toContain('clone ms-drbd0 drbd0 meta promotable="true" promoted-max="1" promoted-node-max="1" clone-max="2" clone-node-max="1" notify="true"\n');
    expect(script).toContain('rule $role=Promoted 100: #uname eq host_m');
    expect(script).toContain('colocation fs0_on_drbd0 inf: fs0 ms-drbd0:Promoted\n');
    expect(script).toContain('order drbd0_before_fs0 Mandatory: ms-drbd0:promote fs0:start\n');
    expect(cib).toContain('<clone id="ms-drbd0">');
    expect(cib).toMatch(/<cib validate-with="pacemaker-3\.7"/);
  });

  it('runs pingd’s node attribute as an ocf:pacemaker:ping clone', () => {
    expect(script).toContain('primitive ping ocf:pacemaker:ping \\\n\tparams host_list="192.168.1.254" multiplier="100" dampen="5s" name="default_ping_set"');
    expect(script).toContain('clone cl_ping ping\n');
  });

  it('maps `service` to lsb: on CentOS and to service: on systemd platforms (init script if shipped, else the unit), exec to its rendered LSB script', async () => {
    const input = await stackInput('004-job-corosync-pacemaker');
    const withService = { ...input, resources: [...input.resources!, { service: 'memcached' }] };
    const centos = fileOf(render(await modelOf(withService), crmshRenderer), CLUSTER_SCOPE, CRM_SCRIPT_PATH).content;
    const debian = fileOf(render(await modelOf({ ...withService, platform: 'debian12', pacemaker: { messaging: 'corosync' } }), crmshRenderer), CLUSTER_SCOPE, CRM_SCRIPT_PATH).content;
    expect(centos).toContain('primitive memcached lsb:memcached');
    expect(debian).toContain('primitive memcached service:memcached');
    expect(debian).toContain('primitive hoge lsb:hoge');
  });

  it('monitors DRBD once per role, at distinct intervals', async () => {
    const input = await stackInput('003-drbd-heartbeat-crm');
    const resources = input.resources!.map((r) => ('drbd' in r ? { ...r, monitor: { interval: '29s' } } : r));
    const text = fileOf(render(await modelOf({ ...input, resources }), crmshRenderer), CLUSTER_SCOPE, CRM_SCRIPT_PATH).content;
    expect(text).toContain('op monitor interval="29s" role="Master"');
    expect(text).toContain('op monitor interval="30s" role="Slave"');
  });

  it('translates 1.0-era properties as Pacemaker’s own upgrade does, and says so', async () => {
    const model = await modelOf({ ...(await stackInput('004-job-corosync-pacemaker')), platform: 'debian12', pacemaker: { messaging: 'corosync', syntax: '2', format: 'both' } });
    const text = fileOf(render(model, crmshRenderer), CLUSTER_SCOPE, CRM_SCRIPT_PATH).content;
    expect(text).toContain('# expected-quorum-votes left out: corosync 2+ tracks quorum on its own (Pacemaker 2 rejects it)\n');
    expect(text).toContain('property no-quorum-policy="ignore" stonith-enabled="false" transition-delay="0s"\n');
    expect(fileOf(render(model, cibRenderer), CLUSTER_SCOPE, CIB_PATH).content).toContain('<!-- crmd-transition-delay is transition-delay in Pacemaker 2 -->');
  });

  it('places a group on its preferred node', async () => {
    const input = await stackInput('001-web-pacemaker-heartbeat');
    const resources = input.resources!.map((r) => ('group' in r && r.group === 'web' ? { ...r, preferred: 's1' } : r));
    const text = fileOf(render(await modelOf({ ...input, resources }), crmshRenderer), CLUSTER_SCOPE, CRM_SCRIPT_PATH).content;
    expect(text).toContain('location loc_web_s1 web 100: s1\n');
  });
});
