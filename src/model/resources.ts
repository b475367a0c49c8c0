import { Type, type TProperties, type TSchema } from '@sinclair/typebox';
import { doc, mark } from './annotate.js';
import { AbsPath, AttributeName, Duration, Ipv4Cidr, KeyedUnion, MonitorOp, Name, NicRef, NodeRef, Op, Port, ScoreValue, Text } from './primitives.js';

const AttributeValue = Type.Union([Text(), Type.Number(), Type.Boolean()]);

const common = {
  name: Type.Optional(mark(doc(Name, 'The resource id in the CIB and crm commands (derived from the kind when omitted, e.g. vip_10_0_0_1)'), { defines: 'name' })),
  start: Type.Optional(doc(Op, 'The start operation (crm `op start`)')),
  stop: Type.Optional(doc(Op, 'The stop operation (crm `op stop`)')),
  monitor: Type.Optional(MonitorOp),
  migrationThreshold: Type.Optional(Type.Integer({ minimum: 1, description: 'Failures on a node before the resource leaves it (migration-threshold)' })),
  failureTimeout: Type.Optional(Duration('168h', 'How long a failure counts against a node (failure-timeout)')),
  meta: Type.Optional(
    Type.Record(AttributeName, AttributeValue, { additionalProperties: false, description: 'Meta attributes (crm `meta NAME=VALUE`)' }),
  ),
};

function primitive<K extends string, S extends TSchema, E extends TProperties = {}>(kindKey: K, kind: S, extra: E | undefined, name: string, description: string) {
  const properties = { [kindKey]: kind, ...common, ...(extra ?? {}) } as { [P in K]: S } & typeof common & E;
  return mark(Type.Object(properties, { additionalProperties: false, description }), { name });
}

export const VipResource = primitive(
  'vip',
  mark(doc(Ipv4Cidr, 'The floating address with its prefix, e.g. 10.0.0.100/24'), { defines: 'vip' }),
  { nic: Type.Optional(doc(NicRef, 'The NIC the address is added to (default: the NIC whose subnet holds it)')) },
  'VipResource',
  'A floating address (ocf:heartbeat:IPaddr2)',
);

export const ServiceResource = primitive(
  'service',
  mark(doc(Name, 'The init name of the service (memcached, httpd)'), { defines: 'name' }),
  {},
  'ServiceResource',
  "An OS service started through the platform's init system (lsb on centos6, systemd on debian12)",
);

export const LsbResource = primitive('lsb', mark(doc(Name, 'The script name in /etc/init.d'), { defines: 'name' }), {}, 'LsbResource', 'An LSB init script in /etc/init.d');
export const SystemdResource = primitive(
  'systemd',
  mark(Type.String({ pattern: '^[A-Za-z0-9@_.:-]+$', description: 'The unit name (nginx or nginx.service)' }), { defines: 'unit' }),
  {},
  'SystemdResource',
  'A systemd unit',
);

export const OcfResource = primitive(
  'ocf',
  mark(Type.String({ pattern: '^[a-z0-9_-]+:[A-Za-z0-9_-]+$', description: 'PROVIDER:TYPE, e.g. heartbeat:IPaddr2' }), { defines: 'agent' }),
  {
    params: Type.Optional(
      Type.Record(AttributeName, AttributeValue, { additionalProperties: false, description: 'Instance attributes of the agent (crm `params NAME=VALUE`)' }),
    ),
  },
  'OcfResource',
  'Any OCF resource agent',
);

const Apache = mark(
  Type.Object(
    {
      configfile: doc(AbsPath, 'The httpd.conf the agent starts Apache with'),
      statusurl: Text({ minLength: 1, description: 'The URL the agent monitors (http://...)' }),
      documentRoot: Type.Optional(doc(AbsPath, 'Where the pages are (default: the platform’s document root)')),
      indexHtml: Type.Optional(Type.Boolean({ description: 'Render a dummy index.html into documentRoot (the apache agent monitor needs a page)' })),
      proxies: Type.Optional(
        Type.Array(
          Type.Object(
            {
              location: doc(AbsPath, 'The URL path proxied, e.g. /app/'),
              pass: Text({ minLength: 1, description: 'Where it goes, e.g. ajp://10.0.0.2:8009/' }),
            },
            { additionalProperties: false, description: 'A ProxyPass line' },
          ),
          { description: 'ProxyPass lines rendered into a conf.d file (e.g. Tomcat behind AJP)' },
        ),
      ),
      port: Type.Optional(doc(Port, 'The port Apache listens on (default 80)')),
    },
    { additionalProperties: false, description: 'The Apache instance' },
  ),
  { name: 'ApacheConfig' },
);

export const ApacheResource = primitive('apache', Apache, {}, 'ApacheResource', 'Apache httpd (ocf:heartbeat:apache)');

const Tomcat = mark(
  Type.Object(
    {
      javaHome: doc(AbsPath, 'JAVA_HOME (the directory, not the java binary)'),
      catalinaHome: doc(AbsPath, 'CATALINA_HOME, where Tomcat is installed'),
      user: doc(Name, 'The user Tomcat runs as'),
      statusurl: Text({ minLength: 1, description: 'The URL the agent monitors (http://...)' }),
      ports: Type.Optional(Type.Array(Port, { description: 'The ports Tomcat listens on (default 8080 and 8009), opened in the firewall' })),
      initScript: Type.Optional(Type.Boolean({ description: 'Render the LSB init script /etc/init.d/tomcat' })),
    },
    { additionalProperties: false, description: 'The Tomcat instance' },
  ),
  { name: 'TomcatConfig' },
);

