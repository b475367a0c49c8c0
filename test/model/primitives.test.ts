import { describe, expect, it } from 'vitest';
import { loadStackData } from '../../src/load/load-stack.js';
import { clusterValidator } from '../../src/load/validator.js';
import type { ClusterInput } from '../../src/model/cluster.js';
import { heartbeatStack } from '../lint/stacks.js';

/** The codes and paths the schema reports for a stack; both validators (TypeBox and ajv) must agree on it. */
async function schemaFindings(stack: unknown): Promise<string[]> {
  const loaded = await loadStackData('stack.yaml', stack);
  const ajv = (await clusterValidator())(stack);
  expect(ajv, 'ajv and TypeBox agree').toBe(loaded.model !== undefined);
  return loaded.diagnostics.map((d) => `${d.code} ${d.path}`);
}

const withFile = (path: string): ClusterInput => ({ ...heartbeatStack(), files: [{ path, content: 'x' }] });
const withInitdead = (initdead: unknown) => {
  const stack = heartbeatStack() as { heartbeat: Record<string, unknown> };
  stack.heartbeat.initdead = initdead;
  return stack;
};

describe('paths in a stack', () => {
  it.each(['/../../../etc/cron.d/x', '/etc/../shadow', '/var/..', '/', '/etc/', '/etc//motd', '/etc/./motd', 'etc/motd', '/etc/mo\u0000td', '/etc/mo\ntd', '/etc/\u001b[31m', '/etc/\u009b'])(
    'rejects %j as a file path',
    async (path) => {
      expect(await schemaFindings(withFile(path))).toEqual(['schema-pattern files[0].path']);
    },
  );

  it.each(['/etc/motd', '/etc/keepalived/notify master.sh', '/opt/app/.env', '/srv/a..b', '/srv/...'])('accepts %j as a file path', async (path) => {
    expect(await schemaFindings(withFile(path))).toEqual([]);
  });

  it('holds every other path to the same rules, a trailing slash and / itself allowed', async () => {
    const stack = (logfile: string) => ({ ...heartbeatStack(), heartbeat: { ...heartbeatStack().heartbeat!, logfile } });
    expect(await schemaFindings(stack('/var/log/../../etc/passwd'))).toEqual(['schema-pattern heartbeat.logfile']);
    expect(await schemaFindings(stack('/var/log/ha\n.log'))).toEqual(['schema-pattern heartbeat.logfile']);
    expect(await schemaFindings(stack('/var/log/'))).toEqual([]);
    expect(await schemaFindings(stack('/'))).toEqual([]);
  });
});

describe('durations in a stack', () => {
  it.each([['99999999999999999999999999ms', 'schema-format'], ['2h', 'schema-format'], [1e26, 'schema-range'], [3601, 'schema-range'], [Infinity, 'schema-type'], [Number.NaN, 'schema-type']])(
    'rejects an initdead of %j',
    async (value, code) => {
      expect(await schemaFindings(withInitdead(value))).toEqual([`${code} heartbeat.initdead`]);
    },
  );

  it('accepts a duration up to the bound of its field', async () => {
    expect(await schemaFindings(withInitdead('1h'))).toEqual([]);
    expect(await schemaFindings(withInitdead(3600))).toEqual([]);
    expect(await schemaFindings(withInitdead('3599.5s'))).toEqual([]);
  });

  it('bounds each field by what it is for: seconds for a heartbeat, a week for a failure timeout', async () => {
    const stack = heartbeatStack();
    stack.heartbeat!.keepalive = '11m';
    const group = stack.resources![0] as { failureTimeout?: string };
    group.failureTimeout = '168h';
    expect(await schemaFindings(stack)).toEqual(['schema-format heartbeat.keepalive']);
    group.failureTimeout = '169h';
    stack.heartbeat!.keepalive = '2s';
    expect(await schemaFindings(stack)).toEqual(['schema-format resources[0].failureTimeout']);
  });

  it('bounds the one timing given as whole seconds, keepalived’s smtp connect timeout', async () => {
    const stack = { ...heartbeatStack(), runtime: 'keepalived', keepalived: { smtpConnectTimeout: 1e300 } };
    expect(await schemaFindings(stack)).toContain('schema-range keepalived.smtpConnectTimeout');
  });
});
