import { Type, type TSchema } from '@sinclair/typebox';
import { Computed, Defaulted, Explained, Matching, Normalized, OneOf, Text } from './define.js';
import { AGENT_CONFIG_PATH, DEFAULT_CONTROL_SOCKET, DEFAULT_RUN_DIR } from './paths.js';

// The agent's own configuration document (JSON), declared once. The renderer writes it from the cluster model; the
// heartbeat v1 reader builds it from ha.cf/haresources/authkeys. It is complete: the agent reads nothing else.
// `npm run schema` writes schema/agent.schema.json from it; parse.ts reads documents with it.

export const AGENT_SCHEMA_ID = 'https://hactl.dev/schema/agent.schema.json';

const NAME = '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$';
const NAME_HINT = '1-64 characters of letters, digits, _ . - (starting with a letter or digit)';
const Name = (description?: string) => Matching(NAME, NAME_HINT, description === undefined ? {} : { description });
const AbsPath = (options: { description?: string } = {}) => Matching('^/', 'an absolute path', options);
const Port = (description?: string) => Type.Integer({ minimum: 1, maximum: 65535, ...(description === undefined ? {} : { description }) });
/** Checked by the parser's format table (read.ts): IPv4 or IPv6. */
const Ip = (description?: string) => Text({ format: 'ip', ...(description === undefined ? {} : { description }) });
const Ipv4 = Text({ format: 'ipv4' });

const Node = Type.Object(
  {
    name: Name(),
    addresses: Defaulted(
      Type.Record(Type.String(), Type.String({ minLength: 1, pattern: '.' }), {
        description:
          'This node\'s interconnect address per link name, "ip" or "ip/prefix". Used to bind (own node) and as ucast ' +
          'destination (other nodes). May be omitted for the local node when the link names an `iface` (discovered).',
      }),
      {},
    ),
  },
  { additionalProperties: false, title: 'node' },
);

const Link = Type.Object(
  {
    name: Name('Link name, referenced by nodes[].addresses.'),
    mode: OneOf(['ucast', 'bcast', 'mcast']),
    port: Defaulted(Port('UDP port.'), 694),
    iface: Type.Optional(Text({ description: 'Interface carrying this link; used to find the local address when none is listed.' })),
    group: Type.Optional(Ip('mcast: group address, e.g. 239.0.0.43. Required for mcast.')),
    ttl: Defaulted(Type.Integer({ minimum: 1, maximum: 255, description: 'mcast: TTL.' }), 1),
    broadcast: Type.Optional(Ip('bcast: destination; default the directed broadcast of the local address.')),
    peers: Defaulted(
      Type.Array(Ip(), { description: 'ucast: extra destinations when node addresses are not known (heartbeat v1 `ucast eth1 IP`).' }),
      [],
    ),
  },
  { additionalProperties: false, title: 'link' },
);

const Auth = Type.Object(
  {
    method: Defaulted(OneOf(['sha1', 'sha256', 'md5', 'crc'], { description: 'HMAC algorithm; `crc` authenticates nothing (corruption check only).' }), 'sha256'),
    key: Computed(Text(), 'Shared secret (the resolved key; the file must be mode 0600). Required unless method is crc. Never logged.'),
  },
  { additionalProperties: false, description: 'How heartbeats are signed.' },
);

const Timings = Type.Object(
  {
    keepaliveMs: Defaulted(Type.Integer({ minimum: 1, description: 'Interval between heartbeats.' }), 1000),
    warntimeMs: Computed(
      Type.Integer({ minimum: 1 }),
      'A peer silent this long is "warn" (late heartbeat). Default 2 x keepaliveMs, at most deadtimeMs.',
    ),
    deadtimeMs: Computed(Type.Integer({ minimum: 2 }), 'A peer silent this long is "dead". Default 3000, or 3 x keepaliveMs when that is longer.'),
    initdeadMs: Computed(
      Type.Integer({ minimum: 1 }),
      'After start, how long to wait for peers not yet heard before declaring them dead. Default 2 x deadtimeMs.',
    ),
  },
  { additionalProperties: false, description: 'heartbeat semantics, in milliseconds.' },
);

const Ping = Type.Object(
  {
    targets: Defaulted(Type.Array(Ipv4, { description: 'IPv4 addresses pinged continuously.' }), []),
    weight: Defaulted(Type.Integer({ minimum: 0, description: 'Location score per reachable target (pingd multiplier).' }), 100),
    minReachable: Computed(
      Type.Integer({ minimum: 0 }),
      'A node reaching fewer targets runs nothing; at most the number of targets. Default 1 when targets exist, else 0.',
    ),
    intervalMs: Defaulted(Type.Integer({ minimum: 2, description: 'Echo interval.' }), 1000),
    deadMs: Computed(Type.Integer(), 'A target without a reply for this long is unreachable; at least intervalMs. Default 3 x intervalMs.'),
  },
  { additionalProperties: false, description: 'Ping nodes (like heartbeat `ping` + pingd). Default: no targets.' },
);

