import { AgentConfigError, parseAgentConfig } from '../../agent/config/index.js';
import { type CheckResult, defineChecker } from '../checker.js';

const TOOL = "the agent's own config parser (parseAgentConfig)";

/** The bundled agent reads nothing but this document, so its own parser is the real tool. */
export const agentChecker = defineChecker({
  id: 'agent',
  tools: [],
  async check(files) {
    return files.map((file): CheckResult => {
      const base = { node: file.node, path: file.path, tool: TOOL };
      try {
        const config = parseAgentConfig(JSON.parse(file.content), file.path);
        if (!config.nodes.some((n) => n.name === file.node)) return { ...base, ok: false, message: `node ${file.node} is not in nodes[]: the agent could not start with --node ${file.node}` };
        if (config.auth.method !== 'crc' && Number.parseInt(file.mode, 8) & 0o077) return { ...base, ok: false, message: `holds the cluster key but has mode ${file.mode}: the agent refuses it` };
        return { ...base, ok: true };
      } catch (e) {
        if (e instanceof AgentConfigError) return { ...base, ok: false, message: e.issues.map((i) => `${i.path}: ${i.message}`).join('\n') };
        return { ...base, ok: false, message: `not valid JSON: ${(e as Error).message}` };
      }
    });
  },
  writeLast: true,
});
