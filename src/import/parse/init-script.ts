import { unquoteShell } from './shell-words.js';

/** An /etc/init.d script hactl rendered for an exec resource (src/render/lsb, job.hbs): its commands read back. */
export interface JobScript {
  start?: string;
  stop?: string;
  status?: string;
}

/** The commands of hactl's job script (`job_start() { eval '...' }`), or undefined for any other init script. */
export function parseJobScript(text: string): JobScript | undefined {
  if (!/periodic job \(rendered by hactl\)/.test(text)) return undefined;
  const command = (name: string): string | undefined | null => {
    const m = new RegExp(`^job_${name}\\(\\) \\{\\n\\s+(.*)\\n\\}`, 'm').exec(text);
    if (!m) return null;
    const body = m[1]!.trim();
    if (body === ':') return undefined;
    if (!body.startsWith('eval ')) return null;
    return unquoteShell(body.slice(5)) ?? null;
  };
  const [start, stop, status] = [command('start'), command('stop'), command('status')];
  if (start === null || stop === null || status === null) return undefined;
  return { ...(start !== undefined ? { start } : {}), ...(stop !== undefined ? { stop } : {}), ...(status !== undefined ? { status } : {}) };
}

/** hactl's Tomcat init script (tomcat.hbs): its user and paths, to tell it from a hand-written one. */
export function parseTomcatScript(text: string): { user?: string; catalinaHome?: string; javaHome?: string } | undefined {
  if (!/Started and stopped by the cluster \(rendered by hactl\)/.test(text)) return undefined;
  const get = (name: string) => {
    const m = new RegExp(`^${name}=(.*)$`, 'm').exec(text);
    return m ? unquoteShell(m[1]!) : undefined;
  };
  return { user: get('TOMCAT_USER'), catalinaHome: get('CATALINA_HOME'), javaHome: get('JAVA_HOME') };
}
