import { readFile, stat } from 'node:fs/promises';
import { AgentConfigError } from './errors.js';
import { parseAgentConfig } from './parse.js';
import type { AgentConfig } from './types.js';

/** Reads and validates the file; refuses a key file readable by group or others, as heartbeat does for authkeys. */
export async function loadAgentConfig(path: string): Promise<AgentConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new AgentConfigError(path, [{ path: '(file)', message: (err as Error).message }]);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new AgentConfigError(path, [{ path: '(file)', message: `not valid JSON: ${(err as Error).message}` }]);
  }
  const config = parseAgentConfig(doc, path);
  if (config.auth.method !== 'crc') {
    const mode = (await stat(path)).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new AgentConfigError(path, [
        { path: '(file)', message: `holds the cluster key but has mode ${mode.toString(8)}: chmod 600 it` },
      ]);
    }
  }
  return config;
}
