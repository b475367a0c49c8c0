import { labProvider } from './lab/index.js';
import type { Provider, ProviderName } from './provider.js';
import { sshProvider } from './ssh/index.js';
import { vagrantProvider } from './vagrant/provider.js';

/** Every place a stack's nodes can run; the keys feed `--provider`. */
export const providers: { readonly [P in ProviderName]: Provider } = {
  lab: labProvider,
  vagrant: vagrantProvider,
  ssh: sshProvider,
};
