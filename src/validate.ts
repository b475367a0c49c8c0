import { dirname } from 'node:path';
import { hasErrors, type Diagnostic } from './diagnostics/index.js';
import { lintModel } from './lint/index.js';
import { loadStack, type LoadedStack } from './load/load-stack.js';

export interface ValidatedStack extends LoadedStack {
  ok: boolean;
}

/** Loads and checks stacks together, so checks that span stacks (VRIDs per segment) see all of them. */
export interface ValidateOptions {
  env?: NodeJS.ProcessEnv;
  /** check that keys resolve (env var set, file present); off for CI jobs that check configs without secrets */
  resolveSecrets?: boolean;
}

export async function validateStacks(files: readonly string[], options: ValidateOptions = {}): Promise<ValidatedStack[]> {
  const env = options.env ?? process.env;
  const loaded = await Promise.all(files.map((file) => loadStack(file)));
  return loaded.map((stack) => {
    if (!stack.model) return { ...stack, ok: false };
    const others = loaded.filter((o) => o !== stack && o.model).map((o) => o.model!);
    const lint = lintModel(stack.model, { others, env, baseDir: dirname(stack.file), resolveSecrets: options.resolveSecrets ?? true }).map(
      (d): Diagnostic => ({ ...d, location: stack.sources.locate(d.path) }),
    );
    const diagnostics = [...stack.diagnostics, ...lint];
    return { ...stack, diagnostics, ok: !hasErrors(diagnostics) };
  });
}
