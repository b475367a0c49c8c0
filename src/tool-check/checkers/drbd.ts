import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { execa } from 'execa';
import type { RenderedFile } from '../../render/artifact.js';
import { type CheckContext, checkEach, type CheckResult, defineChecker } from '../checker.js';

const DRBDADM_84 = '/usr/lib/drbd/drbdadm-84';
const RES_DIR = '/etc/drbd.d/';

/** drbdadm accepts a missing final brace, so the balance is checked here. */
export function braceError(content: string): string | undefined {
  const open: number[] = [];
  for (const [i, raw] of content.split('\n').entries()) {
    const line = raw.replace(/"[^"]*"/g, '""').replace(/#.*/, '');
    for (const ch of line) {
      if (ch === '{') open.push(i + 1);
      else if (ch === '}' && open.pop() === undefined) return `line ${i + 1}: '}' closes nothing`;
    }
  }
  return open.length ? `'{' opened at line ${open.at(-1)} is never closed` : undefined;
}

function toolFor(file: RenderedFile, context: CheckContext): { argv0: string; name: string } {
  const own = file.path.startsWith(RES_DIR) ? [basename(file.path, '.res')] : undefined;
  const resources = context.model.drbd.filter((d) => (own ? own.includes(d.name) : d.hosts.some((h) => h.node === file.node)));
  return resources.some((d) => d.version === '8.4') ? { argv0: DRBDADM_84, name: 'drbdadm-84' } : { argv0: 'drbdadm', name: 'drbdadm' };
}

/** drbd.conf is checked with the node's .res files next to it, so its include must resolve to them. */
async function stage(file: RenderedFile, context: CheckContext): Promise<{ config: string; resources: string[] }> {
  const dir = join(context.workDir, file.node, file.path.startsWith(RES_DIR) ? 'res' : 'conf');
  await mkdir(join(dir, 'drbd.d'), { recursive: true });
  if (file.path.startsWith(RES_DIR)) {
    const config = join(dir, basename(file.path));
    await writeFile(config, file.content);
    return { config, resources: [basename(file.path, '.res')] };
  }
  const siblings = context.allFiles.filter((f) => f.node === file.node && f.path.startsWith(RES_DIR) && f.path.endsWith('.res'));
  for (const res of siblings) await writeFile(join(dir, 'drbd.d', basename(res.path)), res.content);
  const config = join(dir, 'drbd.conf');
  await writeFile(config, file.content);
  return { config, resources: siblings.map((f) => basename(f.path, '.res')) };
}

async function checkOne(file: RenderedFile, context: CheckContext): Promise<CheckResult> {
  const { argv0, name } = toolFor(file, context);
  const base = { node: file.node, path: file.path, tool: `${name} -c FILE dump all + brace check` };
  const braces = braceError(file.content);
  if (braces) return { ...base, ok: false, message: braces };
  if (argv0.startsWith('/') && !existsSync(argv0)) return { ...base, ok: false, message: `install drbd-utils (${argv0} not found)`, missingTool: name };
  const { config, resources } = await stage(file, context);
  const r = await execa(argv0, ['-c', config, 'dump', 'all'], { reject: false, timeout: 30_000, env: { LANG: 'C' } });
  // drbdadm asks modinfo for the kernel module version; irrelevant for a parse
  const output = String(r.stderr).split('\n').filter((l) => l.trim() && !/modinfo/.test(l)).join('\n');
  if (r.exitCode !== 0) return { ...base, ok: false, message: output || `exit ${r.exitCode}` };
  const missing = resources.filter((res) => !new RegExp(`^resource ${res.replace(/[.-]/g, '\\$&')} \\{`, 'm').test(String(r.stdout)));
  if (missing.length) return { ...base, ok: false, message: `${name} did not see resource ${missing.join(', ')}: the include does not reach drbd.d/*.res` };
  return { ...base, ok: true };
}

/** drbdadm's parser (8.4 or 9, as the resource says) over drbd.conf with its includes and over each .res. */
export const drbdChecker = defineChecker({
  id: 'drbd',
  tools: [{ binary: 'drbdadm', apt: 'drbd-utils' }],
  check: (files, context) => checkEach(files, (file) => checkOne(file, context)),
  writeLast: true,
});
