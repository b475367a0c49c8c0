import { describe, expect, it } from 'vitest';
import { apacheExtrasRenderer } from '../../src/render/apache/index.js';
import { expectGolden, fileOf, modelOf, render, stackInput } from './render-variants.js';

// seed 001, httpd-proxy.conf and the dummy index.html, verbatim
const seedProxy = '<Location /app/>\n  ProxyPass ajp://192.168.1.102:8009/\n</Location>\n';
const seedIndex = '<html>\n</html>\n';

describe('Apache extras (seed 001)', async () => {
  const files = render(await modelOf(await stackInput('001-web-pacemaker-heartbeat')), apacheExtrasRenderer);

  it('renders the AJP proxy conf and the dummy index.html on both nodes (golden)', () => {
    expect(files.map((f) => `${f.node}:${f.path}`)).toEqual([
      's1:/etc/httpd/conf.d/httpd-proxy.conf',
      's1:/var/www/html/index.html',
      's2:/etc/httpd/conf.d/httpd-proxy.conf',
      's2:/var/www/html/index.html',
    ]);
    for (const f of files) expectGolden('001-web-pacemaker-heartbeat', f);
  });

  it('writes the seed’s files byte for byte', () => {
    expect(fileOf(files, 's1', '/etc/httpd/conf.d/httpd-proxy.conf').content).toBe(seedProxy);
    expect(fileOf(files, 's2', '/var/www/html/index.html').content).toBe(seedIndex);
  });

  it('reloads httpd when the proxy conf changes, and nothing for the page', () => {
    expect(fileOf(files, 's1', '/etc/httpd/conf.d/httpd-proxy.conf').service).toEqual({ name: 'httpd', action: 'reload' });
    expect(fileOf(files, 's1', '/var/www/html/index.html').service).toBeUndefined();
  });

  it('uses Debian’s conf dir and service name on debian12', async () => {
    const debian = render(await modelOf({ ...(await stackInput('001-web-pacemaker-heartbeat')), platform: 'debian12' }), apacheExtrasRenderer);
    expect(fileOf(debian, 's1', '/etc/apache2/conf-enabled/httpd-proxy.conf').service).toEqual({ name: 'apache2', action: 'reload' });
  });

  it('renders nothing for an apache without proxies or page', async () => {
    const input = await stackInput('001-web-pacemaker-heartbeat');
    const resources = input.resources!.map((r) =>
      'group' in r ? { ...r, members: r.members.map((m) => ('apache' in m ? { ...m, apache: { configfile: m.apache.configfile, statusurl: m.apache.statusurl } } : m)) } : r,
    );
    expect(apacheExtrasRenderer.applies(await modelOf({ ...input, resources }))).toBe(false);
  });
});
