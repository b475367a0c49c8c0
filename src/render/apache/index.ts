import type { ClusterModel, PrimitiveModel } from '../../model/model.js';
import { allPrimitives } from '../../model/normalize.js';
import type { RenderedFile, Renderer } from '../artifact.js';
import { apacheArg } from '../escape/apache.js';

type Apache = Extract<PrimitiveModel, { kind: 'apache' }>;

const apaches = (model: ClusterModel) => allPrimitives(model).filter((p): p is Apache => p.kind === 'apache');

const proxiesView = (a: Apache) =>
  a.proxies.map((proxy, i) => ({
    location: apacheArg(proxy.location, `${a.path}.apache.proxies[${i}].location`),
    pass: apacheArg(proxy.pass, `${a.path}.apache.proxies[${i}].pass`),
  }));

/** The extras around httpd in a Tomcat-behind-Apache group: the AJP proxy to Tomcat, and the dummy page the apache agent's monitor needs. */
export const apacheExtrasRenderer: Renderer = {
  id: 'apache',
  description: 'httpd-proxy.conf (AJP ProxyPass) and the dummy index.html',
  applies: (model) => apaches(model).some((a) => a.proxies.length > 0 || a.indexHtml),
  render({ model, profile, templates }) {
    const files: Omit<RenderedFile, 'node'>[] = [];
    const serviceName = profile.name === 'centos6' ? 'httpd' : 'apache2';
    for (const a of apaches(model)) {
      if (a.proxies.length > 0) {
        files.push({
          path: `${profile.apacheConfDir}/httpd-proxy.conf`,
          content: templates.render('apache/httpd-proxy.conf', { proxies: proxiesView(a), loadModules: profile.name === 'debian12', moduleDir: '/usr/lib/apache2/modules' }),
          mode: '0644',
          owner: 'root:root',
          service: { name: serviceName, action: 'reload' },
          // apachectl -t needs the whole httpd configuration around it, which hactl does not render
          checker: 'none',
        });
      }
      if (a.indexHtml) {
        files.push({
          path: `${a.documentRoot}/index.html`,
          content: templates.render('apache/index.html', {}),
          mode: '0644',
          owner: 'root:root',
          checker: 'none',
          origin: `${a.path}.apache.documentRoot`,
        });
      }
    }
    return model.nodes.flatMap((node) => files.map((f) => ({ ...f, node: node.name })));
  },
};
