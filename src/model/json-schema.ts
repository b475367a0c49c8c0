import { Cluster } from './cluster.js';

/** The checked-in JSON Schema text: plain JSON, stable key order, TypeBox's symbols dropped. */
export function clusterJsonSchema(): string {
  return `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...Cluster }, null, 2)}\n`;
}