const Quorum = Type.Object(
  {
    policy: Defaulted(OneOf(['stop', 'ignore', 'freeze'], { description: 'What a partition without quorum does (no-quorum-policy).' }), 'stop'),
    expectedVotes: Computed(Type.Integer({ minimum: 1 }), 'Votes of the full cluster; at least the number of nodes. Default: the number of nodes.'),
    twoNode: Defaulted(Type.Boolean({ description: 'With exactly 2 expected votes, one node alone is quorate (corosync two_node).' }), true),
  },
  { additionalProperties: false },
);

const Command = (description = 'A shell string (run by /bin/sh -c) or an argv array (run directly).') =>
  Type.Union([Text(), Explained(Type.Array(Text(), { minItems: 1 }), 'must be a non-empty array of non-empty strings')], { description });

const Fencing = Type.Object(
  {
    command: Command('Run with HACTL_FENCE_NODE (target), HACTL_FENCE_REASON, HACTL_CLUSTER, HACTL_NODE (runner) in the env.'),
    timeoutMs: Defaulted(Type.Integer({ minimum: 1 }), 60000),
    onPeerDeath: Defaulted(Type.Boolean({ description: 'Also fence a peer declared dead before taking over its groups.' }), false),
  },
  { additionalProperties: false, description: 'Fencing hook; absent = no fencing.' },
);

const OnFail = (value: 'restart' | 'block') =>
  Defaulted(OneOf(['restart', 'block', 'stop', 'ignore', 'standby', 'fence']), value);
const Op = (onFail: 'restart' | 'block', description: string) =>
  Type.Object({ timeoutMs: Defaulted(Type.Integer({ minimum: 1 }), 20000), onFail: OnFail(onFail) }, { additionalProperties: false, description });

const Ops = Type.Object(
  {
    start: Defaulted(Op('restart', 'Default { timeoutMs: 20000, onFail: restart }.'), {}),
    stop: Defaulted(Op('block', 'Default { timeoutMs: 20000, onFail: block } (a failed stop leaves the group unclean, held on this node).'), {}),
    monitor: Defaulted(
      Type.Object(
        {
          intervalMs: Defaulted(Type.Integer({ minimum: 0, description: '0 disables the monitor.' }), 10000),
          timeoutMs: Defaulted(Type.Integer({ minimum: 1 }), 20000),
          onFail: OnFail('restart'),
        },
        { additionalProperties: false, description: 'Default { intervalMs: 10000, timeoutMs: 20000, onFail: restart }.' },
      ),
      {},
    ),
  },
  { additionalProperties: false },
);

/** A param or env value; numbers and booleans are taken as their text. */
const ParamValue = Normalized(Type.Union([Type.String(), Type.Number(), Type.Boolean()]), (v) => String(v));
const Params = (description: string) => Defaulted(Type.Record(Type.String(), ParamValue, { description }), {});

/** A resource class: `id`, `class` and `ops` first, then the class's own fields. */
function Resource<const C extends string, P extends Record<string, TSchema>>(cls: C, description: string, props: P) {
  return Type.Object(
    {
      id: Name('Unique across the whole document.'),
      class: Type.Literal(cls),
      ops: Defaulted(Ops, {}),
      ...props,
    },
    { additionalProperties: false, description },
  );
}