export const TomcatResource = primitive('tomcat', Tomcat, {}, 'TomcatResource', 'Apache Tomcat (ocf:heartbeat:tomcat)');

const Exec = mark(
  Type.Object(
    {
      run: Type.Optional(Text({ minLength: 1, description: 'A foreground shell command the bundled agent supervises (agent runtime only)' })),
      start: Type.Optional(Text({ minLength: 1, description: 'The shell command that starts the service, on one line' })),
      stop: Type.Optional(Text({ minLength: 1, description: 'The shell command that stops the service, on one line' })),
      status: Type.Optional(Text({ minLength: 1, description: 'A shell command on one line; exit 0 when running' })),
      initScript: Type.Optional(
        Type.Boolean({ description: 'Wrap the commands in a rendered LSB init script /etc/init.d/NAME (the periodic job of stacks/004-job-corosync-pacemaker.yaml)' }),
      ),
      ports: Type.Optional(Type.Array(Port, { description: 'The ports the service listens on, opened in the firewall' })),
    },
    { additionalProperties: false, description: 'The commands' },
  ),
  { name: 'ExecConfig' },
);

export const ExecResource = primitive('exec', Exec, {}, 'ExecResource', 'A service given as commands: run (supervised by the agent) or start/stop/status');

export const DrbdResource = primitive(
  'drbd',
  mark(doc(Name, 'The DRBD resource (a name under drbd:)'), { defines: 'drbd' }),
  {
    promote: Type.Optional(doc(Op, 'The promote operation (crm `op promote`)')),
    demote: Type.Optional(doc(Op, 'The demote operation (crm `op demote`)')),
    master: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(mark(doc(Name, 'The id of the master/slave resource (default ms_RESOURCE)'), { defines: 'name' })),
          preferred: Type.Optional(doc(NodeRef, 'The node where the resource is promoted when both can run it')),
          score: Type.Optional(doc(ScoreValue, 'How strongly the preferred node is preferred (default 100)')),
        },
        { additionalProperties: false, description: 'The master/slave (promotable clone) wrapper' },
      ),
    ),
  },
  'DrbdResource',
  'A DRBD resource run as master/slave (promotable clone)',
);

export const FilesystemResource = primitive(
  'filesystem',
  mark(
    Type.Object(
      {
        device: doc(AbsPath, 'The block device, e.g. /dev/drbd0'),
        directory: mark(doc(AbsPath, 'The mount point'), { defines: 'mount' }),
        fstype: Type.String({ pattern: '^[a-z0-9]+$', description: 'The filesystem type (ext3, ext4, xfs)' }),
        options: Type.Optional(Text({ description: 'Mount options (-o)' })),
      },
      { additionalProperties: false, description: 'The mount' },
    ),
    { name: 'FilesystemConfig' },
  ),
  {},
  'FilesystemResource',
  'A filesystem mount (ocf:heartbeat:Filesystem)',
);

export const primitiveKinds = ['vip', 'service', 'lsb', 'systemd', 'ocf', 'apache', 'tomcat', 'exec', 'drbd', 'filesystem'] as const;

export const Primitive = mark(
  KeyedUnion(
    [VipResource, ServiceResource, LsbResource, SystemdResource, OcfResource, ApacheResource, TomcatResource, ExecResource, DrbdResource, FilesystemResource],
    [...primitiveKinds],
    `A resource: exactly one of ${primitiveKinds.join(', ')}`,
  ),
  { name: 'Primitive' },
);

export const Group = mark(
  Type.Object(
    {
      group: mark(doc(Name, 'The group name (crm `group NAME ...`, a haresources line)'), { defines: 'name' }),
      members: Type.Array(Primitive, { minItems: 1, description: 'The resources, started in this order and stopped in reverse' }),
      preferred: Type.Optional(doc(NodeRef, 'The node the group runs on when both can run it (haresources node, a location constraint)')),
      score: Type.Optional(doc(ScoreValue, 'How strongly the preferred node is preferred (default 100)')),
      migrationThreshold: Type.Optional(
        Type.Integer({ minimum: 1, description: 'Failures on a node before the group leaves it (migration-threshold)' }),
      ),
      failureTimeout: Type.Optional(Duration('168h', 'How long a failure counts against a node (failure-timeout)')),
      notify: Type.Optional(
        Type.Object(
          {
            master: Type.Optional(doc(AbsPath, 'The program run when the group starts on this node')),
            backup: Type.Optional(doc(AbsPath, 'The program run when the group leaves this node')),
            fault: Type.Optional(doc(AbsPath, 'The program run when the group fails on this node')),
          },
          { additionalProperties: false, description: 'Programs the bundled agent runs when the group changes state' },
        ),
      ),
    },
    { additionalProperties: false, required: ['group', 'members'], description: 'Resources started in order and stopped in reverse on one node' },
  ),
  { name: 'GroupResource' },
);

export const ResourceEntry = mark(KeyedUnion([Group, ...Primitive.anyOf], ['group', ...primitiveKinds], 'A group or a resource'), { name: 'Resource' });
