import type { ProviderName } from '../../src/provider/provider.js';
import { untilSignal } from './until-signal.js';

export interface UiCliOptions {
  lab?: boolean;
  provider?: ProviderName;
  listen: string;
  token?: string;
  allowActions?: boolean;
  history: string;
  interval: string;
}

export async function uiCommand(stack: string, options: UiCliOptions): Promise<number> {
  const { parseListen } = await import('../../src/observe/metrics/listen.js');
  const { startUi } = await import('../../src/observe/ui/server.js');
  const provider = options.lab ? 'lab' : options.provider;
  const token = options.token ?? process.env.HACTL_UI_TOKEN;
  const ui = await startUi(stack, {
    listen: parseListen(options.listen),
    ...(provider ? { provider } : {}),
    ...(token ? { token } : {}),
    allowActions: options.allowActions ?? false,
    historyFile: options.history,
    intervalMs: Number(options.interval) * 1000,
    onAction: (r) => process.stderr.write(`${r.date} action ${r.op} ${Object.values(r.args).join(' ')}: ${r.ok ? 'done' : 'failed'} (${r.detail})\n`),
  });
  process.stderr.write(`web view of ${stack} at ${ui.url}${token ? '?token=…' : ''} (${options.allowActions ? 'actions enabled' : 'read-only'}); Ctrl-C stops it\n`);
  await untilSignal();
  await ui.close();
  return 0;
}
