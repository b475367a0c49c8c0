import { Type, type Static } from '@sinclair/typebox';
import { doc, mark } from './annotate.js';
import {
  AbsPath,
  Duration,
  FilePath,
  HostName,
  OneOf,
  Ipv4,
  Ipv4Cidr,
  KeyedUnion,
  Name,
  NicRef,
  NodeRef,
  Port,
  PropertyName,
  ScoreValue,
  SecretRef,
  Text,
} from './primitives.js';
import { ResourceEntry } from './resources.js';

// Every field carries a description: YAML editors show it through the JSON Schema, TypeScript editors through the
// DSL types generated from this file (src/dsl/types.ts); test/model/descriptions.test.ts keeps it that way.

export const SCHEMA_ID = 'https://hactl.dev/schema/cluster.schema.json';

const Role = Type.Union([Type.Literal('service'), Type.Literal('interconnect'), Type.Literal('both')], {
  description: 'What the NIC carries: service traffic, heartbeats, or both (default: interconnect when a heartbeat link names it)',
});

const NicSpec = mark(
  Type.Object(
    {
      address: doc(Ipv4Cidr, "The node's address on this NIC, with prefix, e.g. 10.0.0.11/24"),
      role: Type.Optional(Role),
      gateway: Type.Optional(doc(Ipv4, 'The default gateway reached through this NIC')),
    },
    { additionalProperties: false, description: 'A NIC with its role or gateway' },
  ),
  { name: 'NicSpec' },
);

const Nic = Type.Union([doc(Ipv4Cidr, "The node's address on this NIC, with prefix, e.g. 10.0.0.11/24"), NicSpec], {
  description: 'address/prefix, or {address, role}',
});

const Ssh = mark(
  Type.Object(
    {
      host: Text({ minLength: 1, description: 'The host name or address plan and apply connect to' }),
      port: Type.Optional(doc(Port, 'The SSH port (default 22)')),
      user: Type.Optional(Text({ description: 'The login user (default: root)' })),
      identityFile: Type.Optional(Text({ description: 'The private key file (~ is your home directory)' })),
      sudo: Type.Optional(Type.Boolean({ description: 'Run the commands that need root through sudo' })),
    },
    { additionalProperties: false, description: 'How plan and apply reach the node over SSH' },
  ),
  { name: 'Ssh' },
);

const ForwardedPort = Type.Object(
  {
    id: Type.Optional(Text({ description: 'The name Vagrant gives the forward (ssh replaces its default SSH forward)' })),
    guest: doc(Port, 'The port inside the VM'),
    host: doc(Port, 'The port on the host'),
  },
  { additionalProperties: false, description: 'A Vagrant port forward' },
);

const Node = mark(
  Type.Object(
    {
      nics: mark(
        Type.Record(Name, Nic, {
          minProperties: 1,
          additionalProperties: false,
          description: "The node's NICs by interface name (eth0: 10.0.0.11/24)",
        }),
        { keys: 'define-nic' },
      ),
      ssh: Type.Optional(Ssh),
      forwardedPorts: Type.Optional(Type.Array(ForwardedPort, { description: 'Vagrant port forwards (e.g. ssh of two machines on host ports 2122 and 2222)' })),
    },
    { additionalProperties: false, description: 'A cluster member; its name under nodes is its hostname (uname -n)' },
  ),
  { name: 'NodeSpec' },
);

const Link = mark(
  Type.Object(
    {
      nic: doc(NicRef, 'The NIC the heartbeats go out on'),
      mode: Type.Optional(
        Type.Union([Type.Literal('ucast'), Type.Literal('bcast'), Type.Literal('mcast')], {
          description: 'ucast to each peer (default), bcast on the segment, or mcast to group',
        }),
      ),
      port: Type.Optional(doc(Port, 'The UDP port (udpport, default 694)')),
      group: Type.Optional(doc(Ipv4, 'The multicast group of an mcast link (224.0.0.0/4)')),
      ttl: Type.Optional(Type.Integer({ minimum: 1, maximum: 255, description: 'The TTL of mcast packets (default 1)' })),
      peers: Type.Optional(
        mark(
          Type.Record(Name, Ipv4, {
            additionalProperties: false,
            description: 'ucast target per node; defaults to the other node’s address on this NIC',
          }),
          { keys: 'node' },
        ),
      ),
      ucastTargets: Type.Optional(
        OneOf(['peers', 'all'], {
          description: 'peers: each node lists the others (stacks/000-memcached-heartbeat.yaml); all: every node lists every address, heartbeat skips its own (stacks/001-web-pacemaker-heartbeat.yaml)',
        }),
      ),
    },
    { additionalProperties: false, description: 'A heartbeat link (ha.cf ucast, bcast or mcast line)' },
  ),
  { name: 'HeartbeatLink' },
);

