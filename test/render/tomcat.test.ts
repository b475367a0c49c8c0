import { describe, expect, it } from 'vitest';
import { apacheExtrasRenderer } from '../../src/render/apache/index.js';
import { crmshRenderer } from '../../src/render/pacemaker/index.js';
import { retarget } from '../../src/translate/index.js';
import { tomcatRenderer } from '../../src/render/tomcat/index.js';
import { fileOf, modelOf, render, stackInput } from './render-variants.js';

describe('Tomcat server.xml and the AJP proxy on Debian (seed 001)', async () => {
  const input = await stackInput('001-web-pacemaker-heartbeat');
  const debian = await modelOf({ ...input, platform: 'debian12' });

  it('opens the AJP connector Apache proxies to, on the Tomcat VIP only, next to the status URL’s HTTP connector', () => {
    const xml = fileOf(render(debian, tomcatRenderer), 's2', '/etc/tomcat10/server.xml').content;
    expect(xml).toContain('<Connector protocol="AJP/1.3" address="192.168.1.102" port="8009" secretRequired="false" />');
    expect(xml).toContain('<Connector port="8080" protocol="HTTP/1.1"');
  });

  it('leaves CentOS’s own Tomcat install alone', async () => {
    expect(render(await modelOf(input), tomcatRenderer)).toEqual([]);
  });

  it('loads mod_proxy and mod_proxy_ajp in the proxy conf on Debian, which enables them only through a2enmod', () => {
    const conf = fileOf(render(debian, apacheExtrasRenderer), 's1', '/etc/apache2/conf-enabled/httpd-proxy.conf').content;
    expect(conf).toMatch(/<IfModule !proxy_ajp_module>\n {2}LoadModule proxy_ajp_module \/usr\/lib\/apache2\/modules\/mod_proxy_ajp\.so\n<\/IfModule>/);
    expect(conf.indexOf('LoadModule proxy_module')).toBeLessThan(conf.indexOf('  ProxyPass '));
  });

  it("gives Debian's Tomcat a PID file that monitor reads too (resource-agents 4.12 sets its default for start only)", async () => {
    const retargeted = await modelOf(retarget(input, { platform: 'debian12' }).input!);
    const crm = fileOf(render(retargeted, crmshRenderer), '_cluster', '/var/lib/hactl/crm-configure.crm').content;
    expect(crm).toMatch(/primitive tomcat ocf:heartbeat:tomcat \\\n\tparams .*catalina_base="\/var\/lib\/tomcat10" catalina_pid="\/var\/lib\/tomcat10\/logs\/catalina\.pid"/);
  });
});
