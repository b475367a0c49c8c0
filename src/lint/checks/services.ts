import { error, warning, type Diagnostic } from '../../diagnostics/index.js';
import { allPrimitives } from '../../model/normalize.js';
import type { Check } from '../check.js';
import { primitivesOf } from '../support.js';

/** The apache agent fetches statusurl with wget/curl over plain http only; TLS sites use http://HOST:443/. */
export const checkApacheStatusUrl: Check = (model) =>
  primitivesOf(model, 'apache')
    .filter((p) => !p.statusurl.startsWith('http://'))
    .map((p) => error('apache-statusurl', `${p.path}.apache.statusurl`, `statusurl '${p.statusurl}' does not start with http://`));

/**
 * With statusurl set, the apache agent's monitor needs a page to fetch; an empty document root gives
 * 403, the monitor fails and the agent stops httpd right after starting it.
 */
export const checkApacheIndex: Check = (model) => {
  const shipped = new Set(model.files.map((f) => f.target));
  return primitivesOf(model, 'apache')
    .filter((p) => !p.indexHtml && !shipped.has(`${p.documentRoot.replace(/\/$/, '')}/index.html`))
    .map((p) =>
      warning('apache-index', `${p.path}.apache.indexHtml`, `nothing puts an index.html into ${p.documentRoot}: the apache monitor fails and httpd is stopped right after start`),
    );
};

/**
 * The tomcat agent runs ${java_home}/bin/java, so java_home is the directory two levels above the binary.
 * /usr/lib/jvm/java is a JDK directory (alternatives link) on RHEL, not a binary.
 */
export const checkTomcatJavaHome: Check = (model) =>
  primitivesOf(model, 'tomcat')
    .filter((p) => {
      const home = p.javaHome.replace(/\/+$/, '');
      return home.endsWith('/bin/java') || (home.endsWith('/java') && !home.startsWith('/usr/lib/jvm/'));
    })
    .map((p) =>
      error('tomcat-java-home', `${p.path}.tomcat.javaHome`, `javaHome '${p.javaHome}' looks like the java binary; the agent runs \${java_home}/bin/java`),
    );

/** The generated monitors (agent, heartbeat respawn) need to know what to probe. */
export const checkMonitorTargets: Check = (model) => {
  const out: Diagnostic[] = [];
  for (const p of allPrimitives(model)) {
    const m = p.monitor;
    if (!m?.check) continue;
    const path = `${p.path}.monitor`;
    const hasUrl = m.url !== undefined || p.kind === 'apache' || p.kind === 'tomcat';
    if (m.check === 'http' && !hasUrl) out.push(error('monitor-incomplete', path, `monitor kind http of '${p.name}' needs url`));
    if (m.check === 'http' && m.url !== undefined && !m.url.startsWith('http://')) {
      out.push(error('monitor-incomplete', `${path}.url`, `monitor url '${m.url}' must start with http://`));
    }
    if (m.check === 'tcp' && m.port === undefined) out.push(error('monitor-incomplete', path, `monitor kind tcp of '${p.name}' needs port`));
    if (m.check === 'script' && !m.command) out.push(error('monitor-incomplete', path, `monitor kind script of '${p.name}' needs command`));
  }
  return out;
};

/** An exec resource is either supervised by the agent (run) or driven by start/stop/status like an init script. */
export const checkExecCommands: Check = (model) =>
  primitivesOf(model, 'exec').flatMap((p) => {
    if (p.run !== undefined) return [];
    const missing = (['start', 'stop', 'status'] as const).filter((k) => p[k] === undefined);
    return missing.length ? [error('exec-incomplete', `${p.path}.exec`, `exec '${p.name}' has neither run nor ${missing.join(', ')}`)] : [];
  });