const Respawn = Type.Object(
  {
    user: doc(Name, 'The user the program runs as'),
    command: Text({ minLength: 1, description: 'The program and its arguments' }),
  },
  { additionalProperties: false, description: 'A program heartbeat starts and restarts (ha.cf respawn)' },
);

const Heartbeat = mark(
  Type.Object(
    {
      interconnect: Type.Union([Link, Type.Array(Link, { minItems: 1 })], {
        description: 'The heartbeat link, or several (redundant rings)',
      }),
      keepalive: Type.Optional(Duration('10m', 'How often a node sends a heartbeat (ha.cf keepalive, default 2s)')),
      warntime: Type.Optional(Duration('1h', 'Silence before a late-heartbeat warning (warntime, default 5 × keepalive)')),
      deadtime: Type.Optional(Duration('1h', 'Silence before a node is declared dead (deadtime, default 15 × keepalive)')),
      deadping: Type.Optional(Duration('1h', 'Silence before a ping node is declared dead (deadping)')),
      initdead: Type.Optional(Duration('1h', 'deadtime right after start, while the network comes up (initdead, default 4 × deadtime)')),
      autoFailback: Type.Optional(Type.Boolean({ description: 'Move resources back to their preferred node when it returns (auto_failback, default false)' })),
      watchdog: Type.Optional(
        Type.Union([doc(AbsPath, 'The watchdog device, e.g. /dev/watchdog'), Type.Literal(false)], {
          description: 'The watchdog device heartbeat feeds (ha.cf watchdog), or false for none',
        }),
      ),
      ping: Type.Optional(Type.Array(Ipv4, { description: 'Ping nodes: addresses whose reachability counts (ha.cf ping)' })),
      pingd: Type.Optional(
        Type.Object(
          {
            multiplier: Type.Optional(Type.Integer({ description: 'Score per reachable ping node (-m, default 100)' })),
            dampen: Type.Optional(Duration('1h', 'Delay before a change is recorded (-d, default 5s)')),
            attribute: Type.Optional(doc(Name, 'The node attribute pingd sets (-a, default default_ping_set)')),
          },
          { additionalProperties: false, description: 'Run pingd (respawn) to turn ping reachability into a node attribute' },
        ),
      ),
      logfile: Type.Optional(doc(AbsPath, 'The log file (ha.cf logfile)')),
      logfacility: Type.Optional(
        Type.String({ pattern: '^(local[0-7]|daemon|user|none)$', description: 'The syslog facility (ha.cf logfacility: local0..local7, daemon, user, none)' }),
      ),
      debug: Type.Optional(Type.Integer({ minimum: 0, maximum: 255, description: 'The debug level (ha.cf debug)' })),
      respawn: Type.Optional(Type.Array(Respawn, { description: 'Extra respawn lines' })),
      apiauth: Type.Optional(Type.Array(Text({ minLength: 1 }), { description: 'apiauth lines, e.g. "ipfail gid=haclient uid=hacluster"' })),
      ifcheckd: Type.Optional(Type.Boolean({ description: 'respawn pm_extras ifcheckd (interconnect status in crm_mon)' })),
    },
    { additionalProperties: false, description: 'The heartbeat membership layer (ha.cf): for heartbeat, the agent and pacemaker on heartbeat' },
  ),
  { name: 'Heartbeat' },
);

