import type { Renderer } from './artifact.js';
import { hostsRenderer } from './hosts/index.js';
import { apacheExtrasRenderer } from './apache/index.js';
import { heartbeatRenderer } from './heartbeat/index.js';
import { lsbRenderer } from './lsb/index.js';
import { monitorScriptsRenderer } from './monitor-scripts/index.js';
import { cibRenderer, crmshRenderer } from './pacemaker/index.js';
import { keepalivedRenderer } from './keepalived/index.js';
import { drbdRenderer } from './drbd/index.js';
import { corosyncRenderer } from './corosync/index.js';
import { iptablesRenderer } from './iptables/index.js';
import { agentConfigRenderer } from './agent-config/index.js';
import { vagrantRenderer } from './vagrant/index.js';
import { memcachedRenderer } from './memcached/index.js';
import { tomcatRenderer } from './tomcat/index.js';
import { extraFilesRenderer } from './extra-files/index.js';
import { nodeModelRenderer } from './node-model/index.js';

/** Every artifact hactl can render; adding an artifact is one folder under src/render/ and one line here. */
export const renderers: readonly Renderer[] = [
  hostsRenderer,
  keepalivedRenderer,
  drbdRenderer,
  corosyncRenderer,
  iptablesRenderer,
  agentConfigRenderer,
  heartbeatRenderer,
  monitorScriptsRenderer,
  crmshRenderer,
  cibRenderer,
  lsbRenderer,
  apacheExtrasRenderer,
  memcachedRenderer,
  tomcatRenderer,
  vagrantRenderer,
  extraFilesRenderer,
  nodeModelRenderer,
];
