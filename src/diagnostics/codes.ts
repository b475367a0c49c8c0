/**
 * Every diagnostic and every error hactl raises has a stable code from this registry; tests assert codes, not wording.
 * The text is the default hint shown when a check or an error has nothing more specific to say. Families: loading,
 * semantic checks (one block per family of `src/lint/checks/`), render, then the runtime errors of each layer
 * (apply, transport, netns lab, lab provider, Vagrant, agent).
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
  'stonith-no-devices': 'set properties: { stonith-enabled: false } (as stacks/001-web-pacemaker-heartbeat.yaml does) until the stack can define STONITH devices',
  'fence-without-stonith': 'enable STONITH (pacemaker) or configure agent.fencing, or use another onFail',
  // runtime capability
  'runtime-unsupported': 'choose a runtime that supports this feature, or drop the feature',
  'runtime-section-missing': 'add the section this runtime needs',
  'runtime-section-unused': 'remove the section, or choose the runtime that reads it',
  'heartbeat-v1-constraints': 'heartbeat v1 (haresources) has no constraints: use pacemaker or the agent',
  // translation (retarget, migrate)
  'translate-blocked': 'the target cannot express this part of the stack: change or remove it, or choose another runtime or platform',
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
  // vagrant (lint checks of stacks with a vagrant: section, and `hactl up --provider vagrant`)
  'vagrant-nic-name': "name the stack's NICs eth1, eth2, … without gaps: Vagrant attaches them in that order and keeps eth0 for itself",
  'vagrant-invalid-address': 'use a private IPv4 address (10/8, 172.16/12, 192.168/16), prefix /8 to /30, neither the network nor the broadcast address',
  'vagrant-address-clash': "give every NIC its own address, each node one NIC per subnet, none on the host's first address or the management network",
  'vagrant-network-in-use': 'choose a subnet the host does not route anywhere yet',
  'vagrant-port-clash': 'forward each host port once, and each guest port and id once per machine',
  'vagrant-ssh-forward-ignored': 'reach the machine with `vagrant ssh NODE`: vagrant-libvirt connects to its own address',
  'vagrant-host-only-range': 'use a subnet inside 192.168.56.0/21, or list it in /etc/vbox/networks.conf',
  // internal
  // hactl init
  'init-exists': 'choose another directory, or move the file away yourself: init never replaces a file',
  'init-bad-name': 'give --name a letter, then letters, digits, _ or -',
  'init-write-failed': 'check that the directory can be created and written by you',
  'internal': 'this is a bug in hactl; run with --debug and report it',
  // apply (plan/apply over a transport)
  'apply-no-transport': "add the node's ssh: endpoint to the stack, or bring its lab up",
  'apply-check-failed': "fix the stack so the node's own tool accepts the file (`hactl check` shows the same complaint locally)",
  'apply-write-failed': 'check the free space and permissions on the node, then run apply again',
  'apply-rollback-failed': 'restore the file from its dated backup next to it on the node, then run apply again',
  'apply-service-failed': "look at the service's log on the node (journalctl -u SERVICE, /var/log/messages), fix it and run apply again",
  'apply-install-failed': "install the packages by hand once (the node's repositories may be unreachable), then run apply again",
  'apply-path-conflict': 'move the link or non-file out of the way on the node, then run apply again',
  'apply-user-clash': 'give the user the uid the node already has for it, or change the account on the node',
  'apply-user-failed': 'create the user by hand once (useradd -u UID), then run apply again',
  'apply-skipped': 'fix the failure reported for the other node first; nothing was written here',
  // transport (SSH and local)
  'ssh-no-endpoint': 'add nodes.NODE.ssh.host to the stack',
  'ssh-host-unknown': 'check the fingerprint, then pass --accept-new-host-keys once to record it in known_hosts',
  'ssh-host-key-changed': 'find out why the key changed; if it is expected, remove the old key from known_hosts (ssh-keygen -R HOST)',
  'ssh-host-key-revoked': 'the key is marked @revoked in known_hosts: the machine must get a new host key',
  'ssh-connect-failed': 'check the address, the port and that sshd runs on the node',
  'ssh-auth-failed': 'set ssh.identityFile or start an ssh-agent with a key the node accepts',
  'ssh-connection-lost': 'run the command again once the node answers; nothing half-written stays behind',
  'transport-command-failed': 'the message quotes the command and its output on the node',
  'transport-write-failed': 'check the free space, the owner and the permissions on the node',
  'transport-read-failed': 'check that the file is readable by the SSH user (or through sudo)',
  'transport-unsafe-path': 'replace the link (or whatever is in the way) with a regular file or a real directory',
  // the network-namespace lab (src/netns)
  // runtimes (agent, keepalived, heartbeat, pacemaker) and the operations on them
  'runtime-command-failed': "the message quotes the runtime's own command and its output on the node",
  'runtime-not-ready': 'the cluster manager does not answer yet: look at its log on the node (hactl status shows which nodes answer)',
  'runtime-refused': 'the message names what this runtime can do instead',
  'runtime-unknown-target': 'use a node, group or resource name the stack defines',
  'runtime-fault-failed': 'check with hactl status STACK what runs where; the message quotes the command that failed',
  'runtime-no-node': 'bring the node up, or reach it (lab up, VM running, ssh endpoint)',
  'lab-spec-invalid': 'fix the lab spec: names, networks and addresses as the message says',
  'lab-not-found': 'bring the lab up first (hactl up STACK); hactl lab ls lists the labs on this machine',
  'lab-unknown-member': 'use a node or client name (and NIC) the lab has',
  'lab-not-isolated': 'give the node its own filesystem (isolateFs, the default for nodes)',
  'lab-command-failed': 'the message quotes the command and its output inside the lab',
  'lab-timeout': 'the command hung inside the lab: look at the lab logs under /run/hactl/lab/LAB/logs',
  'lab-not-ready': "the lab's network did not come up: check iproute2 and nft, and that no other lab uses the subnet",
  'lab-sshd-failed': 'install openssh-server; the sshd log in the message says why it stopped',
  'lab-cleanup-incomplete': 'run hactl lab rm LAB again; the message lists what is left',
  // the lab provider (hactl up/down/chaos/test failover on the lab)
  'lab-bad-request': 'see hactl help for the command: it names the arguments it needs',
  'lab-runtime-unsupported': 'choose a runtime the lab runs (agent, keepalived, heartbeat, pacemaker)',
  'lab-no-vip': 'give the stack a VIP (or name an existing service), and bring the cluster up first',
  'lab-not-healthy': 'look at the lab logs under /run/hactl/lab/LAB/logs and hactl status --lab STACK',
  'lab-place-failed': 'the message names the file and the node; check the lab node with hactl lab exec',
  'lab-chaos-failed': 'check with hactl status --lab STACK what runs where, then try again',
  'lab-packages-refused': "install the packages on this host (scripts/setup): lab nodes use the host's programs",
  // Vagrant (hactl up/down/status --provider vagrant)
  'vagrant-invalid-stack': 'fix the problems listed: Vagrant would only find them half-way through up, or never',
  'vagrant-missing': 'apt-get install vagrant vagrant-libvirt',
  'vagrant-provider-missing': 'install the Vagrant provider (vagrant-libvirt, or VirtualBox)',
  'vagrant-daemon-missing': 'start libvirtd (systemctl start libvirtd; without systemd: virtlogd -d && libvirtd -d)',
  'vagrant-box-missing': 'build the box with scripts/build-box, or vagrant box add it',
  'vagrant-command-failed': "the message quotes Vagrant's own error",
  'vagrant-not-created': 'bring the machines up first: hactl up --provider vagrant STACK',
  'vagrant-provision-failed': 'the message names the machine and the step; hactl up --provider vagrant again resumes',
  // the bundled agent and its control socket
  'agent-config': 'fix the agent config as listed (render it with hactl render, or check it with hactl check)',
  'agent-compat': 'fix ha.cf, haresources or authkeys as listed',
  'agent-not-running': 'start the agent (hactl agent), or pass --socket, --config or --lab STACK',
  'timeout': 'the agent did not answer in time: is it overloaded or stopped (kill -STOP)?',
  'protocol': 'the agent answered something this hactl does not understand: run the same hactl version on every node',
  'bad-request': 'this hactl sent a request the agent refuses: run the same hactl version on every node',
  'unknown-node': 'use a node name from hactl status',
  'unknown-group': 'use a group name from hactl status',
  'unknown-resource': 'use a group or resource name from hactl status',
  // installing the bundled agent on VMs and servers (src/provider/host/agent-install.ts)
  // DRBD's one-time set-up on VMs and servers (src/provider/host/drbd-bootstrap.ts)
  'runtime-drbd-bootstrap-failed': "the message quotes drbdadm's own error on the node (is the drbd kernel module there? the peer reachable on the DRBD port?)",
  'runtime-drbd-disk-in-use': 'the disk holds data hactl will not overwrite: check it is the right disk, wipe it yourself (wipefs -a), or pass --drbd-overwrite',
  'runtime-agent-install-failed': "the message names the node and the step; the agent needs the machine's Node.js >= 18 (Debian 12: apt-get install nodejs)",
} as const;

export type Code = keyof typeof codes;

/** Whether a code from elsewhere (an agent's answer, a file) is one of hactl's. */
export const isCode = (code: string): code is Code => Object.hasOwn(codes, code);
