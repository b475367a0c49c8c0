import type { ClusterModel, PrimitiveModel } from '../../model/model.js';
import { allPrimitives } from '../../model/normalize.js';
import type { Renderer } from '../artifact.js';
import { xmlEscape } from '../escape/xml.js';

type Tomcat = Extract<PrimitiveModel, { kind: 'tomcat' }>;

const tomcats = (model: ClusterModel) => allPrimitives(model).filter((p): p is Tomcat => p.kind === 'tomcat');

/** The AJP ports Apache proxies to (ProxyPass ajp://HOST:PORT/), by host. */
function ajpTargets(model: ClusterModel): { host: string; port: number }[] {
  return allPrimitives(model).flatMap((p) =>
    p.kind === 'apache'
      ? p.proxies.flatMap((proxy) => {
          const m = /^ajp:\/\/([^/:]+):(\d+)/.exec(proxy.pass);
          return m ? [{ host: m[1]!, port: Number(m[2]) }] : [];
        })
      : [],
  );
}

const vipsOfGroup = (model: ClusterModel, group: string | undefined) =>
  allPrimitives(model).flatMap((q) => (q.kind === 'vip' && group !== undefined && q.group === group ? [q.ip] : []));

/**
 * The distribution's Tomcat ships its AJP connector commented out (Tomcat 9.0.31+ also refuses AJP without a secret
 * unless told otherwise). When Apache proxies to a Tomcat of the stack over AJP, hactl writes a server.xml with the
 * HTTP connector of the status URL and the AJP connector, bound to the Tomcat group's VIP only (AJP trusts its peer:
 * it must not listen on every address).
 */
export const tomcatRenderer: Renderer = {
  id: 'tomcat',
  description: "Tomcat's server.xml with the AJP connector an Apache proxy of the stack uses",
  applies: (model) => tomcats(model).length > 0 && ajpTargets(model).length > 0,
  render({ model, profile }) {
    if (!profile.tomcat) return [];
    const tomcat = tomcats(model).find((t) => ajpTargets(model).some((a) => vipsOfGroup(model, t.group).includes(a.host)));
    if (!tomcat) return [];
    const vips = vipsOfGroup(model, tomcat.group);
    const ajp = ajpTargets(model).filter((a) => vips.includes(a.host));
    const http = Number(/^https?:\/\/[^/:]+:(\d+)/.exec(tomcat.statusurl)?.[1] ?? 8080);
    const at = `${tomcat.path}.tomcat`;
    const content = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!-- Rendered by hactl: the HTTP connector of the status URL and the AJP connector Apache proxies to. -->',
      '<Server port="8005" address="127.0.0.1" shutdown="SHUTDOWN">',
      '  <Listener className="org.apache.catalina.startup.VersionLoggerListener" />',
      '  <Service name="Catalina">',
      `    <Connector port="${http}" protocol="HTTP/1.1" connectionTimeout="20000" />`,
      ...ajp.map((a) => `    <Connector protocol="AJP/1.3" address="${xmlEscape(a.host, at)}" port="${a.port}" secretRequired="false" />`),
      '    <Engine name="Catalina" defaultHost="localhost">',
      '      <Host name="localhost" appBase="webapps" unpackWARs="true" autoDeploy="true">',
      '        <Valve className="org.apache.catalina.valves.AccessLogValve" directory="logs" prefix="localhost_access_log" suffix=".txt" pattern="common" />',
      '      </Host>',
      '    </Engine>',
      '  </Service>',
      '</Server>',
      '',
    ].join('\n');
    return model.nodes.map((node) => ({
      node: node.name,
      path: profile.tomcat!.serverXml,
      content,
      mode: '0644',
      owner: 'root:tomcat',
      checker: 'none' as const,
      origin: at,
    }));
  },
};
