import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Cluster } from '../model/cluster.js';
import { isDuration } from '../model/duration.js';
import { isIpv4, isIpv4Cidr } from '../model/network.js';

let compiled: ValidateFunction | undefined;

/** The schema is compiled once, on first use, so commands that never validate don't pay for it. */
export function clusterValidator(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addKeyword({ keyword: 'kindKeys', schemaType: 'array' });
  ajv.addFormat('hactl-duration', { type: 'string', validate: isDuration });
  ajv.addFormat('ipv4', { type: 'string', validate: isIpv4 });
  ajv.addFormat('ipv4-cidr', { type: 'string', validate: isIpv4Cidr });
  compiled = ajv.compile(Cluster);
  return compiled;
}

export type SchemaError = ErrorObject;