const Corosync = mark(
  Type.Object(
    {
      version: Type.Union([Type.Literal(1), Type.Literal(3)], {
        description: '1: the 1.x whitetank file (compatibility: whitetank, udpu members); 3: a nodelist with knet or udpu and votequorum',
      }),
      transport: Type.Optional(
        Type.Union([Type.Literal('udpu'), Type.Literal('udp'), Type.Literal('knet')], {
          description: 'udpu (unicast, default for version 1), udp (multicast) or knet (default for version 3)',
        }),
      ),
      mcastport: Type.Optional(doc(Port, 'The totem port (default 5405)')),
      ttl: Type.Optional(Type.Integer({ minimum: 1, maximum: 255, description: 'The TTL of multicast packets (default 1)' })),
      secauth: Type.Optional(Type.Boolean({ description: 'Encrypt and authenticate totem traffic (default on for knet)' })),
      interconnect: Type.Optional(doc(NicRef, 'The NIC totem runs on (default: the first interconnect NIC)')),
      twoNode: Type.Optional(Type.Boolean({ description: 'votequorum two_node: 1 (default for two nodes)' })),
      logfile: Type.Optional(doc(AbsPath, 'The log file')),
      debug: Type.Optional(Type.Boolean({ description: 'Debug logging' })),
      toSyslog: Type.Optional(Type.Boolean({ description: 'Log to syslog too (default true)' })),
      timestamp: Type.Optional(Type.Boolean({ description: 'Timestamps in the log (default true)' })),
      token: Type.Optional(Duration('10m', 'The totem token timeout')),
    },
    { additionalProperties: false, description: 'The corosync membership layer (corosync.conf): for pacemaker on corosync' },
  ),
  { name: 'Corosync' },
);

const Pacemaker = mark(
  Type.Object(
    {
      messaging: Type.Union([Type.Literal('heartbeat'), Type.Literal('corosync')], { description: 'The membership layer Pacemaker runs on' }),
      syntax: Type.Optional(
        Type.Union([Type.Literal('1.0'), Type.Literal('2')], { description: 'crm syntax: "1.0" as in the seeds (ms), or "2" (promotable clones)' }),
      ),
      haCf: Type.Optional(
        Type.Union([Type.Literal('pacemaker on'), Type.Literal('crm on')], { description: 'How ha.cf starts Pacemaker on heartbeat (default pacemaker on)' }),
      ),
      format: Type.Optional(
        Type.Union([Type.Literal('crmsh'), Type.Literal('cib'), Type.Literal('both')], {
          description: 'Render a crm configure script, a cib.xml, or both (default crmsh)',
        }),
      ),
    },
    { additionalProperties: false, description: 'The Pacemaker cluster manager' },
  ),
  { name: 'Pacemaker' },
);

const Auth = mark(
  Type.Object(
    {
      method: OneOf(['crc', 'md5', 'sha1', 'sha256'], {
        description: 'crc (checks nothing, warned), md5, sha1 (heartbeat) or sha256 (the bundled agent)',
      }),
      keyFrom: Type.Optional(doc(SecretRef, 'Where the cluster key comes from: { env }, { file, generate } or (warned) { value }')),
    },
    { additionalProperties: false, description: 'How cluster messages are signed (heartbeat authkeys, the agent)' },
  ),
  { name: 'Auth' },
);

const VrrpNode = Type.Object(
  {
    state: Type.Union([Type.Literal('MASTER'), Type.Literal('BACKUP')], { description: 'The initial state (state)' }),
    priority: Type.Integer({ minimum: 1, maximum: 255, description: 'The priority: the MASTER’s is the highest (priority)' }),
    interface: Type.Optional(doc(NicRef, "This node's interface, when it differs from the instance's")),
  },
  { additionalProperties: false, description: "A node's part in the instance" },
);