const IpAddr2 = Resource('ipaddr2', 'IPaddr2: `ip addr add/del`, gratuitous ARP with `arping -U`.', {
  ip: Ip(),
  cidr: Type.Integer({ minimum: 0, description: 'Prefix length: at most 32 for IPv4, 128 for IPv6.' }),
  nic: Matching('^[^\\s/]{1,15}$', 'an interface name'),
  label: Type.Optional(Text({ description: 'Interface label, e.g. eth0:0.' })),
  arpCount: Defaulted(Type.Integer({ minimum: 0, maximum: 100, description: 'Gratuitous ARPs sent after adding (IPv4); 0 disables.' }), 1),
});
const Lsb = Resource('lsb', 'LSB init script: start/stop/status, status 0 = running, 3 = stopped.', {
  name: Text(),
  path: Type.Optional(Text({ description: 'Script path; default /etc/init.d/<name>.' })),
  args: Defaulted(Type.Array(Text(), { description: 'Arguments before the action (heartbeat v1 `script::arg1::arg2`).' }), []),
});
const Heartbeat = Resource(
  'heartbeat',
  'A heartbeat v1 resource script, as haresources names it (`name::arg1::arg2`, found in resource.d, then init.d): ' +
    "start and stop by exit code, status by what it prints, as heartbeat's ResourceManager reads it.",
  {
    name: Text(),
    path: AbsPath(),
    args: Defaulted(Type.Array(Text(), { description: 'Arguments before the action.' }), []),
  },
);
const Ocf = Resource('ocf', 'OCF agent at $OCF_ROOT/resource.d/<provider>/<type>; params become OCF_RESKEY_<name>.', {
  provider: Name(),
  type: Name(),
  params: Params('OCF parameters.'),
  ocfRoot: Defaulted(Text(), '/usr/lib/ocf'),
});
const Systemd = Resource('systemd', 'A systemd unit.', { unit: Text() });
const Exec = Resource(
  'exec',
  'Commands. With `run`, the agent supervises that foreground process itself (start spawns it, stop signals it, ' +
    'monitor checks it is alive, then runs `monitor` if given). Monitor exit 0 = running, 7 = stopped, else failed. ' +
    'Give `run` or `start`, not both.',
  {
    run: Type.Optional(Command()),
    start: Type.Optional(Command()),
    stop: Type.Optional(Command()),
    monitor: Type.Optional(Command()),
    env: Params('Extra environment.'),
    cwd: Type.Optional(Text()),
  },
);
const Memcached = Resource('memcached', 'Monitor-only: `stats` over TCP must answer `STAT pid`.', {
  host: Defaulted(Text(), '127.0.0.1'),
  port: Defaulted(Port(), 11211),
});
const Http = Resource('http', 'Monitor-only: GET `url` (http:// only) must answer `expectStatus` and contain `expectBody` if given.', {
  url: Matching('^http://[^/\\s]+', 'an http:// URL (as the apache statusurl)'),
  expectStatus: Defaulted(Type.Integer({ minimum: 100, maximum: 599 }), 200),
  expectBody: Type.Optional(Text()),
});
const Tcp = Resource('tcp', 'Monitor-only: a TCP connect must succeed.', {
  host: Defaulted(Text(), '127.0.0.1'),
  port: Port(),
});
const Drbd = Resource('drbd', 'DRBD role: start promotes (drbdadm primary), stop demotes (drbdadm secondary).', {
  resource: Name(),
});
const Filesystem = Resource('filesystem', 'A mount.', {
  device: Text(),
  directory: AbsPath(),
  fstype: Matching('^[a-z0-9.]+$', 'a filesystem type such as ext4'),
  options: Type.Optional(Text({ description: 'mount -o value.' })),
});

/** Told apart by `class`; the order here is the order the parser names them in. */
export const AgentResourceSchema = Type.Union([IpAddr2, Lsb, Heartbeat, Ocf, Systemd, Exec, Memcached, Http, Tcp, Drbd, Filesystem], {
  title: 'resource',
});

/** A location score; JSON has no Infinity, so the strings stand for it. */
const Score = (description?: string) =>
  Normalized(
    Explained(
      Type.Union([Type.Number(), Type.Literal('INFINITY'), Type.Literal('+INFINITY'), Type.Literal('-INFINITY')], description === undefined ? {} : { description }),
      'must be a finite number, "INFINITY" or "-INFINITY"',
      true,
    ),
    (v): number | 'INFINITY' | '-INFINITY' => (v === '+INFINITY' ? 'INFINITY' : v),
  );

const NOTIFY =
  'keepalived-style notify scripts, run with args `GROUP STATE` and env HACTL_GROUP, HACTL_STATE, HACTL_NODE, HACTL_CLUSTER. ' +
  'master = the group became active here; backup = it is placed elsewhere; fault = it failed here.';
const Notify = (description: string) => Type.Object(
  {
    master: Type.Optional(Command()),
    backup: Type.Optional(Command()),
    fault: Type.Optional(Command()),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 1, description: 'Default 30000.' })),
  },
  { additionalProperties: false, description: `${description} ${NOTIFY}` },
);

const Group = Type.Object(
  {
    name: Name(),
    members: Type.Array(AgentResourceSchema, { minItems: 1, description: 'Members start in order and stop in reverse.' }),
    preferred: Type.Optional(Text({ description: 'Shorthand for a location score of `preferredScore` on this node.' })),
    preferredScore: Defaulted(Type.Integer(), 100),
    location: Defaulted(Type.Record(Type.String(), Score(), { description: "Node name -> score. '-INFINITY' bans." }), {}),
    migrationThreshold: Defaulted(
      Type.Integer({ minimum: 0, description: 'Failures of one member on a node before the group leaves that node; 0 = never.' }),
      3,
    ),
    failureTimeoutMs: Defaulted(Type.Integer({ minimum: 0, description: 'Failures older than this are forgotten; 0 = never.' }), 0),
    notify: Type.Optional(Notify('Per-group notify scripts; override the cluster-wide ones per event.')),
  },
  { additionalProperties: false },
);

