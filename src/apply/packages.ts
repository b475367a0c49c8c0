import type { ClusterModel } from '../model/model.js';
import { installCommand, installedQuery, packagesFor, parseInstalled } from '../platform/packages.js';
import { limiter } from '../transport/limit.js';
import type { TransportMap } from './plan.js';
import { ApplyError } from './errors.js';

const INSTALL_TIMEOUT_MS = 15 * 60_000;

export interface PackageReport {
  node: string;
  wanted: string[];
  /** absent before this run */
  missing: string[];
  /** the command that installed them, when anything was missing */
  command?: string;
}

export interface InstallPackagesOptions {
  model: ClusterModel;
  transports: TransportMap;
  concurrency?: number;
  /** only report what is missing and the command that would install it */
  dryRun?: boolean;
}

/** Idempotent package installation: asks rpm/dpkg first and installs only what is missing. */
export async function installPackages(opts: InstallPackagesOptions): Promise<PackageReport[]> {
  const { model } = opts;
  const wanted = packagesFor(model);
  const limit = limiter(opts.concurrency ?? 10);
  return Promise.all(model.nodes.map((node) => limit(async (): Promise<PackageReport> => {
    const transport = opts.transports.get(node.name);
    if (!transport) throw new ApplyError('apply-no-transport', node.name, `${node.name}: no connection for package installation`);
    if (wanted.length === 0) return { node: node.name, wanted, missing: [] };
    const query = await transport.exec(installedQuery(model.platform, wanted));
    const installed = parseInstalled(model.platform, query.stdout);
    const missing = wanted.filter((p) => !installed.has(p));
    if (missing.length === 0) return { node: node.name, wanted, missing };
    const command = installCommand(model.platform, missing);
    if (!opts.dryRun) {
      const r = await transport.exec(command, { timeoutMs: INSTALL_TIMEOUT_MS });
      if (r.code !== 0) {
        const detail = (r.stderr.trim() || r.stdout.trim()).split('\n').slice(-3).join(' / ');
        throw new ApplyError('apply-install-failed', node.name, `${node.name}: \`${command}\` failed: ${detail || `exit ${r.code}`}`);
      }
    }
    return { node: node.name, wanted, missing, command };
  })));
}
