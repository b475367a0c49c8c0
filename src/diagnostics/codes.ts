/**
 * Every diagnostic hactl emits has a stable code from this registry; tests assert codes, not wording.
 * The text is the default hint shown when a check has nothing more specific to say.
 */
export const codes = {
  // loading
  'yaml-syntax': 'fix the YAML syntax at this position',
  'yaml-duplicate-key': 'remove one of the duplicated keys',
  'yaml-unknown-tag': 'remove the tag: stacks are plain YAML (only the core tags !!str, !!int, !!float, !!bool, !!null, !!map, !!seq)',
  'stack-not-found': 'check the path of the stack file',
  'stack-load-failed': 'the TypeScript stack must `export default defineCluster({...})`',
  'ts-type-error': 'fix the type error at this position (your editor shows the same one)',
  'schema-type': 'use the type the schema expects here',
  'schema-unknown-key': 'remove the key or fix its spelling',
  'schema-required': 'add the missing key',
  'schema-enum': 'use one of the allowed values',
  'schema-format': 'use the expected format',
  'schema-range': 'use a value inside the allowed range',
  'schema-pattern': 'use the expected form',
  'schema-kind': 'give the entry exactly one kind key',
  'schema-invalid': 'see the JSON Schema in schema/cluster.schema.json',
  // references and names
  'duplicate-name': 'give every node and resource a unique name',
  'unknown-reference': 'refer to a name that is defined in the stack',
  'unknown-nic': 'use a NIC that the node defines',
  // heartbeat / interconnect
  'ucast-peer-is-self': "ucast must name the other node's interconnect address, never the node's own",
  'ucast-peer-unknown': "ucast should name an address the peer node has on that NIC",
  'interconnect-missing': 'add a heartbeat.interconnect (or corosync) section for this runtime',
  'timing-order': 'keep keepalive < warntime < deadtime',
  'timing-deadtime': 'deadtime should be at least twice keepalive',
  'timing-initdead': 'initdead should be at least twice deadtime (boot time of the network)',
  'single-interconnect': 'add a second interconnect link (redundant rings) to lower split-brain risk',
  'service-on-interconnect': 'put service traffic and heartbeats on different NICs',
  'link-mcast-group': 'give the mcast link a multicast group address (224.0.0.0/4), e.g. group: 239.0.0.43',
  // addresses
  'vip-outside-subnet': 'put the VIP inside the subnet of the NIC it is bound to',
  'vip-equals-node-address': 'a VIP must not be the address of a node',
  'vip-duplicate': 'claim every VIP only once',
  'vip-no-nic': 'name the NIC (nic:) or make sure one NIC subnet contains the VIP',
  'duplicate-address': 'give every NIC a distinct address',
  // auth
  'auth-crc': 'crc only detects corruption and authenticates nothing: use sha1 (heartbeat) or sha256 (agent)',
  'auth-missing': 'add auth: { method: sha1, keyFrom: { env: HACTL_AUTHKEY } }',
  'auth-secret-missing': 'set the environment variable or create the key file before rendering',
  'auth-inline-secret': 'move the secret to keyFrom: { env: ... } or { file: ... }',
  'auth-method-runtime': 'use a method the runtime supports',
  'auth-secret-invalid': 'a key is one line of printable text (at most 4 KiB), from an environment variable or a regular file',
  'auth-key-file-mode': 'chmod 600 the key file: other users can read the cluster key',
  // vrrp
  'vrrp-vrid-range': 'virtual_router_id must be 1..255',
  'vrrp-vrid-duplicate': 'use a distinct virtual_router_id for every instance on the same network segment',
  'vrrp-priority-order': 'give the MASTER a priority above every BACKUP',
  'vrrp-master-count': 'declare exactly one MASTER per instance',
  'vrrp-pass-length': 'VRRP PASS authentication keeps only 8 characters: use at most 8',
  'vrrp-many-vips': 'VIPs beyond the limit go to virtual_ipaddress_excluded (not announced in adverts)',
  'vrrp-unknown-script': 'define the track script under keepalived.scripts',
  'vrrp-service-check': 'VRRP only checks the network: add a track script (or a notify that stops keepalived) for the service',
  'vrrp-advert-int': 'VRRPv2 advert_int is whole seconds (1..255); VRRPv3 is centiseconds (0.01..40.95 s)',
  // services
  'apache-statusurl': 'statusurl must start with http:// (for TLS use http://HOST:443/)',
  'apache-index': 'set indexHtml: true, or make sure the document root has an index page: the apache agent monitor fails without one',
  'tomcat-java-home': 'java_home is the JAVA_HOME directory (e.g. /usr/lib/jvm/jre), not the java binary',
  'user-uid-unpinned': 'pin the uid so every node agrees on file ownership',
  'monitor-incomplete': 'give the monitor what its kind probes: url (http), port (tcp), command (script)',
  'exec-incomplete': 'give exec either run (agent) or start, stop and status commands',
  // drbd
  'drbd-device-mismatch': 'use the same DRBD device name on every node',
  'drbd-address-not-interconnect': 'replicate DRBD over the interconnect NIC',
  'drbd-port-clash': 'give every DRBD resource its own port',
  'drbd-protocol': 'use protocol A, B or C',
  'drbd-fs-constraints': 'colocate the Filesystem with the DRBD master and order it after promote',
  'drbd-unknown-resource': 'declare the DRBD resource under drbd:',
  'drbd-in-group': 'keep the drbd: resource outside groups; colocate and order the group with its master instead',
  // quorum / fencing
  'two-node-quorum': 'set no-quorum-policy=ignore (pacemaker) or corosync twoNode: true on a two-node cluster',
  'stonith-shared-data': 'clusters with shared data need STONITH to ensure data integrity',
  'stonith-no-devices': 'set properties: { stonith-enabled: false } (seed 001) until the stack can define STONITH devices',
  'fence-without-stonith': 'enable STONITH (pacemaker) or configure agent.fencing, or use another onFail',
  // runtime capability
  'runtime-unsupported': 'choose a runtime that supports this feature, or drop the feature',
  'runtime-section-missing': 'add the section this runtime needs',
  'runtime-section-unused': 'remove the section, or choose the runtime that reads it',
  'heartbeat-v1-constraints': 'heartbeat v1 (haresources) has no constraints: use pacemaker or the agent',
  // firewall
  'firewall-lockout': "accept SSH (tcp to the node's ssh port, 22 by default) before any rule drops it, or keep firewall.implied on",
  'firewall-open': 'use defaultPolicy REJECT or DROP: with ACCEPT the rules hactl writes open nothing that was closed',
  // files written from the stack
  'file-clash': 'give the file a path no other file uses, and no path another file needs as its directory',
  'file-mode-unsafe': 'drop the setuid/setgid bits and world write access (e.g. 0755 for a script, 0644 for data)',
  'file-sensitive': 'manage accounts with users:, and put privileges in a drop-in (e.g. /etc/sudoers.d/NAME) instead of replacing the system file',
  // render
  'render-unsafe-value': 'change the value: the message names what this file format cannot carry',
  'render-failed': 'this is a bug in a renderer; run with --debug and report it',
  'output-exists': 'render into a missing or empty directory, or into one hactl rendered before (remove anything else yourself)',
  'output-contains-stack': 'render into a directory that does not hold the stack, e.g. -o out',
  // hactl init
  'init-exists': 'choose another directory, or move the file away yourself: init never replaces a file',
  'init-bad-name': 'give --name a letter, then letters, digits, _ or -',
  'init-write-failed': 'check that the directory can be created and written by you',
  'internal': 'this is a bug in hactl; run with --debug and report it',
} as const;

export type Code = keyof typeof codes;