const Vrrp = mark(
  Type.Object(
    {
      name: doc(Name, 'The instance name (vrrp_instance NAME)'),
      interface: doc(NicRef, 'The NIC the adverts go out on (interface)'),
      vrid: Type.Integer({ description: 'virtual_router_id, 1..255, unique per network segment' }),
      version: Type.Optional(Type.Union([Type.Literal(2), Type.Literal(3)], { description: 'The VRRP version (default 2)' })),
      advertInt: Type.Optional(Duration('10m', 'How often the MASTER sends adverts (advert_int, default 1s)')),
      auth: Type.Optional(
        Type.Object(
          {
            type: Type.Union([Type.Literal('PASS'), Type.Literal('AH')], { description: 'auth_type' }),
            passFrom: doc(SecretRef, 'Where the password comes from (at most 8 characters for PASS)'),
          },
          { additionalProperties: false, description: 'VRRP authentication (authentication { auth_type auth_pass })' },
        ),
      ),
      nodes: mark(
        Type.Record(Name, VrrpNode, { minProperties: 1, additionalProperties: false, description: 'State and priority per node' }),
        { keys: 'node' },
      ),
      vips: Type.Array(Type.Union([Ipv4, Ipv4Cidr]), { minItems: 1, description: 'The virtual addresses (virtual_ipaddress)' }),
      excludedVips: Type.Optional(
        Type.Array(Type.Union([Ipv4, Ipv4Cidr]), { description: 'Addresses moved but not announced (virtual_ipaddress_excluded)' }),
      ),
      notify: Type.Optional(
        Type.Object(
          {
            master: Type.Optional(doc(AbsPath, 'The program run on becoming MASTER (notify_master)')),
            backup: Type.Optional(doc(AbsPath, 'The program run on becoming BACKUP (notify_backup)')),
            fault: Type.Optional(doc(AbsPath, 'The program run on a fault (notify_fault)')),
            stop: Type.Optional(doc(AbsPath, 'The program run when keepalived stops the instance (notify_stop)')),
          },
          { additionalProperties: false, description: 'Programs keepalived runs on state changes' },
        ),
      ),
      track: Type.Optional(Type.Array(mark(doc(Name, Name.description!), { ref: 'script' }), { description: 'Track scripts (names under keepalived.scripts) whose failure lowers the priority' })),
      nopreempt: Type.Optional(Type.Boolean({ description: 'A returning higher-priority node does not take over (nopreempt)' })),
      unicast: Type.Optional(Type.Boolean({ description: 'Send adverts to the peers’ addresses instead of multicast' })),
      garpMasterDelay: Type.Optional(Duration('1h', 'Delay before the second gratuitous ARP after becoming MASTER (garp_master_delay)')),
    },
    { additionalProperties: false, description: 'A VRRP instance (keepalived vrrp_instance)' },
  ),
  { name: 'VrrpInstance' },
);

const TrackScript = Type.Object(
  {
    script: Text({
      minLength: 1,
      description: "A command line: words separated by spaces; a word with spaces goes in single quotes (keepalived's own syntax)",
    }),
    interval: Type.Optional(Duration('24h', 'How often the script runs (default 2s)')),
    weight: Type.Optional(Type.Integer({ minimum: -253, maximum: 253, description: 'Added to the priority while the script fails (negative) or passes (positive)' })),
    fall: Type.Optional(Type.Integer({ minimum: 1, description: 'Failures in a row before the script counts as failed' })),
    rise: Type.Optional(Type.Integer({ minimum: 1, description: 'Successes in a row before the script counts as passing' })),
    user: Type.Optional(doc(Name, 'The user the script runs as (script_user)')),
  },
  { additionalProperties: false, description: 'A keepalived vrrp_script' },
);

const Keepalived = mark(
  Type.Object(
    {
      notificationEmail: Type.Optional(Type.Array(Text({ minLength: 1 }), { description: 'Addresses keepalived mails on state changes (notification_email)' })),
      notificationEmailFrom: Type.Optional(Text({ minLength: 1, description: 'The sender of those mails (notification_email_from)' })),
      smtpServer: Type.Optional(Text({ minLength: 1, description: 'The SMTP server (smtp_server)' })),
      smtpConnectTimeout: Type.Optional(Type.Integer({ minimum: 1, maximum: 3600, description: 'seconds (keepalived smtp_connect_timeout)' })),
      routerId: Type.Optional(Text({ minLength: 1, description: 'router_id (default: the hostname)' })),
      scripts: Type.Optional(
        mark(Type.Record(Name, TrackScript, { additionalProperties: false, description: 'Track scripts by name (vrrp_script NAME)' }), {
          keys: 'define-script',
        }),
      ),
      maxVips: Type.Optional(Type.Integer({ minimum: 1, description: 'VIPs beyond this count go to virtual_ipaddress_excluded (default: 20 on centos6)' })),
    },
    { additionalProperties: false, description: "keepalived's global_defs and track scripts" },
  ),
  { name: 'Keepalived' },
);

