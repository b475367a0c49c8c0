// stdin/stdout <-> TCP in plain Node, so a network namespace needs no netcat. It runs where the caller's prefix
// enters (a lab member's network namespace), so the connection is a real TCP flow from there across the lab network,
// cut by setLink and partition like any other traffic.
const RELAY = `const s = require('net').connect(Number(process.argv[2]), process.argv[1]);
process.stdin.pipe(s); s.pipe(process.stdout);
s.on('error', () => process.exit(1)); s.on('close', () => process.exit(0));
process.stdin.on('end', () => s.end());`;

/** The argv that relays its stdin/stdout to host:port over TCP, run through `prefix` (e.g. `nsenter --net=... --`). */
export function relayArgv(prefix: readonly string[], host: string, port: string): string[] {
  return [...prefix, process.execPath, '-e', RELAY, host, port];
}
