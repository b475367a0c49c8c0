import { describe, expect, it } from 'vitest';
import type { ClusterInput } from '../../src/model/cluster.js';
import { agentStack, corosyncStack, pacemakerStack, pathsOf, severityOf, type Resource } from './stacks.js';

const apache = (fields: { statusurl?: string; indexHtml?: boolean }): Resource => ({
  apache: { configfile: '/etc/httpd/conf/httpd.conf', statusurl: 'http://192.168.1.101/', ...fields },
  name: 'httpd',
});

const tomcat = (javaHome: string): Resource => ({
  tomcat: { javaHome, catalinaHome: '/usr/local/tomcat', user: 'tomcat', statusurl: 'http://192.168.1.102:8080/' },
});

const withResources = (resources: Resource[], stack: ClusterInput = pacemakerStack()): ClusterInput => ({ ...stack, resources });

describe('apache (seed 001)', () => {
  it('rejects a statusurl that does not start with http://', async () => {
    expect(await pathsOf(withResources([apache({ statusurl: 'https://192.168.1.101/', indexHtml: true })]), 'apache-statusurl')).toEqual(['resources[0].apache.statusurl']);
  });

  it('accepts http://HOST:443/ for a TLS site', async () => {
    expect(await pathsOf(withResources([apache({ statusurl: 'http://192.168.1.101:443/', indexHtml: true })]), 'apache-statusurl')).toEqual([]);
  });

  it('warns when nothing puts an index page into the document root', async () => {
    const stack = withResources([apache({})]);
    expect(await pathsOf(stack, 'apache-index')).toEqual(['resources[0].apache.indexHtml']);
    expect(await severityOf(stack, 'apache-index')).toEqual(['warning']);
  });

  it('accepts indexHtml: true or an index.html shipped under files', async () => {
    expect(await pathsOf(withResources([apache({ indexHtml: true })]), 'apache-index')).toEqual([]);
    const shipped = withResources([apache({})]);
    shipped.files = [{ path: '/var/www/html/index.html', content: '<html>\n</html>\n' }];
    expect(await pathsOf(shipped, 'apache-index')).toEqual([]);
  });
});

describe('tomcat (seed 001)', () => {
  it('rejects a java_home that is the java binary', async () => {
    expect(await pathsOf(withResources([tomcat('/usr/bin/java')]), 'tomcat-java-home')).toEqual(['resources[0].tomcat.javaHome']);
    expect(await pathsOf(withResources([tomcat('/opt/jdk/java')]), 'tomcat-java-home')).toEqual(['resources[0].tomcat.javaHome']);
  });

  it('accepts the JAVA_HOME directory, as the seed’s /usr', async () => {
    expect(await pathsOf(withResources([tomcat('/usr')]), 'tomcat-java-home')).toEqual([]);
    expect(await pathsOf(withResources([tomcat('/usr/lib/jvm/java')]), 'tomcat-java-home')).toEqual([]);
  });
});

describe('generated monitors', () => {
  it('rejects monitor kinds without what they probe', async () => {
    const stack = withResources([
      { service: 'memcached', monitor: { kind: 'tcp' } },
      { service: 'web', monitor: { kind: 'http' } },
      { service: 'job', monitor: { kind: 'script' } },
      { service: 'api', monitor: { kind: 'http', url: 'https://localhost/' } },
    ]);
    expect(await pathsOf(stack, 'monitor-incomplete')).toEqual(['resources[0].monitor', 'resources[1].monitor', 'resources[2].monitor', 'resources[3].monitor.url']);
  });

  it('accepts complete monitors', async () => {
    const stack = withResources([
      { service: 'memcached', monitor: { kind: 'tcp', port: 11211 } },
      { service: 'web', monitor: { kind: 'http', url: 'http://127.0.0.1/' } },
      { service: 'job', monitor: { kind: 'script', command: '/usr/local/bin/check' } },
    ]);
    expect(await pathsOf(stack, 'monitor-incomplete')).toEqual([]);
  });
});

describe('exec commands', () => {
  it('rejects an exec with neither run nor start/stop/status', async () => {
    expect(await pathsOf(withResources([{ exec: { start: '/bin/true' }, name: 'job' }], corosyncStack()), 'exec-incomplete')).toEqual(['resources[0].exec']);
  });

  it('accepts start/stop/status, or run under the agent', async () => {
    expect(await pathsOf(withResources([{ exec: { start: 'a', stop: 'b', status: 'c' }, name: 'job' }], corosyncStack()), 'exec-incomplete')).toEqual([]);
    expect(await pathsOf(agentStack(), 'exec-incomplete')).toEqual([]);
  });
});
