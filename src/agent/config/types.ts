import type { Static } from '@sinclair/typebox';
import type { Resolved } from './define.js';
import type { AgentConfigSchema, AgentResourceSchema } from './schema.js';

// Both shapes of the agent config come from schema.ts. Field docs live there (they become schema descriptions).

/** What a writer produces: every field with a default may be left out. */
export type AgentConfigDocument = Omit<Static<typeof AgentConfigSchema>, '$schema'>;
export type AgentResourceDocument = Static<typeof AgentResourceSchema>;

/** What the agent runs on: parseAgentConfig has filled in every default. */
export type AgentConfig = Omit<Resolved<typeof AgentConfigSchema>, '$schema'>;

export type AgentNode = AgentConfig['nodes'][number];
export type AgentLink = AgentConfig['links'][number];
export type LinkMode = AgentLink['mode'];
export type AgentAuth = AgentConfig['auth'];
export type AuthMethod = AgentAuth['method'];
export type AgentTimings = AgentConfig['timings'];
export type AgentPing = AgentConfig['ping'];
export type AgentQuorum = AgentConfig['quorum'];
export type QuorumPolicy = AgentQuorum['policy'];
export type AgentFencing = NonNullable<AgentConfig['fencing']>;
/** A shell string (run by /bin/sh -c) or an argv array (run directly). */
export type Command = AgentFencing['command'];
export type AgentGroup = AgentConfig['groups'][number];
export type AgentResource = AgentGroup['members'][number];
export type ResourceClass = AgentResource['class'];
export type AgentOps = AgentResource['ops'];
export type AgentOp = AgentOps['start'];
export type AgentMonitorOp = AgentOps['monitor'];
export type OnFail = AgentOp['onFail'];
export type AgentColocation = AgentConfig['colocations'][number];
export type AgentOrder = AgentConfig['orders'][number];
export type AgentNotify = AgentConfig['notify'];
export type AgentControl = AgentConfig['control'];
export type AgentLog = AgentConfig['log'];
/** A location score; JSON has no Infinity, so the strings stand for it. */
export type Score = AgentColocation['score'];

type OfClass<C extends ResourceClass> = Extract<AgentResource, { class: C }>;
export type IpAddr2Resource = OfClass<'ipaddr2'>;
export type LsbResource = OfClass<'lsb'>;
export type HeartbeatResource = OfClass<'heartbeat'>;
export type OcfResource = OfClass<'ocf'>;
export type SystemdResource = OfClass<'systemd'>;
export type ExecResource = OfClass<'exec'>;
export type MemcachedResource = OfClass<'memcached'>;
export type HttpResource = OfClass<'http'>;
export type TcpResource = OfClass<'tcp'>;
export type DrbdResource = OfClass<'drbd'>;
export type FilesystemResource = OfClass<'filesystem'>;
