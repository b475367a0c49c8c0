import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runChecks } from '../../src/tool-check/run-checks.js';
import type { ClusterInput } from '../../src/model/cluster.js';
import type { RuntimeName } from '../../src/model/model.js';
import { renderStack } from '../../src/render/render-stack.js';
import { formatTranslation, migrate, retarget, type TranslationResult } from '../../src/translate/index.js';
import { missing } from '../support/env.js';
import { errorsOf, keys, stack, validate } from './support.js';

const root = join(import.meta.dirname, '..', '..');
const shipped = readdirSync(join(root, 'stacks'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();
const runtimes: RuntimeName[] = ['heartbeat', 'pacemaker', 'keepalived', 'agent'];
const skipTools = missing({ root: true, tools: ['corosync', 'crm', 'crm_verify', 'keepalived', 'drbdadm', 'iptables-restore', 'shellcheck', 'unshare', 'ip', 'vagrant'] });

/**
 * Where each shipped stack can go on debian12: `ok`, or the rule of the first blocked item. Reading down a column
 * tells what a runtime can take; a change to a translation that makes a pair reachable or not fails here.
 */
const reach: Record<string, Record<RuntimeName, string>> = {
  '000-memcached-heartbeat': { heartbeat: 'ok', pacemaker: 'ok', keepalived: 'vrrp-no-services', agent: 'ok' },
  '001-web-pacemaker-heartbeat': { heartbeat: 'no-translation', pacemaker: 'ok', keepalived: 'no-translation', agent: 'no-translation' },
  '002-vrrp-keepalived': { heartbeat: 'notify-v1', pacemaker: 'no-translation', keepalived: 'ok', agent: 'ok' },
  '003-drbd-heartbeat-crm': { heartbeat: 'no-translation', pacemaker: 'ok', keepalived: 'no-translation', agent: 'no-translation' },
  '004-job-corosync-pacemaker': { heartbeat: 'no-translation', pacemaker: 'ok', keepalived: 'no-translation', agent: 'no-translation' },
  quickstart: { heartbeat: 'exec-run', pacemaker: 'no-translation', keepalived: 'vrrp-no-services', agent: 'ok' },
  'quickstart-ssh': { heartbeat: 'exec-run', pacemaker: 'no-translation', keepalived: 'vrrp-no-services', agent: 'ok' },
  'vagrant-agent': { heartbeat: 'exec-run', pacemaker: 'no-translation', keepalived: 'vrrp-no-services', agent: 'ok' },
  'vagrant-agent-keepalived': { heartbeat: 'ok', pacemaker: 'no-translation', keepalived: 'ok', agent: 'ok' },
  'vagrant-drbd': { heartbeat: 'no-translation', pacemaker: 'ok', keepalived: 'no-translation', agent: 'no-translation' },
  'vagrant-keepalived': { heartbeat: 'ok', pacemaker: 'no-translation', keepalived: 'ok', agent: 'ok' },
  'vagrant-web': { heartbeat: 'no-translation', pacemaker: 'ok', keepalived: 'no-translation', agent: 'no-translation' },
};

const outcome = (r: TranslationResult) => (r.ok ? 'ok' : r.report.find((i) => i.kind === 'blocked')!.rule);

interface Case {
  name: string;
  source: ClusterInput;
  result: TranslationResult;
}

async function cases(): Promise<Case[]> {
  const out: Case[] = [];
  for (const name of shipped) {
    const source = await stack(name);
    out.push({ name: `${name} retargeted to debian12`, source, result: retarget(source, { platform: 'debian12' }) });
    for (const runtime of runtimes) out.push({ name: `${name} migrated to ${runtime}`, source, result: migrate(source, { runtime, platform: 'debian12' }) });
  }
  return out;
}

/** Distinct translated stacks that differ from their source: the ones worth rendering and checking. */
async function translatedStacks(): Promise<Case[]> {
  const seen: ClusterInput[] = [];
  return (await cases()).filter((c) => {
    if (!c.result.input || isDeepStrictEqual(c.result.input, c.source) || seen.some((s) => isDeepStrictEqual(s, c.result.input))) return false;
    seen.push(c.result.input);
    return true;
  });
}

function expectGolden(file: string, text: string): void {
  const path = join(root, 'test', 'golden', 'translate', file);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  expect(text, `golden ${path} (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(path, 'utf8'));
}

const reportText = (title: string, result: TranslationResult) => [`## ${title}${result.ok ? '' : ' (blocked)'}`, ...result.report.map(formatTranslation), ''].join('\n');

describe('every shipped stack on every runtime, on debian12', () => {
  it('reaches the runtimes the table says, and names what blocks the others', async () => {
    expect(Object.keys(reach)).toEqual(shipped);
    const got: Record<string, Record<string, string>> = {};
    for (const name of shipped) {
      const source = await stack(name);
      got[name] = Object.fromEntries(runtimes.map((runtime) => [runtime, outcome(migrate(source, { runtime, platform: 'debian12' }))]));
      expect(retarget(source, { platform: 'debian12' }).ok, `${name} retargets`).toBe(true);
    }
    expect(got).toEqual(reach);
  });

  it('hands back stacks that pass the schema and every lint check, also after a round trip through YAML', async () => {
    for (const c of await translatedStacks()) {
      const input = c.result.input!;
      expect(errorsOf((await validate(input)).diagnostics), c.name).toEqual([]);
      expect(parse(stringify(input)), `${c.name} as YAML`).toEqual(input);
    }
  });

  it.skipIf(skipTools)('renders stacks whose files the real tools accept (corosync -t, crm_verify, heartbeat, keepalived -t, drbdadm, ...)', async () => {
    const checked: string[] = [];
    for (const c of await translatedStacks()) {
      const { model } = await validate(c.result.input!);
      const { files } = renderStack(model!, { secrets: keys });
      const failures = (await runChecks(model!, files)).filter((r) => !r.ok).map((r) => `${c.name}: ${r.node}:${r.path} (${r.tool}): ${r.message}`);
      expect(failures).toEqual([]);
      checked.push(c.name);
    }
    expect(checked).toEqual([
      '000-memcached-heartbeat retargeted to debian12',
      '000-memcached-heartbeat migrated to pacemaker',
      '000-memcached-heartbeat migrated to agent',
      '001-web-pacemaker-heartbeat retargeted to debian12',
      '002-vrrp-keepalived retargeted to debian12',
      '002-vrrp-keepalived migrated to agent',
      '003-drbd-heartbeat-crm retargeted to debian12',
      '004-job-corosync-pacemaker retargeted to debian12',
      'vagrant-agent-keepalived migrated to heartbeat',
      'vagrant-agent-keepalived migrated to agent',
      'vagrant-drbd retargeted to debian12',
      'vagrant-keepalived migrated to heartbeat',
      'vagrant-keepalived migrated to agent',
      'vagrant-web retargeted to debian12',
    ]);
    // every shipped stack's translations through the real tools: tens of seconds, more on a loaded machine
  }, 180_000);

  it('reports the seeds’ retargeting to debian12 as test/golden/translate/retarget-debian12.txt', async () => {
    const seeds = shipped.filter((n) => /^\d{3}-/.test(n));
    const sections = await Promise.all(seeds.map(async (name) => reportText(name, retarget(await stack(name), { platform: 'debian12' }))));
    expectGolden('retarget-debian12.txt', ['# hactl retarget to debian12: one line per item of every seed (what up and render --platform print)', '', ...sections].join('\n'));
  });

  it('reports every migration of the seeds as test/golden/translate/migrate-debian12.txt', async () => {
    const seeds = shipped.filter((n) => /^\d{3}-/.test(n));
    const sections: string[] = [];
    for (const name of seeds) {
      const source = await stack(name);
      for (const runtime of runtimes) sections.push(reportText(`${name} → ${runtime}`, migrate(source, { runtime, platform: 'debian12' })));
    }
    expectGolden('migrate-debian12.txt', ['# hactl migrate --platform debian12: the report of every seed on every runtime', '', ...sections].join('\n'));
  });
});
