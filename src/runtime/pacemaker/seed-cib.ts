import type { ClusterModel } from '../../model/model.js';

const CIB_DIR = '/var/lib/pacemaker/cib';
/** How long a fresh cluster waits for other nodes before electing a DC: Pacemaker's default (20 s) is most of `up`. */
export const SEED_DC_DEADTIME = '2s';

/**
 * A brand-new node (no CIB yet) starts with a CIB that only shortens dc-deadtime, so the first DC is elected in
 * seconds; bootstrap puts the stack's own value back (or removes it) once the configuration is loaded. Pacemaker
 * refuses a CIB without the installed crm_feature_set, which `pacemakerd -F` prints. An existing CIB is never touched.
 */
export function seedCibCommand(model: Pick<ClusterModel, 'cluster'>): string {
  const cib = `${CIB_DIR}/cib.xml`;
  return [
    `if [ ! -e ${cib} ]; then`,
    `  fs=$(pacemakerd -F | sed -n 's/.*Supporting v\\([0-9.]*\\).*/\\1/p')`,
    `  mkdir -p ${CIB_DIR}`,
    `  printf '%s\\n' "<cib crm_feature_set=\\"$fs\\" validate-with=\\"pacemaker-3.0\\" epoch=\\"1\\" num_updates=\\"0\\" admin_epoch=\\"0\\">" \\`,
    `    '  <configuration><crm_config><cluster_property_set id="cib-bootstrap-options">' \\`,
    `    '    <nvpair id="cib-bootstrap-options-dc-deadtime" name="dc-deadtime" value="${SEED_DC_DEADTIME}"/>' \\`,
    `    '    <nvpair id="cib-bootstrap-options-cluster-name" name="cluster-name" value="${model.cluster}"/>' \\`,
    `    '  </cluster_property_set></crm_config><nodes/><resources/><constraints/></configuration><status/></cib>' > ${cib}`,
    `  chown -R hacluster:haclient ${CIB_DIR} && chmod 0600 ${cib}`,
    'fi',
  ].join('\n');
}