const DrbdHost = Type.Object(
  {
    device: doc(AbsPath, 'The DRBD device, e.g. /dev/drbd0'),
    disk: doc(AbsPath, 'The backing disk, e.g. /dev/sdb1'),
    address: Type.Optional(doc(Ipv4, 'The replication address (default: the node’s interconnect address)')),
    metaDisk: Type.Optional(
      Type.String({ pattern: '^(internal|/[A-Za-z0-9_./:+-]+( \\[[0-9]+\\])?)$', description: 'internal, or a device with an optional [index]' }),
    ),
  },
  { additionalProperties: false, description: "A node's side of the resource (drbd.conf on HOST { ... })" },
);

const Drbd = mark(
  Type.Object(
    {
      name: doc(Name, 'The resource name (drbd.conf resource NAME)'),
      version: Type.Optional(Type.Union([Type.Literal('8.4'), Type.Literal('9')], { description: 'The DRBD version (default: the platform’s)' })),
      protocol: Type.Optional(Text({ description: 'The replication protocol: A, B or C (default C)' })),
      port: Type.Optional(doc(Port, 'The replication port (default 7789)')),
      syncerRate: Type.Optional(Type.String({ pattern: '^[0-9]+[KMG]?$', description: 'The resync rate, e.g. 200M' })),
      onIoError: Type.Optional(OneOf(['pass_on', 'call-local-io-error', 'detach', 'panic'], { description: 'What a disk error does (on-io-error)' })),
      nodes: mark(
        Type.Record(Name, DrbdHost, { minProperties: 2, additionalProperties: false, description: 'Device, disk and address per node' }),
        { keys: 'node' },
      ),
    },
    { additionalProperties: false, description: 'A DRBD resource (drbd.conf)' },
  ),
  { name: 'DrbdConfig' },
);

const RoleName = (description: string) =>
  Type.Union([Type.Literal('master'), Type.Literal('slave'), Type.Literal('started')], { description });
const ConstraintId = Type.Optional(doc(Name, 'The constraint id (derived when omitted)'));
/** A group, resource or DRBD master of this stack, by its name (TypeScript stacks check it at compile time). */
const ResourceRef = (description: string) => mark(doc(Name, description), { ref: 'resource' });

const Location = mark(
  Type.Object(
    {
      location: Type.Object(
        {
          rsc: ResourceRef('The resource, group or master/slave placed'),
          node: doc(NodeRef, 'The node'),
          score: Type.Optional(doc(ScoreValue, 'How strongly (default 100; -INFINITY: never there)')),
          role: Type.Optional(RoleName('Only for this role, e.g. master')),
        },
        { additionalProperties: false, description: 'Where a resource prefers to run (crm location)' },
      ),
      id: ConstraintId,
    },
    { additionalProperties: false, required: ['location'], description: 'A location constraint' },
  ),
  { name: 'LocationConstraint' },
);

const Colocation = mark(
  Type.Object(
    {
      colocation: Type.Object(
        {
          rsc: ResourceRef('The resource placed'),
          with: ResourceRef('The resource it must run with'),
          withRole: Type.Optional(RoleName('The role of the other resource, e.g. master')),
          score: Type.Optional(doc(ScoreValue, 'How strongly (default INFINITY)')),
        },
        { additionalProperties: false, description: 'Which resources run together (crm colocation)' },
      ),
      id: ConstraintId,
    },
    { additionalProperties: false, required: ['colocation'], description: 'A colocation constraint' },
  ),
  { name: 'ColocationConstraint' },
);

const Action = (description: string) => OneOf(['start', 'promote', 'demote', 'stop'], { description });

const Order = mark(
  Type.Object(
    {
      order: Type.Object(
        {
          first: ResourceRef('The resource acted on first'),
          firstAction: Type.Optional(Action('Its action (default start)')),
          then: ResourceRef('The resource acted on after it'),
          thenAction: Type.Optional(Action('Its action (default start)')),
          kind: Type.Optional(
            Type.Union([Type.Literal('Mandatory'), Type.Literal('Optional'), Type.Literal('Serialize')], { description: 'The order kind (default Mandatory)' }),
          ),
        },
        { additionalProperties: false, description: 'In which order resources start (crm order)' },
      ),
      id: ConstraintId,
    },
    { additionalProperties: false, required: ['order'], description: 'An order constraint' },
  ),
  { name: 'OrderConstraint' },
);

const Constraint = mark(KeyedUnion([Location, Colocation, Order], ['location', 'colocation', 'order'], 'A constraint: exactly one of location, colocation, order'), {
  name: 'Constraint',
});

