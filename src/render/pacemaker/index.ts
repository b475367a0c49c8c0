import { CLUSTER_SCOPE, type Renderer } from '../artifact.js';
import { cibView } from './cib-view.js';
import { crmView } from './crm-view.js';
import { planPacemaker } from './plan.js';

export const CRM_SCRIPT_PATH = '/var/lib/hactl/crm-configure.crm';
export const CIB_PATH = '/var/lib/hactl/cib.xml';

const wants = (format: 'crmsh' | 'cib') => (model: Parameters<Renderer['applies']>[0]) =>
  model.runtime === 'pacemaker' && (model.pacemaker?.format ?? 'crmsh') !== (format === 'crmsh' ? 'cib' : 'crmsh');

/** The crm configure script, applied once for the whole cluster (on one node, once all nodes are members). */
export const crmshRenderer: Renderer = {
  id: 'crmsh',
  description: 'crm configure script: properties, primitives with ops, groups, ms/promotable, constraints',
  applies: wants('crmsh'),
  render({ model, profile, templates }) {
    const view = crmView(planPacemaker(model, profile), model.cluster, CRM_SCRIPT_PATH);
    return [
      { node: CLUSTER_SCOPE, path: CRM_SCRIPT_PATH, content: templates.render('pacemaker/crm-configure', view), mode: '0644', owner: 'root:root', checker: 'crmsh' },
    ];
  },
};

/** The same configuration as a cib.xml, for clusters configured with `cibadmin --replace` instead of crmsh. */
export const cibRenderer: Renderer = {
  id: 'cib',
  description: 'cib.xml of the same configuration (pacemaker-1.0 or pacemaker-3.7 schema)',
  applies: wants('cib'),
  render({ model, profile, templates }) {
    const view = cibView(planPacemaker(model, profile), model.cluster);
    return [{ node: CLUSTER_SCOPE, path: CIB_PATH, content: templates.render('pacemaker/cib.xml', view), mode: '0644', owner: 'root:root', checker: 'cib' }];
  },
};
