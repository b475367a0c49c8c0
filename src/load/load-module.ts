import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { error, quote, type Diagnostic } from '../diagnostics/index.js';

/** What a TypeScript/JavaScript stack exported, as plain data, or why it could not be loaded. */
export type ModuleResult = { ok: true; data: unknown } | { ok: false; diagnostic: Diagnostic };

/** A stack that neither exports nor fails in this time is stuck (an endless loop, a promise that never settles). */
const LOAD_TIMEOUT_MS = 60_000;
/** Marks a number JSON cannot carry (NaN, ±Infinity), so the schema rejects it as it would in YAML. */
const SPECIAL_NUMBER = '\u0000number';

type ChildReport =
  | { ok: true; data: unknown }
  | { ok: false; kind: 'exit' | 'throw' | 'no-default' | 'not-data'; message: string; stack?: string; path?: string };

/**
 * Runs a TS/JS stack in a child Node process and returns its default export as data. A stack is code: in its own
 * process its `process.exit()`, `process.exitCode`, console output, pending timers, a throwing getter or a hostile
 * Proxy cannot end, silence or corrupt the hactl that validates it. Loaded with tsx whatever the extension and the
 * package type: `.ts` in a CommonJS package, `.mts` and `.cts` all give the same export.
 */
export async function loadModule(file: string, timeoutMs = LOAD_TIMEOUT_MS): Promise<ModuleResult> {
  const url = pathToFileURL(resolve(file)).href;
  // tsx's require hook compiles the stack (any extension, any package type) to CommonJS with source maps, so an
  // error's stack points into the stack file; a stack that needs ESM (top-level await) is then imported through
  // tsx's ESM hooks, which cost a worker thread (~250 ms) and so are only registered for such a stack
  const tsxRequire = fileURLToPath(import.meta.resolve('tsx/cjs'));
  const tsxEsm = import.meta.resolve('tsx/esm/api');
  // the import stays in this literal: a test runner rewrites `import()` inside functions it transforms
  const program = `(${childMain.toString()})(${JSON.stringify(SPECIAL_NUMBER)}, (url) => import(url))`;
  const child = spawn(process.execPath, ['--require', tsxRequire, '--input-type=module', '-e', program, resolve(file), url, tsxEsm], {
    // the stack's own console output goes to stderr, never into hactl's stdout (which may be JSON)
    stdio: ['ignore', 2, 2, 'pipe'],
  });
  let text = '';
  (child.stdio[3] as Readable).setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; failed?: Error }>((done) => {
    child.on('error', (failed) => done({ code: null, signal: null, failed }));
    child.on('close', (code, signal) => done({ code, signal }));
  });
  clearTimeout(timer);
  const report = parseReport(text);
  if (report?.ok) return { ok: true, data: report.data };
  const fail = (message: string, hint?: string, at?: { line: number; column: number }, path?: string): ModuleResult => ({
    ok: false,
    diagnostic: { ...error('stack-load-failed', path, message, hint), location: { file, line: at?.line ?? 0, column: at?.column ?? 0 } },
  });
  if (!report) {
    if (ended.failed) return fail(`cannot start node to load ${file}: ${ended.failed.message}`);
    if (timedOut) return fail(`${file} did not finish loading within ${timeoutMs / 1000} s`, RAN_AWAY);
    return fail(`${file} ended while loading (${ended.signal ? `signal ${ended.signal}` : `exit code ${ended.code}`}) without exporting a stack`, RAN_AWAY);
  }
  const compiled = compileError(report.message, url);
  const at = compiled?.at ?? positionIn(report.stack, url);
  const first = compiled?.message ?? report.message.split('\n')[0] ?? '';
  switch (report.kind) {
    case 'exit':
      return fail(`the stack called ${first} while loading`, RAN_AWAY, at);
    case 'no-default':
      return fail(`${file} has no default export`);
    case 'not-data':
      return fail(`the default export holds ${first}, which is not stack data`, 'export plain data: objects, arrays, strings, numbers, booleans', undefined, report.path || undefined);
    default:
      return fail(
        compiled ? `the stack does not compile: ${quote(first)}` : report.path ? `reading this value threw ${quote(first)}` : `the stack threw ${quote(first)} while loading`,
        'a TypeScript stack is run when it is loaded: fix the error at this position',
        at,
        report.path || undefined,
      );
  }
}

const RAN_AWAY = 'a stack only builds and exports its cluster: it must not exit, wait forever or kill its process';

function parseReport(text: string): ChildReport | undefined {
  const line = text.split('\n')[0];
  if (!line) return undefined;
  try {
    return JSON.parse(line, (_key, value: unknown) =>
      value && typeof value === 'object' && SPECIAL_NUMBER in value ? Number((value as Record<string, string>)[SPECIAL_NUMBER]) : value,
    ) as ChildReport;
  } catch {
    return undefined;
  }
}

/**
 * esbuild's "Transform failed with 1 error:\n/path/stack.ts:15:0: ERROR: Top-level await is ..." (a stack that does
 * not compile): the error itself, at its position (esbuild counts columns from 0).
 */
