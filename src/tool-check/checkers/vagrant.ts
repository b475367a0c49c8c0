import { formatDiagnostic } from '../../diagnostics/index.js';
import { onPath } from '../../host-tools/on-path.js';
import { failureOf, runVagrant } from '../../host-tools/vagrant-cli.js';
import { vagrantIssues } from '../../lint/checks/vagrant/index.js';
import type { RenderedFile } from '../../render/artifact.js';
import { vagrantSettings } from '../../render/vagrant/settings.js';
import { manifestEntry, prepareWorkdir, vagrantWorkdir } from '../../render/vagrant/workdir.js';
import { type CheckContext, type CheckResult, checkEach, defineChecker } from '../checker.js';

const TOOL = 'vagrant validate (hactl Vagrantfile) + hactl address/port checks';

// The Vagrantfile only encodes file contents, so a secret is checked as a placeholder of the same size.
const masked = (f: RenderedFile): RenderedFile & { renderer: string } => ({ ...f, renderer: 'check', ...(f.secret ? { content: '*'.repeat(Buffer.byteLength(f.content)) } : {}) });

async function checkOne(file: RenderedFile, context: CheckContext): Promise<CheckResult> {
  const base = { node: file.node, path: file.path, tool: TOOL };
  const { model } = context;
  const settings = vagrantSettings(model);
  const errors = vagrantIssues(model, settings).filter((i) => i.severity === 'error');
  if (errors.length) return { ...base, ok: false, message: errors.map(formatDiagnostic).join('\n') };
  const dir = vagrantWorkdir(model.cluster, context.workDir);
  const files = [...context.allFiles.filter((f) => f !== file), file].map(masked);
  await prepareWorkdir(dir, { files, manifest: files.map(manifestEntry) });
  // without VirtualBox, vagrant refuses to validate its provider block at all; the rest is still worth checking
  const providerMissing = settings.provider === 'virtualbox' && !(await onPath('VBoxManage'));
  const run = await runVagrant(['validate', ...(providerMissing ? ['--ignore-provider'] : [])], { cwd: dir.root, env: { VAGRANT_DEFAULT_PROVIDER: settings.provider } });
  const tool = providerMissing ? `${TOOL}; VirtualBox settings not validated (VBoxManage missing)` : TOOL;
  return run.exitCode === 0 ? { ...base, tool, ok: true } : { ...base, tool, ok: false, message: failureOf(run) };
}

/** `vagrant validate` on the top-level Vagrantfile fed with the stack's data, after the checks Vagrant does not make. */
export const vagrantChecker = defineChecker({
  id: 'vagrant',
  tools: [{ binary: 'vagrant', apt: 'vagrant' }],
  check: (files, context) => checkEach(files, (file) => checkOne(file, context)),
  writeLast: false,
});
