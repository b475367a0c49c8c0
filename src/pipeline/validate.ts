import { dirname } from 'node:path';
import { hasErrors, stackDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import { lintModel } from '../lint/index.js';
import { loadStack, loadStackData, type LoadedStack } from '../load/load-stack.js';
import type { ClusterModel, PlatformName } from '../model/model.js';
import { blockedDiagnostics, retarget, type TranslationItem } from '../translate/index.js';
import { renderStack } from '../render/render-stack.js';
import type { SecretSource } from '../secrets/source.js';

export interface ValidatedStack extends LoadedStack {
  ok: boolean;
  /** what retargeting to another platform changed (empty when the stack already is for it) */
  translations: TranslationItem[];
}

/** Loads and checks stacks together, so checks that span stacks (VRIDs per segment) see all of them. */
export interface ValidateOptions {
  env?: NodeJS.ProcessEnv;
  /** check that keys resolve (env var set, file present); off for CI jobs that check configs without secrets */
  resolveSecrets?: boolean;
  /** the platform the stack will run on (a provider's machines): the stack is retargeted to it first */
  platform?: PlatformName;
}

/**
 * The stack as the target platform can run it (paths, packages, and runtimes the platform no longer ships), with a
 * line per change; what cannot be translated is an error at the source stack's field.
 */
async function retargeted(stack: LoadedStack, platform: PlatformName | undefined): Promise<{ stack: LoadedStack; translations: TranslationItem[]; blocked: Diagnostic[] }> {
  if (!platform || !stack.input || !stack.model || stack.model.platform === platform) return { stack, translations: [], blocked: [] };
  const result = retarget(stack.input, { platform });
  if (!result.ok || !result.input) return { stack, translations: result.report, blocked: blockedDiagnostics(result.report) };
  const reloaded = await loadStackData(stack.file, result.input);
  // the translated stack is located with the source's map: its paths are the source's, or close to them
  return { stack: { ...reloaded, sources: stack.sources, diagnostics: [...stack.diagnostics, ...reloaded.diagnostics] }, translations: result.report, blocked: [] };
}

export async function validateStacks(files: readonly string[], options: ValidateOptions = {}): Promise<ValidatedStack[]> {
  const env = options.env ?? process.env;
  const targets = await Promise.all(files.map(async (file) => retargeted(await loadStack(file), options.platform)));
  const loaded = targets.map((t) => t.stack);
  return targets.map(({ stack, translations, blocked }) => {
    if (blocked.length) {
      const located = blocked.map((d): Diagnostic => ({ ...d, location: stack.sources.locate(d.path) }));
      return { ...stack, diagnostics: [...stack.diagnostics, ...located], ok: false, translations };
    }
    if (!stack.model) return { ...stack, ok: false, translations };
    const others = loaded.filter((o) => o !== stack && o.model).map((o) => o.model!);
    const lint = lintModel(stack.model, { others, env, baseDir: dirname(stack.file), resolveSecrets: options.resolveSecrets ?? true });
    const render = hasErrors(lint) ? [] : dryRender(stack.model);
    const located = [...lint, ...render].map((d): Diagnostic => ({ ...d, location: stack.sources.locate(d.path) }));
    const diagnostics = [...stack.diagnostics, ...located];
    return { ...stack, diagnostics, ok: !hasErrors(diagnostics), translations };
  });
}

/** File paths never depend on keys: the dry render needs none (and creates no generated key file). */
const placeholderKeys: SecretSource = { resolve: () => ({ ok: true, value: 'placeholder-key' }) };

/**
 * Renders in memory and keeps only what went wrong: where a stack's files[] entry (or a document root) lands on a
 * file hactl renders itself, only the renderers know their paths, so asking them is the one way that cannot drift.
 */
function dryRender(model: ClusterModel): Diagnostic[] {
  try {
    renderStack(model, { secrets: placeholderKeys });
    return [];
  } catch (e) {
    const found = stackDiagnostics(e);
    if (found) return found;
    throw e;
  }
}
