import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ClusterInput } from '../model/cluster.js';
import type { ClusterModel } from '../model/model.js';
import { normalize } from '../model/normalize.js';
import { error, type Diagnostic } from '../diagnostics/index.js';
import { loadModule } from './load-module.js';
import { parseYaml } from './parse-yaml.js';
import { schemaDiagnostics } from './schema-errors.js';
import { moduleSourceMap } from './module-source-map.js';
import { fileOnly, SourceMap, type StackSources } from './source-map.js';
import { typeCheck } from './type-check.js';
import { clusterValidator, isValidCluster } from './validator.js';

export interface LoadedStack {
  file: string;
  /** present when the stack passed the schema */
  model?: ClusterModel;
  input?: ClusterInput;
  diagnostics: Diagnostic[];
  /** where each model path was written, for located diagnostics */
  sources: StackSources;
}

const MODULE_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']);
const TYPESCRIPT_EXTENSIONS = new Set(['.ts', '.mts', '.cts']);

export interface LoadOptions {
  /**
   * Type-check a TypeScript stack and report the compiler's errors (default true). Commands that only need the model
   * of a stack already validated (down, lab exec) may skip it: the check costs about a second.
   */
  typeCheck?: boolean;
}

/** Reads a YAML or TypeScript stack and checks it against the schema; never throws for user errors. */
export async function loadStack(file: string, options: LoadOptions = {}): Promise<LoadedStack> {
  const ext = extname(file);
  if (MODULE_EXTENSIONS.has(ext)) {
    // commands that skip the type check only need the model of a stack already validated: no locations either
    const full = options.typeCheck ?? true;
    return loadModuleStack(file, { checkTypes: full && TYPESCRIPT_EXTENSIONS.has(ext), locate: full });
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return failed(file, error('stack-not-found', undefined, `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`));
  }
  const parsed = parseYaml(text, file);
  const sources = new SourceMap(file, parsed.doc, parsed.lines);
  if (parsed.diagnostics.length) return { file, diagnostics: parsed.diagnostics, sources };
  return checkInput(file, parsed.data, sources);
}

/** A stack given as data (e.g. from `defineCluster` in a test) goes through the same checks as a file. */
export function loadStackData(file: string, data: unknown): Promise<LoadedStack> {
  return checkInput(file, data, fileOnly(file));
}

/**
 * TS and JS stacks are programs: they run in a child process (see loadModule) and only their export comes back.
 * The type check runs meanwhile in this process, so a TS stack costs the longer of the two, not their sum.
 */
async function loadModuleStack(file: string, options: { checkTypes: boolean; locate: boolean }): Promise<LoadedStack> {
  const [loaded, typeErrors, sources] = await Promise.all([
    loadModule(file),
    options.checkTypes ? typeCheck(file) : [],
    options.locate ? moduleSources(file) : fileOnly(file),
  ]);
  if (!loaded.ok) return { file, diagnostics: [...typeErrors, loaded.diagnostic], sources };
  const checked = await checkInput(file, loaded.data, sources);
  return { ...checked, diagnostics: [...typeErrors, ...checked.diagnostics] };
}

async function checkInput(file: string, data: unknown, sources: StackSources): Promise<LoadedStack> {
  if (isValidCluster(data)) {
    const input = data as ClusterInput;
    return { file, input, model: normalize(input), diagnostics: [], sources };
  }
  const validate = await clusterValidator();
  if (validate(data)) throw new Error(`internal: TypeBox rejected ${file} but ajv accepted it`);
  const diagnostics = schemaDiagnostics(validate.errors ?? [], data)
    .map(({ diagnostic, at }) => ({ ...diagnostic, location: sources.locate(diagnostic.path, at) }))
    .sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0));
  return { file, diagnostics, sources };
}

function failed(file: string, diagnostic: Diagnostic): LoadedStack {
  return { file, diagnostics: [{ ...diagnostic, location: { file, line: 0, column: 0 } }], sources: fileOnly(file) };
}

/** Where a module stack's values were written; a source that cannot be read leaves its errors at the file. */
async function moduleSources(file: string): Promise<StackSources> {
  try {
    return await moduleSourceMap(file, await readFile(file, 'utf8'));
  } catch {
    return fileOnly(file);
  }
}
