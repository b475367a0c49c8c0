import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { packageRoot } from '../package-root.js';

export interface TemplateEngine {
  render(name: string, view: object): string;
}

const helpers: Record<string, Handlebars.HelperDelegate> = {
  join: (list: unknown[], separator: unknown) => (Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ' ') : ''),
  eq: (a: unknown, b: unknown) => a === b,
};

/**
 * A private Handlebars instance: strict (a missing view field is an error, not an empty string), no HTML escaping
 * (these are config files), and only the helpers registered here.
 */
export function createTemplateEngine(root = join(packageRoot(), 'templates')): TemplateEngine {
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn);
  const knownHelpers = Object.fromEntries(Object.keys(helpers).map((name) => [name, true]));
  const cache = new Map<string, Handlebars.TemplateDelegate>();
  return {
    render(name, view) {
      let template = cache.get(name);
      if (!template) {
        const source = readFileSync(join(root, `${name}.hbs`), 'utf8');
        template = hb.compile(source, { strict: true, noEscape: true, knownHelpers, knownHelpersOnly: true });
        cache.set(name, template);
      }
      return template(view);
    },
  };
}
