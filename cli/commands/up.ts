import type { ProviderName } from '../../src/provider/provider.js';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export interface UpCliOptions {
  provider: ProviderName;
  vagrantProvider?: 'libvirt' | 'virtualbox';
  box?: string;
  drbdOverwrite?: boolean;
}

export async function upCommand(stack: string, options: UpCliOptions): Promise<number> {
  const { up } = await import('../../src/operations/up.js');
  const { formatOperationEvent } = await import('../../src/operations/format-event.js');
  const vagrant = { ...(options.vagrantProvider ? { provider: options.vagrantProvider } : {}), ...(options.box ? { box: options.box } : {}) };
  const result = await up(stack, {
    provider: options.provider,
    providerOptions: { vagrant, ...(options.drbdOverwrite ? { drbdOverwrite: true } : {}) },
    onEvent: (e) => {
      if (e.type !== 'healthy') process.stderr.write(`${formatOperationEvent(e)}\n`);
    },
  });
  process.stdout.write(`cluster ${result.cluster} is up on ${result.where} (${result.runtime}) in ${seconds(result.totalMs)}\n`);
  for (const p of result.placement) process.stdout.write(`  ${p.name.padEnd(12)} ${(p.vip ?? '').padEnd(16)} on ${p.node ?? '(nowhere)'}\n`);
  return 0;
}
