import { Type, type TProperties, type TSchema } from '@sinclair/typebox';
import { AbsPath, AttributeName, Duration, Ipv4Cidr, KeyedUnion, MonitorOp, Name, Op, Port, ScoreValue, Text } from './primitives.js';

const common = {
  name: Type.Optional(Name),
  start: Type.Optional(Op),
  stop: Type.Optional(Op),
  monitor: Type.Optional(MonitorOp),
  migrationThreshold: Type.Optional(Type.Integer({ minimum: 1 })),
  failureTimeout: Type.Optional(Duration('168h')),
  meta: Type.Optional(Type.Record(AttributeName, Type.Union([Text(), Type.Number(), Type.Boolean()]), { additionalProperties: false })),
};

function primitive<K extends string, S extends TSchema, E extends TProperties = {}>(kindKey: K, kind: S, extra?: E, description = '') {
  const properties = { [kindKey]: kind, ...common, ...(extra ?? {}) } as { [P in K]: S } & typeof common & E;
  return Type.Object(properties, { additionalProperties: false, description });
}

export const VipResource = primitive('vip', Ipv4Cidr, { nic: Type.Optional(Name) }, 'A floating address (ocf:heartbeat:IPaddr2)');

export const ServiceResource = primitive(
  'service',
  Name,
  {},
  "An OS service started through the platform's init system (lsb on centos6, systemd on debian12)",
);

export const LsbResource = primitive('lsb', Name, {}, 'An LSB init script in /etc/init.d');
export const SystemdResource = primitive('systemd', Type.String({ pattern: '^[A-Za-z0-9@_.:-]+$' }), {}, 'A systemd unit');

export const OcfResource = primitive(
  'ocf',
  Type.String({ pattern: '^[a-z0-9_-]+:[A-Za-z0-9_-]+$', description: 'PROVIDER:TYPE, e.g. heartbeat:IPaddr2' }),
  { params: Type.Optional(Type.Record(AttributeName, Type.Union([Text(), Type.Number(), Type.Boolean()]), { additionalProperties: false })) },
  'Any OCF resource agent',
);

export const ApacheResource = primitive(
  'apache',
  Type.Object(
    {
      configfile: AbsPath,
      statusurl: Text({ minLength: 1 }),
      documentRoot: Type.Optional(AbsPath),
      indexHtml: Type.Optional(Type.Boolean({ description: 'Render a dummy index.html into documentRoot (the apache agent monitor needs a page)' })),
      proxies: Type.Optional(
        Type.Array(
          Type.Object({ location: AbsPath, pass: Text({ minLength: 1 }) }, { additionalProperties: false }),
        ),
      ),
      port: Type.Optional(Port),
    },
    { additionalProperties: false },
  ),
  {},
  'Apache httpd (ocf:heartbeat:apache)',
);

export const TomcatResource = primitive(
  'tomcat',
  Type.Object(
    {
      javaHome: AbsPath,
      catalinaHome: AbsPath,
      user: Name,
      statusurl: Text({ minLength: 1 }),
      ports: Type.Optional(Type.Array(Port)),
      initScript: Type.Optional(Type.Boolean({ description: 'Render the LSB init script /etc/init.d/tomcat' })),
    },
    { additionalProperties: false },
  ),
  {},
  'Apache Tomcat (ocf:heartbeat:tomcat)',
);

export const ExecResource = primitive(
  'exec',
  Type.Object(
    {
      run: Type.Optional(Text({ minLength: 1, description: 'A foreground shell command the bundled agent supervises (agent runtime only)' })),
      start: Type.Optional(Text({ minLength: 1, description: 'A shell command on one line' })),
      stop: Type.Optional(Text({ minLength: 1, description: 'A shell command on one line' })),
      status: Type.Optional(Text({ minLength: 1, description: 'A shell command on one line; exit 0 when running' })),
      initScript: Type.Optional(
        Type.Boolean({ description: 'Wrap the commands in a rendered LSB init script /etc/init.d/NAME (the periodic job of stacks/004-job-corosync-pacemaker.yaml)' }),
      ),
      ports: Type.Optional(Type.Array(Port)),
    },
    { additionalProperties: false },
  ),
  {},
  'A service given as commands: run (supervised by the agent) or start/stop/status',
);

export const DrbdResource = primitive(
  'drbd',
  Name,
  {
    promote: Type.Optional(Op),
    demote: Type.Optional(Op),
    master: Type.Optional(
      Type.Object(
        { name: Type.Optional(Name), preferred: Type.Optional(Name), score: Type.Optional(ScoreValue) },
        { additionalProperties: false },
      ),
    ),
  },
  'A DRBD resource run as master/slave (promotable clone)',
);

export const FilesystemResource = primitive(
  'filesystem',
  Type.Object(
    { device: AbsPath, directory: AbsPath, fstype: Type.String({ pattern: '^[a-z0-9]+$' }), options: Type.Optional(Text()) },
    { additionalProperties: false },
  ),
  {},
  'A filesystem mount (ocf:heartbeat:Filesystem)',
);

export const primitiveKinds = ['vip', 'service', 'lsb', 'systemd', 'ocf', 'apache', 'tomcat', 'exec', 'drbd', 'filesystem'] as const;

export const Primitive = KeyedUnion(
  [
    VipResource,
    ServiceResource,
    LsbResource,
    SystemdResource,
    OcfResource,
    ApacheResource,
    TomcatResource,
    ExecResource,
    DrbdResource,
    FilesystemResource,
  ],
  [...primitiveKinds],
  `A resource: exactly one of ${primitiveKinds.join(', ')}`,
);

export const Group = Type.Object(
  {
    group: Name,
    members: Type.Array(Primitive, { minItems: 1 }),
    preferred: Type.Optional(Name),
    score: Type.Optional(ScoreValue),
    migrationThreshold: Type.Optional(Type.Integer({ minimum: 1 })),
    failureTimeout: Type.Optional(Duration('168h')),
    notify: Type.Optional(
      Type.Object(
        { master: Type.Optional(AbsPath), backup: Type.Optional(AbsPath), fault: Type.Optional(AbsPath) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, required: ['group', 'members'], description: 'Resources started in order and stopped in reverse on one node' },
);

export const ResourceEntry = KeyedUnion(
  [Group, ...Primitive.anyOf],
  ['group', ...primitiveKinds],
  'A group or a resource',
);
