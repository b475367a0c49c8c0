import type { ClusterModel } from '../../model/model.js';
import { CIB_PATH, CRM_SCRIPT_PATH } from '../../render/pacemaker/index.js';
import type { Transport } from '../../transport/transport.js';
import { RuntimeError } from '../errors.js';
import { mustRun } from '../node-command.js';

const tail = (text: string): string => text.trim().split('\n').slice(-3).join(' / ') || 'no output';

const SHADOW = 'hactl-plan';

/** Where the rendered configuration is and how Pacemaker takes it: the crm script, or cib.xml with --format cib. */
export function configurationFile(model: Pick<ClusterModel, 'pacemaker'>): { path: string; load: string } {
  return model.pacemaker?.format === 'cib'
    ? { path: CIB_PATH, load: 'cibadmin --replace --xml-pipe' }
    : { path: CRM_SCRIPT_PATH, load: 'crm configure load update -' };
}

/** The CIB's version triple: it changes with every committed change, and only then. */
export async function cibVersion(node: string, transport: Transport): Promise<string> {
  const xml = await mustRun(node, transport, 'cibadmin --query | head -n 1');
  const attr = (name: string) => new RegExp(`\\b${name}="(\\d+)"`).exec(xml)?.[1] ?? '?';
  return `${attr('admin_epoch')}.${attr('epoch')}.${attr('num_updates')}`;
}

/**
 * What loading `content` would change in the live CIB, without changing it: the same load, into a shadow copy of
 * the live CIB (crm_shadow), then crm_shadow's own diff; the shadow is removed again. Empty: nothing would change.
 */
export async function configurationDiff(model: ClusterModel, node: string, transport: Transport, content: string): Promise<string[]> {
  const { load } = configurationFile(model);
  const script = [
    `export CIB_shadow=${SHADOW}`,
    `crm_shadow --batch --force --create ${SHADOW} >/dev/null 2>&1 || exit 90`,
    `${load} >/dev/null 2>&1 || { crm_shadow --batch --force --delete ${SHADOW} >/dev/null 2>&1; exit 91; }`,
    'crm_shadow --diff; rc=$?',
    `crm_shadow --batch --force --delete ${SHADOW} >/dev/null 2>&1`,
    'exit $rc',
  ].join('\n');
  const r = await transport.exec(script, { input: content, timeoutMs: 120_000 });
  if (r.code === 0) return [];
  if (r.code !== 1) throw new RuntimeError('runtime-command-failed', `${node}: the configuration does not load into a copy of the live CIB (exit ${r.code}): ${tail(r.stderr)}`);
  // the version lines (`Diff: --- 0.8.3`, the epoch bump) say nothing an operator acts on
  return r.stdout.split('\n').filter((l) => l.trim() && !l.startsWith('Diff:') && !/^\+\s+\/cib:\s+@epoch=/.test(l));
}

/** Loads `content` into the live CIB when it changes something; says what happened (with the CIB versions). */
export async function loadConfiguration(model: ClusterModel, node: string, transport: Transport, content: string): Promise<string> {
  const { load } = configurationFile(model);
  const changes = await configurationDiff(model, node, transport, content);
  if (changes.length === 0) return `${node}: configuration unchanged`;
  const before = await cibVersion(node, transport);
  const r = await transport.exec(load, { input: content, timeoutMs: 120_000 });
  if (r.code !== 0) throw new RuntimeError('runtime-command-failed', `${node}: \`${load}\` failed: ${tail(r.stderr)}`);
  return `${node}: ${load.split(' -')[0]}: ${changes.length} change${changes.length === 1 ? '' : 's'}, CIB ${before} -> ${await cibVersion(node, transport)}`;
}
