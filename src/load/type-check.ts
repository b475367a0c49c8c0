import { dirname, relative, resolve } from 'node:path';
import type * as TS from 'typescript';
import { error, type Diagnostic } from '../diagnostics/index.js';

/**
 * Options for a stack without a tsconfig.json of its own: Node's module rules, strict, and the compiler's default
 * libraries for the target (as an editor without a tsconfig.json has them: `console` is known, `process` needs
 * @types/node).
 */
const DEFAULT_OPTIONS = {
  target: 'es2022',
  module: 'nodenext',
  moduleResolution: 'nodenext',
  strict: true,
  skipLibCheck: true,
} as const;

/**
 * The TypeScript compiler's errors in a TS stack (and the local modules it imports), as diagnostics located at
 * file:line:column like YAML schema errors: a misspelt key, a duration without a unit or an unknown NIC is reported
 * where it was typed, with the compiler's own words. The stack's nearest tsconfig.json decides the compiler options,
 * so hactl and the user's editor agree. The compiler (several MB) is loaded only here, only for TS stacks.
 */
export async function typeCheck(file: string): Promise<Diagnostic[]> {
  // typescript is CommonJS: under Node's ESM loader and in the CLI bundle alike its exports are the default
  const ts = ((await import('typescript')) as unknown as { default: typeof TS }).default;
  const path = resolve(file);
  const program = ts.createProgram({ rootNames: [path], options: compilerOptions(ts, path) });
  const own = program.getSourceFiles().filter((s) => !s.isDeclarationFile && !program.isSourceFileFromExternalLibrary(s));
  // a syntax error is already reported by the loader (with its position); the checker's errors after one are noise
  if (own.some((s) => program.getSyntacticDiagnostics(s).length > 0)) return [];
  const found = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(), ...own.flatMap((s) => program.getSemanticDiagnostics(s))];
  return found
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => {
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      const shownFile = !d.file || resolve(d.file.fileName) === path ? file : relative(process.cwd(), d.file.fileName);
      return {
        ...error('ts-type-error', undefined, `TS${d.code}: ${messageOf(ts, d.messageText)}`),
        location: { file: shownFile, line: where ? where.line + 1 : 0, column: where ? where.character + 1 : 0 },
      };
    });
}

function compilerOptions(ts: typeof TS, path: string): TS.CompilerOptions {
  const config = ts.findConfigFile(dirname(path), ts.sys.fileExists);
  const base = config
    ? (ts.getParsedCommandLineOfConfigFile(config, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })?.options ?? {})
    : ts.convertCompilerOptionsFromJson(DEFAULT_OPTIONS, dirname(path)).options;
  // only the check: nothing is written, and no build state of the project is read or kept
  return { ...base, noEmit: true, incremental: false, composite: false, tsBuildInfoFile: undefined, declaration: false, declarationMap: false, rootDir: undefined };
}

/** The compiler's message: its first line, and where it explains itself in a chain, the innermost reason too. */
function messageOf(ts: typeof TS, text: string | TS.DiagnosticMessageChain): string {
  const lines = ts.flattenDiagnosticMessageText(text, '\n').split('\n').map((l) => l.trim()).filter(Boolean);
  const [first = '', ...rest] = lines;
  const last = rest.at(-1);
  return last ? `${first} (${last})` : first;
}