const FirewallRule = mark(
  Type.Object(
    {
      chain: Type.Optional(Type.Union([Type.Literal('INPUT'), Type.Literal('OUTPUT'), Type.Literal('FORWARD')], { description: 'The chain (default INPUT)' })),
      proto: Type.Union([Type.Literal('tcp'), Type.Literal('udp'), Type.Literal('icmp'), Type.Literal('vrrp')], { description: 'The protocol (-p)' }),
      dport: Type.Optional(doc(Port, 'The destination port (--dport)')),
      source: Type.Optional(Type.Union([Ipv4, Ipv4Cidr], { description: 'The source address or network (-s)' })),
      action: Type.Optional(Type.Union([Type.Literal('ACCEPT'), Type.Literal('DROP'), Type.Literal('REJECT')], { description: 'The target (-j, default ACCEPT)' })),
      comment: Type.Optional(Text({ description: 'A comment shown by iptables -L (-m comment)' })),
    },
    { additionalProperties: false, description: 'An iptables rule, placed before the ones the stack implies' },
  ),
  { name: 'FirewallRule' },
);

const Firewall = mark(
  Type.Object(
    {
      implied: Type.Optional(Type.Boolean({ description: 'Open what the model implies (interconnect, DRBD, VRRP, service ports); default true' })),
      defaultPolicy: Type.Optional(
        OneOf(['REJECT', 'DROP', 'ACCEPT'], {
          description:
            'What INPUT does with traffic no rule accepts: REJECT (default: a final REJECT rule, as RHEL ships), DROP (the chain policy), ACCEPT (open: the rules then open nothing)',
        }),
      ),
      rules: Type.Optional(Type.Array(FirewallRule, { description: 'Rules of your own, in order, before the implied ones' })),
    },
    { additionalProperties: false, description: 'The iptables rules file of every node' },
  ),
  { name: 'Firewall' },
);

const Hosts = mark(
  Type.Object(
    {
      network: Type.Optional(
        Type.Union([Type.Literal('service'), Type.Literal('interconnect')], { description: 'Which address of each node /etc/hosts maps its name to' }),
      ),
      extra: Type.Optional(
        Type.Array(
          Type.Object(
            {
              ip: doc(Ipv4, 'The address'),
              names: Type.Array(HostName, { minItems: 1, description: 'Its names' }),
            },
            { additionalProperties: false, description: 'An extra /etc/hosts line' },
          ),
          { description: 'Extra /etc/hosts lines' },
        ),
      ),
    },
    { additionalProperties: false, description: 'Render /etc/hosts with every node' },
  ),
  { name: 'Hosts' },
);

const User = mark(
  Type.Object(
    {
      name: doc(Name, 'The login name'),
      uid: Type.Optional(Type.Integer({ minimum: 1, maximum: 65000, description: 'The uid, the same on every node' })),
      gid: Type.Optional(Type.Integer({ minimum: 1, maximum: 65000, description: 'The gid of its primary group' })),
      shell: Type.Optional(doc(AbsPath, 'The login shell, e.g. /sbin/nologin')),
      home: Type.Optional(doc(AbsPath, 'The home directory')),
      sharedData: Type.Optional(Type.Boolean({ description: 'The user writes data shared between nodes (then the UID must be pinned)' })),
    },
    { additionalProperties: false, description: 'A user apply creates on every node (refusing a clash of name or uid)' },
  ),
  { name: 'User' },
);

const File = mark(
  Type.Object(
    {
      path: doc(FilePath, 'Where the file goes on the node'),
      content: Type.String({ description: 'The content (may span lines)' }),
      mode: Type.Optional(Type.String({ pattern: '^0?[0-7]{3,4}$', description: 'The octal mode, e.g. "0755" (default 0644)' })),
      owner: Type.Optional(Text({ description: 'The owner, e.g. root or root:root' })),
      nodes: Type.Optional(Type.Array(NodeRef, { description: 'Only on these nodes (default: every node)' })),
    },
    { additionalProperties: false, description: 'An extra file placed on the nodes (notify scripts, configs)' },
  ),
  { name: 'File' },
);