const Colocation = Type.Object(
  {
    group: Text({ description: 'This group is placed relative to `with`.' }),
    with: Text(),
    score: Defaulted(Score("'INFINITY': same node (stopped if `with` runs nowhere); '-INFINITY': never the same node; numbers weigh."), 'INFINITY'),
  },
  { additionalProperties: false },
);

const Order = Type.Object(
  {
    first: Text(),
    then: Text(),
    kind: Defaulted(
      OneOf(['mandatory', 'optional'], {
        description: 'mandatory: `then` starts only while `first` runs somewhere. optional: only when both start together.',
      }),
      'mandatory',
    ),
  },
  { additionalProperties: false },
);

const Control = Type.Object(
  {
    socket: Defaulted(
      Matching('^[/{]', 'an absolute path', { description: 'Unix socket path (mode 0600). Placeholders as runDir.' }),
      DEFAULT_CONTROL_SOCKET,
    ),
  },
  { additionalProperties: false },
);

const Metrics = Type.Object(
  {
    listen: Matching(
      '^(?:(?:\\[[0-9A-Fa-f:.]+\\]|[0-9.]+|localhost):)?[0-9]{1,5}$',
      'a port (9464) or HOST:PORT (0.0.0.0:9464, [::1]:9464)',
      { description: 'Where GET /metrics answers in Prometheus text format. A bare port listens on 127.0.0.1 only.' },
    ),
  },
  { additionalProperties: false, description: 'The opt-in Prometheus endpoint; absent = none (the default).' },
);

const Log = Type.Object(
  {
    level: Defaulted(OneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace']), 'info'),
    file: Type.Optional(Text({ description: 'Append JSON lines to this file instead of stdout.' })),
  },
  { additionalProperties: false },
);

export const AgentConfigSchema = Type.Object(
  {
    $schema: Type.Optional(Type.Unknown({ description: 'The JSON Schema this document follows, for editors; the agent ignores it.' })),
    version: Defaulted(Type.Integer({ minimum: 1, maximum: 1, description: 'Format version of this document.' }), 1),
    cluster: Name('Cluster name; packets of other clusters are dropped.'),
    nodes: Type.Array(Node, {
      minItems: 1,
      description: 'Every cluster member. The local node is chosen at run time (`--node`). Order breaks placement ties.',
    }),
    links: Type.Array(Link, { minItems: 1, description: 'Heartbeat links; heartbeats go out on all of them.' }),
    auth: Auth,
    timings: Defaulted(Timings, {}),
    autoFailback: Defaulted(
      Type.Boolean({
        description: 'true: a group returns to its preferred node when that node comes back; false: it stays where it runs until that node fails.',
      }),
      false,
    ),
    ping: Defaulted(Ping, {}),
    quorum: Defaulted(Quorum, {}),
    fencing: Type.Optional(Fencing),
    groups: Type.Array(Group, { description: 'Resource groups.' }),
    colocations: Defaulted(Type.Array(Colocation), []),
    orders: Defaulted(Type.Array(Order), []),
    notify: Defaulted(Notify("Cluster-wide notify scripts; a group's own `notify` overrides per event."), {}),
    control: Defaulted(Control, {}),
    runDir: Defaulted(
      AbsPath({ description: 'Directory for pid files and the control socket. `{cluster}` and `{node}` are replaced.' }),
      DEFAULT_RUN_DIR,
    ),
    stateDir: Type.Optional(
      AbsPath({ description: 'Where admin state (standby, moves) and the boot generation persist; absent = memory only. Placeholders as runDir.' }),
    ),
    log: Defaulted(Log, {}),
    metrics: Type.Optional(Metrics),
    realtime: Defaulted(
      Type.Boolean({
        description:
          "As heartbeat's `realtime on`: when run as root, the agent's main thread gets SCHED_RR (reset on fork, so the commands it " +
          'runs do not), so a busy host does not delay heartbeats.',
      }),
      true,
    ),
  },
  {
    $id: AGENT_SCHEMA_ID,
    title: 'hactl agent config',
    additionalProperties: false,
    description: `The bundled agent's configuration (${AGENT_CONFIG_PATH}); the file holds the cluster key, so it must be mode 0600.`,
  },
);
