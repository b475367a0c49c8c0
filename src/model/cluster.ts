import { Type, type Static } from '@sinclair/typebox';
import { AbsPath, Duration, FilePath, HostName, OneOf, Ipv4, Ipv4Cidr, KeyedUnion, Name, Port, PropertyName, ScoreValue, SecretRef, Text } from './primitives.js';
import { ResourceEntry } from './resources.js';

export const SCHEMA_ID = 'https://hactl.dev/schema/cluster.schema.json';

const Nic = Type.Union([
  Ipv4Cidr,
  Type.Object(
    {
      address: Ipv4Cidr,
      role: Type.Optional(Type.Union([Type.Literal('service'), Type.Literal('interconnect'), Type.Literal('both')])),
      gateway: Type.Optional(Ipv4),
    },
    { additionalProperties: false },
  ),
], { description: 'address/prefix, or {address, role}' });

const Ssh = Type.Object(
  {
    host: Text({ minLength: 1 }),
    port: Type.Optional(Port),
    user: Type.Optional(Text()),
    identityFile: Type.Optional(Text()),
    sudo: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const ForwardedPort = Type.Object(
  { id: Type.Optional(Text()), guest: Port, host: Port },
  { additionalProperties: false },
);

const Node = Type.Object(
  {
    nics: Type.Record(Name, Nic, { minProperties: 1, additionalProperties: false }),
    ssh: Type.Optional(Ssh),
    forwardedPorts: Type.Optional(Type.Array(ForwardedPort)),
  },
  { additionalProperties: false },
);

const Link = Type.Object(
  {
    nic: Name,
    mode: Type.Optional(Type.Union([Type.Literal('ucast'), Type.Literal('bcast'), Type.Literal('mcast')])),
    port: Type.Optional(Port),
    group: Type.Optional(Ipv4),
    ttl: Type.Optional(Type.Integer({ minimum: 1, maximum: 255 })),
    peers: Type.Optional(Type.Record(Name, Ipv4, { additionalProperties: false, description: 'ucast target per node; defaults to the other node’s address on this NIC' })),
    ucastTargets: Type.Optional(
      OneOf(['peers', 'all'], { description: 'peers: each node lists the others (stacks/000-memcached-heartbeat.yaml); all: every node lists every address, heartbeat skips its own (stacks/001-web-pacemaker-heartbeat.yaml)' }),
    ),
  },
  { additionalProperties: false },
);

const Respawn = Type.Object({ user: Name, command: Text({ minLength: 1 }) }, { additionalProperties: false });

const Heartbeat = Type.Object(
  {
    interconnect: Type.Union([Link, Type.Array(Link, { minItems: 1 })]),
    keepalive: Type.Optional(Duration('10m')),
    warntime: Type.Optional(Duration('1h')),
    deadtime: Type.Optional(Duration('1h')),
    deadping: Type.Optional(Duration('1h')),
    initdead: Type.Optional(Duration('1h')),
    autoFailback: Type.Optional(Type.Boolean()),
    watchdog: Type.Optional(Type.Union([AbsPath, Type.Literal(false)])),
    ping: Type.Optional(Type.Array(Ipv4)),
    pingd: Type.Optional(
      Type.Object(
        { multiplier: Type.Optional(Type.Integer()), dampen: Type.Optional(Duration('1h')), attribute: Type.Optional(Name) },
        { additionalProperties: false },
      ),
    ),
    logfile: Type.Optional(AbsPath),
    logfacility: Type.Optional(Type.String({ pattern: '^(local[0-7]|daemon|user|none)$' })),
    debug: Type.Optional(Type.Integer({ minimum: 0, maximum: 255 })),
    respawn: Type.Optional(Type.Array(Respawn)),
    apiauth: Type.Optional(Type.Array(Text({ minLength: 1 }))),
    ifcheckd: Type.Optional(Type.Boolean({ description: 'respawn pm_extras ifcheckd (interconnect status in crm_mon)' })),
  },
  { additionalProperties: false },
);

const Corosync = Type.Object(
  {
    version: Type.Union([Type.Literal(1), Type.Literal(3)]),
    transport: Type.Optional(Type.Union([Type.Literal('udpu'), Type.Literal('udp'), Type.Literal('knet')])),
    mcastport: Type.Optional(Port),
    ttl: Type.Optional(Type.Integer({ minimum: 1, maximum: 255 })),
    secauth: Type.Optional(Type.Boolean()),
    interconnect: Type.Optional(Name),
    twoNode: Type.Optional(Type.Boolean()),
    logfile: Type.Optional(AbsPath),
    debug: Type.Optional(Type.Boolean()),
    toSyslog: Type.Optional(Type.Boolean()),
    timestamp: Type.Optional(Type.Boolean()),
    token: Type.Optional(Duration('10m')),
  },
  { additionalProperties: false },
);

const Pacemaker = Type.Object(
  {
    messaging: Type.Union([Type.Literal('heartbeat'), Type.Literal('corosync')]),
    syntax: Type.Optional(Type.Union([Type.Literal('1.0'), Type.Literal('2')])),
    haCf: Type.Optional(Type.Union([Type.Literal('pacemaker on'), Type.Literal('crm on')])),
    format: Type.Optional(Type.Union([Type.Literal('crmsh'), Type.Literal('cib'), Type.Literal('both')])),
  },
  { additionalProperties: false },
);

const Auth = Type.Object(
  { method: OneOf(['crc', 'md5', 'sha1', 'sha256']), keyFrom: Type.Optional(SecretRef) },
  { additionalProperties: false },
);

const VrrpNode = Type.Object(
  {
    state: Type.Union([Type.Literal('MASTER'), Type.Literal('BACKUP')]),
    priority: Type.Integer({ minimum: 1, maximum: 255 }),
    interface: Type.Optional(Name),
  },
  { additionalProperties: false },
);

const Vrrp = Type.Object(
  {
    name: Name,
    interface: Name,
    vrid: Type.Integer(),
    version: Type.Optional(Type.Union([Type.Literal(2), Type.Literal(3)])),
    advertInt: Type.Optional(Duration('10m')),
    auth: Type.Optional(
      Type.Object(
        { type: Type.Union([Type.Literal('PASS'), Type.Literal('AH')]), passFrom: SecretRef },
        { additionalProperties: false },
      ),
    ),
    nodes: Type.Record(Name, VrrpNode, { minProperties: 1, additionalProperties: false }),
    vips: Type.Array(Type.Union([Ipv4, Ipv4Cidr]), { minItems: 1 }),
    excludedVips: Type.Optional(Type.Array(Type.Union([Ipv4, Ipv4Cidr]))),
    notify: Type.Optional(
      Type.Object(
        { master: Type.Optional(AbsPath), backup: Type.Optional(AbsPath), fault: Type.Optional(AbsPath), stop: Type.Optional(AbsPath) },
        { additionalProperties: false },
      ),
    ),
    track: Type.Optional(Type.Array(Name)),
    nopreempt: Type.Optional(Type.Boolean()),
    unicast: Type.Optional(Type.Boolean({ description: 'Send adverts to the peers’ addresses instead of multicast' })),
    garpMasterDelay: Type.Optional(Duration('1h')),
  },
  { additionalProperties: false },
);

const Keepalived = Type.Object(
  {
    notificationEmail: Type.Optional(Type.Array(Text({ minLength: 1 }))),
    notificationEmailFrom: Type.Optional(Text({ minLength: 1 })),
    smtpServer: Type.Optional(Text({ minLength: 1 })),
    smtpConnectTimeout: Type.Optional(Type.Integer({ minimum: 1, maximum: 3600, description: 'seconds (keepalived smtp_connect_timeout)' })),
    routerId: Type.Optional(Text({ minLength: 1 })),
    scripts: Type.Optional(
      Type.Record(
        Name,
        Type.Object(
          {
            script: Text({
              minLength: 1,
              description: "A command line: words separated by spaces; a word with spaces goes in single quotes (keepalived's own syntax)",
            }),
            interval: Type.Optional(Duration('24h')),
            weight: Type.Optional(Type.Integer({ minimum: -253, maximum: 253 })),
            fall: Type.Optional(Type.Integer({ minimum: 1 })),
            rise: Type.Optional(Type.Integer({ minimum: 1 })),
            user: Type.Optional(Name),
          },
          { additionalProperties: false },
        ),
        { additionalProperties: false },
      ),
    ),
    maxVips: Type.Optional(Type.Integer({ minimum: 1, description: 'VIPs beyond this count go to virtual_ipaddress_excluded (default: 20 on centos6)' })),
  },
  { additionalProperties: false },
);

const DrbdHost = Type.Object(
  {
    device: AbsPath,
    disk: AbsPath,
    address: Type.Optional(Ipv4),
    metaDisk: Type.Optional(
      Type.String({ pattern: '^(internal|/[A-Za-z0-9_./:+-]+( \\[[0-9]+\\])?)$', description: 'internal, or a device with an optional [index]' }),
    ),
  },
  { additionalProperties: false },
);

const Drbd = Type.Object(
  {
    name: Name,
    version: Type.Optional(Type.Union([Type.Literal('8.4'), Type.Literal('9')])),
    protocol: Type.Optional(Text()),
    port: Type.Optional(Port),
    syncerRate: Type.Optional(Type.String({ pattern: '^[0-9]+[KMG]?$' })),
    onIoError: Type.Optional(OneOf(['pass_on', 'call-local-io-error', 'detach', 'panic'])),
    nodes: Type.Record(Name, DrbdHost, { minProperties: 2, additionalProperties: false }),
  },
  { additionalProperties: false },
);

const Constraint = KeyedUnion(
  [
    Type.Object(
      {
        location: Type.Object(
          {
            rsc: Name,
            node: Name,
            score: Type.Optional(ScoreValue),
            role: Type.Optional(Type.Union([Type.Literal('master'), Type.Literal('slave'), Type.Literal('started')])),
          },
          { additionalProperties: false },
        ),
        id: Type.Optional(Name),
      },
      { additionalProperties: false, required: ['location'] },
    ),
    Type.Object(
      {
        colocation: Type.Object(
          {
            rsc: Name,
            with: Name,
            withRole: Type.Optional(Type.Union([Type.Literal('master'), Type.Literal('slave'), Type.Literal('started')])),
            score: Type.Optional(ScoreValue),
          },
          { additionalProperties: false },
        ),
        id: Type.Optional(Name),
      },
      { additionalProperties: false, required: ['colocation'] },
    ),
    Type.Object(
      {
        order: Type.Object(
          {
            first: Name,
            firstAction: Type.Optional(OneOf(['start', 'promote', 'demote', 'stop'])),
            then: Name,
            thenAction: Type.Optional(OneOf(['start', 'promote', 'demote', 'stop'])),
            kind: Type.Optional(Type.Union([Type.Literal('Mandatory'), Type.Literal('Optional'), Type.Literal('Serialize')])),
          },
          { additionalProperties: false },
        ),
        id: Type.Optional(Name),
      },
      { additionalProperties: false, required: ['order'] },
    ),
  ],
  ['location', 'colocation', 'order'],
  'A constraint: exactly one of location, colocation, order',
);

const FirewallRule = Type.Object(
  {
    chain: Type.Optional(Type.Union([Type.Literal('INPUT'), Type.Literal('OUTPUT'), Type.Literal('FORWARD')])),
    proto: Type.Union([Type.Literal('tcp'), Type.Literal('udp'), Type.Literal('icmp'), Type.Literal('vrrp')]),
    dport: Type.Optional(Port),
    source: Type.Optional(Type.Union([Ipv4, Ipv4Cidr])),
    action: Type.Optional(Type.Union([Type.Literal('ACCEPT'), Type.Literal('DROP'), Type.Literal('REJECT')])),
    comment: Type.Optional(Text()),
  },
  { additionalProperties: false },
);

const Firewall = Type.Object(
  {
    implied: Type.Optional(Type.Boolean({ description: 'Open what the model implies (interconnect, DRBD, VRRP, service ports); default true' })),
    defaultPolicy: Type.Optional(
      OneOf(['REJECT', 'DROP', 'ACCEPT'], {
        description:
          'What INPUT does with traffic no rule accepts: REJECT (default: a final REJECT rule, as RHEL ships), DROP (the chain policy), ACCEPT (open: the rules then open nothing)',
      }),
    ),
    rules: Type.Optional(Type.Array(FirewallRule)),
  },
  { additionalProperties: false },
);

const Hosts = Type.Object(
  {
    network: Type.Optional(Type.Union([Type.Literal('service'), Type.Literal('interconnect')])),
    extra: Type.Optional(Type.Array(Type.Object({ ip: Ipv4, names: Type.Array(HostName, { minItems: 1 }) }, { additionalProperties: false }))),
  },
  { additionalProperties: false },
);

const User = Type.Object(
  {
    name: Name,
    uid: Type.Optional(Type.Integer({ minimum: 1, maximum: 65000 })),
    gid: Type.Optional(Type.Integer({ minimum: 1, maximum: 65000 })),
    shell: Type.Optional(AbsPath),
    home: Type.Optional(AbsPath),
    sharedData: Type.Optional(Type.Boolean({ description: 'The user writes data shared between nodes (then the UID must be pinned)' })),
  },
  { additionalProperties: false },
);

const File = Type.Object(
  {
    path: FilePath,
    content: Type.String(),
    mode: Type.Optional(Type.String({ pattern: '^0?[0-7]{3,4}$' })),
    owner: Type.Optional(Text()),
    nodes: Type.Optional(Type.Array(Name)),
  },
  { additionalProperties: false },
);

const Vagrant = Type.Object(
  {
    box: Type.Optional(Text()),
    provider: Type.Optional(Type.Union([Type.Literal('libvirt'), Type.Literal('virtualbox')])),
    memory: Type.Optional(Type.Integer({ minimum: 128 })),
    cpus: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

const Agent = Type.Object(
  {
    controlSocket: Type.Optional(AbsPath),
    fencing: Type.Optional(Type.Object({ command: Text({ minLength: 1 }) }, { additionalProperties: false })),
    pingWeight: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);

export const Runtime = OneOf(['heartbeat', 'pacemaker', 'keepalived', 'agent']);
export const Platform = Type.Union([Type.Literal('centos6'), Type.Literal('debian12')]);

export const Cluster = Type.Object(
  {
    $schema: Type.Optional(Text()),
    cluster: Name,
    description: Type.Optional(Text()),
    runtime: Runtime,
    platform: Type.Optional(Platform),
    nodes: Type.Record(Name, Node, { minProperties: 1, additionalProperties: false }),
    heartbeat: Type.Optional(Heartbeat),
    corosync: Type.Optional(Corosync),
    pacemaker: Type.Optional(Pacemaker),
    auth: Type.Optional(Auth),
    resources: Type.Optional(Type.Array(ResourceEntry)),
    constraints: Type.Optional(Type.Array(Constraint)),
    properties: Type.Optional(
      Type.Record(PropertyName, Type.Union([Text(), Type.Number(), Type.Boolean()]), { additionalProperties: false }),
    ),
    drbd: Type.Optional(Type.Array(Drbd)),
    vrrp: Type.Optional(Type.Array(Vrrp)),
    keepalived: Type.Optional(Keepalived),
    firewall: Type.Optional(Firewall),
    hosts: Type.Optional(Hosts),
    users: Type.Optional(Type.Array(User)),
    files: Type.Optional(Type.Array(File)),
    vagrant: Type.Optional(Vagrant),
    agent: Type.Optional(Agent),
  },
  {
    $id: SCHEMA_ID,
    title: 'hactl cluster stack',
    description: 'A Linux high-availability cluster: nodes, interconnect, resources and the runtime that runs them',
    additionalProperties: false,
  },
);

/** What a stack author writes (YAML or `defineCluster`). */
export type ClusterInput = Static<typeof Cluster>;