const Vagrant = mark(
  Type.Object(
    {
      box: Type.Optional(Text({ description: 'The Vagrant box (default per platform, e.g. hactl/debian12)' })),
      provider: Type.Optional(Type.Union([Type.Literal('libvirt'), Type.Literal('virtualbox')], { description: 'The Vagrant provider' })),
      memory: Type.Optional(Type.Integer({ minimum: 128, description: 'Memory per VM in MiB' })),
      cpus: Type.Optional(Type.Integer({ minimum: 1, description: 'CPUs per VM' })),
    },
    { additionalProperties: false, description: 'The Vagrant machines of up --provider vagrant' },
  ),
  { name: 'Vagrant' },
);

const Agent = mark(
  Type.Object(
    {
      controlSocket: Type.Optional(doc(AbsPath, "The agent's control socket (status, standby, move talk to it)")),
      fencing: Type.Optional(
        Type.Object(
          { command: Text({ minLength: 1, description: 'The command that fences a node; NODE is replaced by its name' }) },
          { additionalProperties: false, description: 'How the agent fences a node that failed to stop a resource' },
        ),
      ),
      pingWeight: Type.Optional(Type.Integer({ description: 'Score per reachable ping node' })),
      metrics: Type.Optional(
        Type.Union([Port, Type.String({ pattern: '^(?:(?:\\[[0-9A-Fa-f:.]+\\]|[0-9.]+|localhost):)?[0-9]{1,5}$' })], {
          description: "Where each node's agent serves Prometheus metrics (GET /metrics): a port (127.0.0.1 only) or HOST:PORT; absent = no endpoint",
        }),
      ),
    },
    { additionalProperties: false, description: "hactl's bundled agent" },
  ),
  { name: 'Agent' },
);

export const Runtime = OneOf(['heartbeat', 'pacemaker', 'keepalived', 'agent'], {
  description: 'What runs the cluster: heartbeat v1 (haresources), Pacemaker, keepalived VRRP, or hactl’s bundled agent',
});
export const Platform = Type.Union([Type.Literal('centos6'), Type.Literal('debian12')], {
  description: 'Paths and commands: centos6 (the seeds: yum, chkconfig, service) or debian12 (default: apt, systemctl)',
});

export const Cluster = mark(
  Type.Object(
    {
      $schema: Type.Optional(Text({ description: 'The JSON Schema this file follows (for editors)' })),
      cluster: doc(Name, 'The cluster name (corosync cluster_name, comments, the lab name)'),
      description: Type.Optional(Text({ description: 'What the cluster is for' })),
      runtime: Runtime,
      platform: Type.Optional(Platform),
      nodes: mark(
        Type.Record(Name, Node, { minProperties: 1, additionalProperties: false, description: 'The cluster members by hostname' }),
        { keys: 'define-node' },
      ),
      heartbeat: Type.Optional(Heartbeat),
      corosync: Type.Optional(Corosync),
      pacemaker: Type.Optional(Pacemaker),
      auth: Type.Optional(Auth),
      resources: Type.Optional(Type.Array(ResourceEntry, { description: 'Groups and resources' })),
      constraints: Type.Optional(Type.Array(Constraint, { description: 'location, colocation and order constraints' })),
      properties: Type.Optional(
        Type.Record(PropertyName, Type.Union([Text(), Type.Number(), Type.Boolean()]), {
          additionalProperties: false,
          description: 'Cluster properties (stonith-enabled, no-quorum-policy), on one crm property line',
        }),
      ),
      drbd: Type.Optional(Type.Array(Drbd, { description: 'DRBD resources (drbd.conf)' })),
      vrrp: Type.Optional(Type.Array(Vrrp, { description: 'VRRP instances (keepalived.conf)' })),
      keepalived: Type.Optional(Keepalived),
      firewall: Type.Optional(Firewall),
      hosts: Type.Optional(Hosts),
      users: Type.Optional(Type.Array(User, { description: 'Users with pinned uids' })),
      files: Type.Optional(Type.Array(File, { description: 'Extra files (notify scripts, ...)' })),
      vagrant: Type.Optional(Vagrant),
      agent: Type.Optional(Agent),
    },
    {
      $id: SCHEMA_ID,
      title: 'hactl cluster stack',
      description: 'A Linux high-availability cluster: nodes, interconnect, resources and the runtime that runs them',
      additionalProperties: false,
    },
  ),
  { name: 'Cluster' },
);

/** What a stack author writes (YAML or `defineCluster`). */
export type ClusterInput = Static<typeof Cluster>;
