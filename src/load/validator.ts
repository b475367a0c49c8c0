import { FormatRegistry } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Cluster } from '../model/cluster.js';
import { isDuration, toMs } from '../model/duration.js';
import { isIpv4, isIpv4Cidr } from '../model/network.js';
import { DURATION_LIMITS, durationFormat } from '../model/primitives.js';

const formats: Record<string, (value: string) => boolean> = {
  ipv4: isIpv4,
  'ipv4-cidr': isIpv4Cidr,
  ...Object.fromEntries(DURATION_LIMITS.map((max) => [durationFormat(max), (text: string) => isDuration(text) && toMs(text) <= toMs(max)])),
};

let formatsRegistered = false;
let compiled: ValidateFunction | undefined;

/**
 * Accepting a valid stack takes TypeBox a few milliseconds; compiling the same schema with ajv takes most of a second,
 * so ajv (with allErrors, for complete located reports) is only built when a stack is rejected.
 */
export function isValidCluster(data: unknown): boolean {
  if (!formatsRegistered) {
    for (const [name, check] of Object.entries(formats)) FormatRegistry.Set(name, check);
    formatsRegistered = true;
  }
  return Value.Check(Cluster, data);
}

export async function clusterValidator(): Promise<ValidateFunction> {
  if (compiled) return compiled;
  // ajv is CommonJS: its module object is the constructor, the same under Node's ESM loader and in the CLI bundle
  const Ajv = (await import('ajv')).default as unknown as typeof import('ajv').Ajv;
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addKeyword({ keyword: 'kindKeys', schemaType: 'array' });
  for (const [name, check] of Object.entries(formats)) ajv.addFormat(name, { type: 'string', validate: check });
  compiled = ajv.compile(Cluster);
  return compiled;
}

export type SchemaError = ErrorObject;
