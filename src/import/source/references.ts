import { posix } from 'node:path';
import { parseCib } from '../parse/cib.js';
import { parseCrm } from '../parse/crm.js';
import { parseHaCf } from '../parse/ha-cf.js';
import { parseHaresources } from '../parse/haresources.js';
import { parseKeepalived } from '../parse/keepalived.js';
import { classify } from './classify.js';
import type { SourceFile } from './types.js';

/** Programs heartbeat ships: respawned, never read. */
const HEARTBEAT_PROGRAMS = /\/(ipfail|pingd|ifcheckd|hb_standby|hb_takeover)$/;
/** haresources names that are heartbeat's own resource scripts, not init scripts of the node. */
const BUILTIN = new Set(['IPaddr', 'IPaddr2', 'Filesystem', 'drbddisk', 'MailTo', 'IPsrcaddr', 'Delay', 'SendArp', 'AudibleAlarm', 'apache', 'LVSSyncDaemonSwap']);
const WEB_FILES = ['/etc/httpd/conf.d/httpd-proxy.conf', '/etc/apache2/conf-enabled/httpd-proxy.conf', '/var/www/html/index.html'];

const text = (f: SourceFile) => f.bytes.toString('utf8');
const absolute = (p: string | undefined): p is string => p !== undefined && p.startsWith('/');

/** The node paths the configurations name (respawned scripts, init scripts of resources, notify and track scripts). */
export function referencedPaths(files: readonly SourceFile[], cluster: readonly SourceFile[] = []): string[] {
  const out = new Set<string>();
  const initScript = (name: string) => {
    out.add(`/etc/init.d/${name}`);
    out.add(`/etc/ha.d/resource.d/${name}`);
  };
  for (const f of [...files, ...cluster]) {
    switch (classify(f)) {
      case 'ha.cf':
        for (const r of parseHaCf(text(f), f.origin).value.respawn) {
          const program = r.value.command.split(/\s+/)[0];
          if (absolute(program) && !HEARTBEAT_PROGRAMS.test(program)) out.add(program);
        }
        break;
      case 'haresources':
        for (const line of parseHaresources(text(f), f.origin).value) for (const r of line.resources) if (!BUILTIN.has(r.name)) initScript(r.name);
        break;
      case 'crm':
      case 'cib': {
        const conf = classify(f) === 'crm' ? parseCrm(text(f), f.origin).value : parseCib(text(f), f.origin).value;
        for (const p of conf.primitives) {
          if (p.cls === 'lsb' || p.cls === 'service') initScript(p.type);
          if (p.type === 'tomcat') initScript(p.id);
          if (p.type === 'apache') WEB_FILES.forEach((w) => out.add(w));
        }
        break;
      }
      case 'keepalived': {
        const conf = parseKeepalived(text(f), f.origin).value;
        for (const i of conf.instances) for (const n of Object.values(i.notify)) if (absolute(n)) out.add(n);
        for (const s of conf.scripts) {
          const program = s.script?.replace(/^'([^']*)'.*$/, '$1').split(' ')[0];
          if (absolute(program)) out.add(program);
        }
        for (const inc of conf.includes) if (!/[*?[]/.test(inc.pattern)) out.add(posix.resolve(posix.dirname(f.path.startsWith('/') ? f.path : '/etc/keepalived/x'), inc.pattern));
        break;
      }
      default:
    }
  }
  return [...out].sort();
}
