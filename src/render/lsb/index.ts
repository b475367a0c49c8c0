import type { ClusterModel, PrimitiveModel } from '../../model/model.js';
import { allPrimitives } from '../../model/normalize.js';
import type { RenderedFile, Renderer } from '../artifact.js';
import { jobScriptView, tomcatScriptView } from './views.js';

const scripted = (model: ClusterModel) =>
  allPrimitives(model).filter((p): p is Extract<PrimitiveModel, { kind: 'tomcat' | 'exec' }> => (p.kind === 'tomcat' || p.kind === 'exec') && p.initScript);

/** /etc/init.d scripts for services that ship none (Tomcat from a tarball, a periodic job run as a resource). */
export const lsbRenderer: Renderer = {
  id: 'lsb',
  description: 'LSB init scripts: Tomcat and periodic jobs',
  applies: (model) => scripted(model).length > 0,
  render({ model, profile, templates }) {
    return scripted(model).flatMap((p) => {
      const content =
        p.kind === 'tomcat' ? templates.render('lsb/tomcat', tomcatScriptView(p, profile)) : templates.render('lsb/job', jobScriptView(p, profile));
      return model.nodes.map(
        (node): RenderedFile => ({
          node: node.name,
          path: `${profile.initDir}/${p.name}`,
          content,
          mode: '0755',
          owner: 'root:root',
          // the cluster runs it; nothing to restart when the script changes
          service: { name: p.name, action: 'none' },
          checker: 'shell',
        }),
      );
    });
  },
};
