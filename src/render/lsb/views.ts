import { HactlError, error } from '../../diagnostics/index.js';
import type { PrimitiveModel } from '../../model/model.js';
import type { PlatformProfile } from '../../platform/profiles.js';
import { shellCommand, shellQuote } from '../escape/shell.js';

type Tomcat = Extract<PrimitiveModel, { kind: 'tomcat' }>;
type Exec = Extract<PrimitiveModel, { kind: 'exec' }>;

interface Common {
  name: string;
  /** RHEL-style init (functions, daemon, /etc/sysconfig) rather than Debian's LSB helpers */
  rhel: boolean;
  initFunctions: string;
  lockFile: string;
}

export interface TomcatScriptView extends Common {
  user: string;
  catalinaHome: string;
  javaHome: string;
}

export interface JobScriptView extends Common {
  defaultsFile: string;
  start: string;
  stop: string;
  status: string;
}

function common(name: string, profile: PlatformProfile): Common {
  return { name, rhel: profile.name === 'centos6', initFunctions: profile.initFunctions, lockFile: shellQuote(`${profile.lockDir}/${name}`) };
}

/** Tomcat's init script, idempotent and with the LSB status codes the cluster manager's lsb: class relies on. */
export function tomcatScriptView(p: Tomcat, profile: PlatformProfile): TomcatScriptView {
  return {
    ...common(p.name, profile),
    user: shellQuote(p.user),
    catalinaHome: shellQuote(p.catalinaHome, `${p.path}.tomcat.catalinaHome`),
    javaHome: shellQuote(p.javaHome, `${p.path}.tomcat.javaHome`),
  };
}

/** A periodic job as a resource: `status` runs the job while the marker says the resource is started. */
export function jobScriptView(p: Exec, profile: PlatformProfile): JobScriptView {
  if (p.start === undefined && p.status === undefined) {
    throw HactlError.from(error('schema-required', `${p.path}.exec`, `${p.name}: an init script needs start and/or status commands`));
  }
  return {
    ...common(p.name, profile),
    defaultsFile: shellQuote(`${profile.name === 'centos6' ? '/etc/sysconfig' : '/etc/default'}/${p.name}`),
    start: p.start === undefined ? ':' : shellCommand(p.start, `${p.path}.exec.start`),
    stop: p.stop === undefined ? ':' : shellCommand(p.stop, `${p.path}.exec.stop`),
    status: p.status === undefined ? ':' : shellCommand(p.status, `${p.path}.exec.status`),
  };
}
