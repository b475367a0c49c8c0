import type { ClusterInput } from '../model/cluster.js';
import type { PlatformName } from '../model/model.js';
import type { PlatformProfile } from '../platform/profiles.js';
import type { Form } from './form.js';
import type { TranslationItem } from './report.js';
import type { SecretRefInput } from './stack.js';

export interface TranslateContext {
  /** the platform the translated stack is for */
  platform: PlatformName;
  profile: PlatformProfile;
  /** the platform the source stack was written for */
  sourcePlatform: PlatformName;
  /** the key to use where the target needs one and the source has none worth keeping (crc, VRRP PASS) */
  keyFrom?: SecretRefInput;
}

/** One translation between two forms; a step that keeps the form (from === to) fixes something up when `needed`. */
export interface Translation {
  id: string;
  from: Form;
  to: Form;
  /** for docs/translate.md and error messages */
  title: string;
  needed?(input: ClusterInput, ctx: TranslateContext): boolean;
  /** rewrites `draft`, a private copy, and reports every item it mapped, changed or could not translate */
  apply(draft: ClusterInput, ctx: TranslateContext): TranslationItem[];
}
