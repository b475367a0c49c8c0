// Bundles the CLI into dist/cli so start-up reads a handful of files instead of hundreds of modules;
// commands stay in their own chunks (code splitting), so `hactl --help` loads none of them.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

// chunk names carry content hashes: clear old ones so dist/cli holds one build
rmSync('dist/cli', { recursive: true, force: true });
rmSync('dist/ui', { recursive: true, force: true });

await build({
  entryPoints: ['cli/hactl.ts'],
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // native addons, loader hooks and worker-thread transports must be loaded from node_modules at run time, and the
  // TypeScript compiler (loaded for TS stacks only) is too big to copy into a chunk
  external: ['ssh2', 'cpu-features', 'tsx', 'tsx/*', 'pino', 'thread-stream', 'esbuild', 'typescript'],
  banner: { js: "import { createRequire as __hactlRequire } from 'node:module'; const require = __hactlRequire(import.meta.url);" },
});

// The web view's script and style (hactl ui): served from dist/ui by the CLI, never from the internet.
await build({
  entryPoints: ['src/observe/ui/client/app.ts', 'src/observe/ui/client/app.css'],
  outdir: 'dist/ui',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  sourcemap: true,
  logLevel: 'warning',
});
// What `up`/`apply` install on cluster nodes for the agent runtime: the same CLI as ONE self-contained file (no
// node_modules, no chunks) for the Node.js the distributions ship (Debian 12: 18.x), minified to keep the push small.
// TypeScript stacks are loaded on the host only, so tsx/esbuild/typescript stay out; ssh2's optional native speed-ups
// are tried in try/catch and fall back to JavaScript.
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
rmSync('dist/node', { recursive: true, force: true });
const nodeBundle = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node18',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: { __HACTL_VERSION__: JSON.stringify(version) },
  external: ['tsx', 'tsx/*', 'esbuild', 'typescript', 'cpu-features', '*.node'],
  banner: { js: "import { createRequire as __hactlRequire } from 'node:module'; const require = __hactlRequire(import.meta.url);" },
};
await build({ ...nodeBundle, entryPoints: ['cli/node-hactl.ts'], outfile: 'dist/node/hactl.mjs' });