function compileError(message: string, url: string): { message: string; at?: { line: number; column: number } } | undefined {
  const [head = '', next = ''] = message.split('\n');
  if (!/^Transform failed with \d+ errors?:$/.test(head)) return undefined;
  const match = /^(.*):(\d+):(\d+): ERROR: (.*)$/.exec(next);
  if (!match) return { message: next || head };
  const inStack = match[1] === fileURLToPath(url);
  return { message: match[4]!, ...(inStack ? { at: { line: Number(match[2]), column: Number(match[3]) + 1 } } : {}) };
}

/** The first frame of an error's stack that lies in the stack file itself: where the user's code went wrong. */
function positionIn(stack: string | undefined, url: string): { line: number; column: number } | undefined {
  if (!stack) return undefined;
  const path = fileURLToPath(url);
  for (const frame of stack.split('\n').filter((line) => /^\s+at /.test(line))) {
    for (const name of [url, path]) {
      const at = frame.indexOf(`${name}:`);
      if (at < 0) continue;
      const match = /^:(\d+):(\d+)/.exec(frame.slice(at + name.length));
      if (match) return { line: Number(match[1]), column: Number(match[2]) };
    }
  }
  return undefined;
}

/**
 * The child's program, sent as source text: it must not use anything outside its own body, nor `import` (code
 * coverage instrumentation would break it too). Loads the stack (tsx's require hook is preloaded), turns its default
 * export into plain data and writes one JSON line to fd 3.
 */
async function childMain(special: string, load: (url: string) => Promise<Record<string, unknown>>): Promise<void> {
  const { writeSync } = process.getBuiltinModule('node:fs');
  const [path, url, esmApi] = process.argv.slice(1) as [string, string, string];
  const report = (value: unknown) => {
    const bytes = Buffer.from(`${JSON.stringify(value)}\n`);
    for (let offset = 0; offset < bytes.length; ) {
      try {
        offset += writeSync(3, bytes, offset);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      }
    }
  };
  const exit = process.exit.bind(process);
  let reported = false;
  const finish = (value: unknown) => {
    if (!reported) report(value);
    reported = true;
    exit(0);
  };
  process.exit = ((code?: number | string | null) => {
    finish({ ok: false, kind: 'exit', message: `process.exit(${code ?? ''})`, stack: new Error().stack });
  }) as typeof process.exit;
  // a value that is no stack data (a function, a class instance), and an error thrown while reading one (a getter, a Proxy)
  class NotData {
    constructor(
      readonly path: string,
      readonly what: string,
    ) {}
  }
  class Thrown {
    constructor(
      readonly path: string,
      readonly error: unknown,
    ) {}
  }
  const seen = new Set<object>();
  const at = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);
  const read = <T>(path: string, get: () => T): T => {
    try {
      return get();
    } catch (e) {
      throw e instanceof NotData || e instanceof Thrown ? e : new Thrown(path, e);
    }
  };
  const toData = (value: unknown, path: string): unknown => {
    if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return Number.isFinite(value) ? value : { [special]: String(value) };
    if (typeof value !== 'object') throw new NotData(path, `a ${typeof value}`);
    if (seen.has(value)) throw new NotData(path, 'a reference to itself');
    seen.add(value);
    try {
      if (read(path, () => Array.isArray(value))) {
        const list = value as unknown[];
        const length = read(path, () => list.length);
        return Array.from({ length }, (_, i) => toData(read(at(path, i), () => list[i]), at(path, i)) ?? null);
      }
      const proto = read(path, () => Object.getPrototypeOf(value) as unknown);
      if (proto !== Object.prototype && proto !== null) throw new NotData(path, `an object of class ${read(path, () => (value as object).constructor?.name) ?? 'unknown'}`);
      const out: Record<string, unknown> = {};
      for (const key of read(path, () => Object.keys(value))) out[key] = toData(read(at(path, key), () => (value as Record<string, unknown>)[key]), at(path, key));
      return out;
    } finally {
      seen.delete(value);
    }
  };
  try {
    let value: unknown;
    try {
      // compiled from ESM, module.exports is marked __esModule and holds the default export; plain CommonJS
      // (`module.exports = {...}`) is the export itself
      const exported = process.getBuiltinModule('node:module').createRequire(path)(path) as { __esModule?: unknown; default?: unknown } | undefined;
      value = exported && typeof exported === 'object' && exported.__esModule === true ? exported.default : exported;
    } catch (e) {
      const code = (e as { code?: unknown })?.code;
      if (code !== 'ERR_REQUIRE_ASYNC_MODULE' && code !== 'ERR_REQUIRE_ESM') throw e;
      ((await load(esmApi)) as { register: () => void }).register();
      const mod = await load(url);
      const wrapped = mod.default as { __esModule?: unknown; default?: unknown } | undefined;
      value = wrapped && typeof wrapped === 'object' && wrapped.__esModule === true ? wrapped.default : wrapped;
    }
    if (value === undefined) finish({ ok: false, kind: 'no-default', message: 'no default export' });
    else finish({ ok: true, data: toData(value, '') });
  } catch (e) {
    if (e instanceof NotData) return finish({ ok: false, kind: 'not-data', message: e.what, path: e.path });
    const thrown = e instanceof Thrown ? e.error : e;
    let message = 'a value that cannot be shown';
    try {
      message = thrown instanceof Error ? thrown.message : String(thrown);
    } catch {
      // a thrown Proxy or an object whose toString throws
    }
    finish({ ok: false, kind: 'throw', message, stack: thrown instanceof Error ? thrown.stack : undefined, path: e instanceof Thrown ? e.path || undefined : undefined });
  }
}
