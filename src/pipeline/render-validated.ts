import { dirname } from 'node:path';
import { stackDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import type { ClusterModel, PlatformName } from '../model/model.js';
import type { TranslationItem } from '../translate/index.js';
import { renderStack, type RenderResult } from '../render/render-stack.js';
import { validateStacks } from './validate.js';

export type RenderOutcome =
  | { result: RenderResult; model: ClusterModel; diagnostics: Diagnostic[]; translations: TranslationItem[] }
  | { result?: undefined; model?: ClusterModel; diagnostics: Diagnostic[]; translations: TranslationItem[] };

export interface RenderValidatedOptions {
  env?: NodeJS.ProcessEnv;
  /** render for this platform (the stack is retargeted first, every change reported) */
  platform?: PlatformName;
}

/** Validate, then render in memory; nothing is rendered (or written) when the stack has errors. */
export async function renderValidated(stack: string, options: RenderValidatedOptions = {}): Promise<RenderOutcome> {
  const env = options.env ?? process.env;
  const [validated] = await validateStacks([stack], { env, ...(options.platform ? { platform: options.platform } : {}) });
  const translations = validated?.translations ?? [];
  if (!validated?.ok || !validated.model) return { diagnostics: validated?.diagnostics ?? [], translations };
  try {
    const result = { ...renderStack(validated.model, { env, baseDir: dirname(stack), allowGenerate: true }), translations };
    return { result, model: validated.model, diagnostics: validated.diagnostics, translations };
  } catch (e) {
    const found = stackDiagnostics(e);
    if (!found) throw e;
    const located = found.map((d) => ({ ...d, location: d.location ?? validated.sources.locate(d.path) }));
    return { diagnostics: [...validated.diagnostics, ...located], translations };
  }
}
