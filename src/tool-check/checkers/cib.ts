import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import type { RenderedFile } from '../../render/artifact.js';
import { quote } from '../../transport/shell.js';
import { type CheckContext, checkEach, type CheckResult, defineChecker } from '../checker.js';

const TOOL = 'xmllint --noout + crm_verify --xml-file -V';
/** crm_verify exits 78 (CRM_EX_CONFIG) for warnings as well as errors. */
const CONFIG_EXIT = 78;

/** crm_verify repeats each schema complaint once per pass; keep one copy of each and a screenful at most. */
export function condense(text: string, limit = 20): string {
  const lines = [...new Set(text.split('\n').map((l) => l.trimEnd()).filter(Boolean))];
  return lines.length > limit ? [...lines.slice(0, limit), `... ${lines.length - limit} more lines`].join('\n') : lines.join('\n');
}

async function checkCib(file: RenderedFile, index: number, context: CheckContext): Promise<CheckResult> {
  const base = { node: file.node, path: file.path, tool: TOOL };
  const scratch = join(context.workDir, `cib-${index}.xml`);
  await writeFile(scratch, file.content);
  const relabel = (text: string) => condense(text.split(scratch).join(file.path));
  // crm_verify half-parses truncated XML and may exit 0, so well-formedness is xmllint's call
  const xml = await execa('xmllint', ['--noout', scratch], { reject: false });
  if (xml.exitCode !== 0) return { ...base, ok: false, message: relabel(`${xml.stderr}\n${xml.stdout}`) };
  const verify = await execa('crm_verify', ['--xml-file', scratch, '-V'], { reject: false, env: { LANG: 'C' } });
  const output = `${verify.stderr}\n${verify.stdout}`;
  const errors = output.split('\n').filter((l) => /\berror\b|Errors found|validity error/i.test(l));
  if (verify.exitCode === 0) return { ...base, ok: true };
  if (verify.exitCode === CONFIG_EXIT && errors.length === 0) return { ...base, ok: true, message: relabel(output) };
  return { ...base, ok: false, message: relabel(output) };
}

/** cib.xml as Pacemaker reads it: well-formed XML, then the schema named in validate-with and the policy engine's checks. */
export const cibChecker = defineChecker({
  id: 'cib',
  tools: [
    { binary: 'xmllint', apt: 'libxml2-utils' },
    { binary: 'crm_verify', apt: 'pacemaker-cli-utils' },
  ],
  check: (files, context) => checkEach(files, (file, index) => checkCib(file, index, context)),
  writeLast: true,
  onNode: { tool: 'crm_verify', binary: 'crm_verify', command: (p) => `crm_verify --xml-file ${quote(p)}` },
});
