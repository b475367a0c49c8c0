import { describe, expect, it } from 'vitest';
import { drbdRenderer } from '../../src/render/drbd/index.js';
import { directives, expectGolden, fileOf, modelOf, render, stackInput } from './render-variants.js';

// seed 003's /etc/drbd.conf, verbatim
const seed = `resource drbd0 {
protocol C;
syncer {
rate 200M;
}
disk {
on-io-error pass_on;
}
on host_m {
device /dev/drbd0;
disk /dev/hda2;
address 192.168.0.1:7789;
meta-disk internal;
}
on host_s {
device /dev/drbd0;
disk /dev/hda2;
address 192.168.0.2:7789;
meta-disk internal;
}
}`;

describe('DRBD 8.4 (centos6, seed 003)', async () => {
  const files = render(await modelOf(await stackInput('003-drbd-heartbeat-crm')), drbdRenderer);

  it('renders drbd.conf and drbd0.res on both nodes (golden)', () => {
    expect(files.map((f) => `${f.node}:${f.path}`)).toEqual(['host_m:/etc/drbd.conf', 'host_m:/etc/drbd.d/drbd0.res', 'host_s:/etc/drbd.conf', 'host_s:/etc/drbd.d/drbd0.res']);
    for (const file of files) expectGolden('003-drbd-heartbeat-crm', file);
  });

  it('says what the seed’s drbd.conf says once the include is followed', () => {
    const conf = fileOf(files, 'host_m', '/etc/drbd.conf').content;
    expect(directives(conf)).toContain('include "drbd.d/*.res";');
    expect(directives(fileOf(files, 'host_m', '/etc/drbd.d/drbd0.res').content)).toEqual(directives(seed));
  });

  it('gives both nodes the same files, reloaded through the drbd service', () => {
    const byNode = (node: string) => files.filter((f) => f.node === node).map((f) => f.content);
    expect(byNode('host_m')).toEqual(byNode('host_s'));
    for (const f of files) expect(f.service).toEqual({ name: 'drbd', action: 'reload' });
  });

  it('renders the same bytes twice', async () => {
    expect(render(await modelOf(await stackInput('003-drbd-heartbeat-crm')), drbdRenderer)).toEqual(files);
  });
});

describe('DRBD 9 (debian12)', async () => {
  const model = await modelOf({ ...(await stackInput('003-drbd-heartbeat-crm')), platform: 'debian12' });
  const res = directives(fileOf(render(model, drbdRenderer), 'host_s', '/etc/drbd.d/drbd0.res').content);

  it('moves protocol into net and the rate into disk as resync-rate', () => {
    expect(res.slice(0, 9)).toEqual(['resource drbd0 {', 'net {', 'protocol C;', '}', 'disk {', 'resync-rate 200M;', 'on-io-error pass_on;', '}', 'on host_m {']);
    expect(res).not.toContain('syncer {');
  });

  it('numbers the hosts with node-id', () => {
    expect(res.filter((l) => l.startsWith('node-id'))).toEqual(['node-id 0;', 'node-id 1;']);
  });
});
