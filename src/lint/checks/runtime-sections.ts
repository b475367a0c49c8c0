import { error, warning, type Diagnostic } from '../../diagnostics/index.js';
import type { ClusterModel } from '../../model/model.js';
import type { Check } from '../check.js';

type Section = 'heartbeat' | 'corosync' | 'pacemaker' | 'vrrp' | 'keepalived' | 'agent';

/** The sections a runtime reads; anything else in the stack would be silently ignored. */
function sectionsRead(model: ClusterModel): Set<Section> {
  switch (model.runtime) {
    case 'heartbeat':
      return new Set(['heartbeat']);
    case 'agent':
      return new Set(['heartbeat', 'agent']);
    case 'keepalived':
      return new Set(['vrrp', 'keepalived']);
    case 'pacemaker':
      return new Set(['pacemaker', model.pacemaker?.messaging ?? 'heartbeat']);
  }
}

function present(model: ClusterModel, section: Section): boolean {
  if (section === 'vrrp') return model.vrrp.length > 0;
  if (section === 'keepalived') {
    const k = model.keepalived;
    return k.scripts.length > 0 || k.notificationEmail.length > 0 || [k.notificationEmailFrom, k.smtpServer, k.smtpConnectTimeout, k.routerId].some((v) => v !== undefined);
  }
  if (section === 'agent') return Object.keys(model.agent).length > 0;
  return model[section] !== undefined;
}

export const checkRuntimeSections: Check = (model) => {
  const out: Diagnostic[] = [];
  const read = sectionsRead(model);
  const required: Section[] = model.runtime === 'pacemaker' ? ['pacemaker', ...(model.pacemaker ? [model.pacemaker.messaging] : [])] : model.runtime === 'keepalived' ? ['vrrp'] : ['heartbeat'];
  for (const section of required) {
    if (!present(model, section)) {
      const why = section === model.pacemaker?.messaging ? ` (pacemaker.messaging is ${section})` : '';
      out.push(error('runtime-section-missing', section, `runtime ${model.runtime} needs a ${section}: section${why}`));
    }
  }
  for (const section of ['heartbeat', 'corosync', 'pacemaker', 'keepalived', 'agent'] as const) {
    if (present(model, section) && !read.has(section)) {
      out.push(warning('runtime-section-unused', section, `runtime ${model.runtime}${model.pacemaker && model.runtime === 'pacemaker' ? ` on ${model.pacemaker.messaging}` : ''} does not use the ${section}: section`));
    }
  }
  return out;
};
