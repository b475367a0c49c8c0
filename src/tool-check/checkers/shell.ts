import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import type { RenderedFile } from '../../render/artifact.js';
import { quote } from '../../transport/shell.js';
import { type CheckContext, checkEach, type CheckResult, defineChecker } from '../checker.js';

type Dialect = 'sh' | 'bash';

function dialectOf(content: string): Dialect | undefined {
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(content);
  const program = shebang?.[1]?.endsWith('/env') ? shebang[2] : shebang?.[1];
  if (program === undefined) return undefined;
  if (/\/?bash$/.test(program)) return 'bash';
  if (/\/?sh$/.test(program)) return 'sh';
  return undefined;
}

/** The tools print the scratch copy's name; the target path is what the reader knows. */
const relabel = (text: string, scratch: string, file: RenderedFile) => text.split(scratch).join(file.path).trim();

async function checkScript(file: RenderedFile, index: number, context: CheckContext): Promise<CheckResult> {
  const dialect = dialectOf(file.content);
  const parser = dialect === 'sh' ? 'dash' : 'bash';
  const base = { node: file.node, path: file.path, tool: `${parser} -n + shellcheck -S warning -s ${dialect ?? 'bash'}` };
  if (!dialect) return { ...base, ok: false, message: 'no #!/bin/sh or #!/bin/bash line: the script cannot be run' };
  const scratch = join(context.workDir, `script-${index}`);
  await writeFile(scratch, file.content, { mode: 0o755 });
  const syntax = await execa(parser, ['-n', scratch], { reject: false });
  if (syntax.exitCode !== 0) return { ...base, ok: false, message: relabel(`${syntax.stderr}\n${syntax.stdout}`, scratch, file) };
  const lint = await execa('shellcheck', ['-S', 'warning', '-s', dialect, '-f', 'gcc', scratch], { reject: false });
  if (lint.exitCode !== 0) return { ...base, ok: false, message: relabel(`${lint.stdout}\n${lint.stderr}`, scratch, file) };
  return { ...base, ok: true };
}

/** Init scripts and monitor loops: parsed by the shell that runs them (dash for /bin/sh, as on Debian) and linted by shellcheck. */
export const shellChecker = defineChecker({
  id: 'shell',
  tools: [
    { binary: 'bash', apt: 'bash' },
    { binary: 'dash', apt: 'dash' },
    { binary: 'shellcheck', apt: 'shellcheck' },
  ],
  check: (files, context) => checkEach(files, (file, index) => checkScript(file, index, context)),
  writeLast: false,
  onNode: {
    tool: 'sh -n',
    binary: 'sh',
    command: (p) => `if head -n1 ${quote(p)} | grep -q bash; then bash -n ${quote(p)}; else sh -n ${quote(p)}; fi`,
  },
});
