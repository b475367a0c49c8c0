import { stringify } from 'yaml';
import type { Cluster } from '../dsl/types.js';

/** The starter as a YAML stack, bound to hactl's JSON Schema for completion and checks in editors. */
export function starterYaml(cluster: Cluster, schemaPath: string): string {
  return [
    `# yaml-language-server: $schema=${schemaPath}`,
    `# Written by hactl init. Check it with \`hactl validate\`, run it on the local lab with \`hactl up\` (as root).`,
    stringify(cluster, { lineWidth: 0, flowCollectionPadding: true }).trimEnd(),
    '',
  ].join('\n');
}

/** The starter as a TypeScript stack: the same cluster through `defineCluster`, so the compiler checks every key. */
export function starterTypeScript(cluster: Cluster): string {
  return [
    `// Written by hactl init. Check it with \`hactl validate\`, run it on the local lab with \`hactl up\` (as root).`,
    `// The builders (node, group, vip, service, location, vrrp, ...) and a guide are in hactl's docs/typescript.md.`,
    `import { defineCluster } from 'hactl';`,
    '',
    `export default defineCluster(${literal(cluster, '')});`,
    '',
  ].join('\n');
}

/** A value as a TypeScript literal: identifier keys bare, strings in single quotes, two-space indents. */
function literal(value: unknown, indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return `[${value.map((v) => literal(v, inner)).join(', ')}]`;
    return `[\n${value.map((v) => `${inner}${literal(v, inner)},`).join('\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${inner}${/^[A-Za-z_$][\w$]*$/.test(k) ? k : quoteString(k)}: ${literal(v, inner)},`);
    return entries.length ? `{\n${entries.join('\n')}\n${indent}}` : '{}';
  }
  return typeof value === 'string' ? quoteString(value) : String(value);
}

function quoteString(text: string): string {
  return `'${text.replace(/[\\']/g, (c) => `\\${c}`).replace(/\n/g, '\\n')}'`;
}
