import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { readState } from '../../src/netns/state.js';
import type { ClusterStatus } from '../../src/runtime/status.js';
import { expositionOf, familiesOf, promtoolProblems, samples, seriesOf, value } from '../observe/metrics/exposition.js';
import { startExporter, startUi, stopServing, type Serving } from '../observe/serve-cli.js';
import { missing } from '../support/env.js';
import { clientGets, eventually, hactl, labMounts, labNamespaces, onNode, sharedLab } from '../support/lab-cli.js';
import { expectSameFacts } from '../support/status-facts.js';

// The SSH path: a Pacemaker stack whose nodes have `ssh:` is reached only through a real sshd in every lab node, as
// real servers are. status, standby and move must work the same way through it, and every one of them must log in;
// hactl exporter and hactl ui watch the same cluster through the same sshd while standby and move run.
const CHROMIUM = '/usr/bin/chromium';
const skip = missing({ root: true, tools: ['ip', 'nsenter', 'unshare', 'corosync', 'pacemakerd', 'crm', 'sshd', 'curl', 'promtool', CHROMIUM] });
/** screenshots of the page over SSH, kept for a reader of the test run (gitignored) */
const ARTIFACTS = 'out/test-artifacts/web-view-ssh';

const STACK = 'test/runtime/fixtures/stacks/pm-web-ssh.yaml';
const URL = 'http://10.212.0.100:8080/';
const lab = ['--lab', STACK];

const client = () => clientGets(STACK, URL);
const clientSees = (node: string) => eventually(client, (who) => who === node);
/** logins the node's sshd accepted so far (its log, read inside the node without SSH) */
const logins = async (node: string) => Number((await onNode(STACK, node, 'cat /var/log/hactl-lab-sshd-*.log | grep -c "Accepted publickey"')).stdout.trim());
const allLogins = async () => (await logins('pm1')) + (await logins('pm2'));
const active = (text: string, node: string) => value(samples(text), 'hactl_group_active', { group: 'web', node });
/** Ends every connection pm1's sshd holds (its per-connection processes), as a restarted sshd or a dropped link would. */
function dropSshConnectionsOf(node: string): number {
  const sshd = readState('t-pacemaker-ssh')?.sshd.find((e) => e.node === node);
  if (!sshd) throw new Error(`no sshd of ${node} in the lab's state`);
  const sessions = execFileSync('ps', ['--ppid', String(sshd.pid), '-o', 'pid='], { encoding: 'utf8' }).split('\n').map(Number).filter((pid) => pid > 0);
  for (const pid of sessions) process.kill(pid, 'SIGTERM');
  return sessions.length;
}
const where = (page: Page) => page.locator('[data-group="web"] .where').getAttribute('data-where');

describe.skipIf(skip)('Pacemaker driven over SSH (the stack gives its nodes ssh:)', () => {
  const upResult = sharedLab(STACK);

  it('comes up with its files applied over SSH, web on pm1', async () => {
    const up = upResult();
    expect(up.exitCode).toBe(0);
    expect(up.stderr).toMatch(/^pm1: \d+ files applied over SSH/m);
    expect(up.stderr).toMatch(/^pm2: \d+ files applied over SSH/m);
    expect(up.stdout).toMatch(/web\s+10\.212\.0\.100\s+on pm1/);
    expect(await client()).toBe('pm1');
  });

  it('reads status through sshd: the same facts as text and JSON, crm_mon run on the nodes', async () => {
    const before = await allLogins();
    const text = (await hactl('status', ...lab)).stdout;
    const json = JSON.parse((await hactl('status', ...lab, '--json')).stdout) as ClusterStatus;
    expectSameFacts(text, json);
    expect(json).toMatchObject({ cluster: 't-pacemaker-ssh', runtime: 'pacemaker', reportedBy: ['pm1', 'pm2'], warnings: [] });
    expect(json.groups[0]).toMatchObject({ name: 'web', runningOn: ['pm1'] });
    expect(await allLogins()).toBeGreaterThan(before);
  });

  describe('watched by hactl exporter and hactl ui, which read it through sshd too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hactl-ui-ssh-'));
    const pageErrors: string[] = [];
    let exporter: (Serving & { scrape: () => Promise<string> }) | undefined;
    let ui: Serving | undefined;
    let browser: Browser | undefined;
    let page: Page;

    afterAll(async () => {
      await browser?.close();
      await stopServing(exporter, ui);
      rmSync(dir, { recursive: true, force: true });
    });

    it('hactl exporter logs in to both nodes and serves what the lab exporter serves for the status read over SSH, promtool clean', async () => {
      const before = { pm1: await logins('pm1'), pm2: await logins('pm2') };
      exporter = await startExporter(STACK);
      const text = await exporter.scrape();
      expect(await logins('pm1')).toBeGreaterThan(before.pm1);
      expect(await logins('pm2')).toBeGreaterThan(before.pm2);
      const all = samples(text);
      expect(value(all, 'hactl_status_up')).toBe(1);
      expect(value(all, 'hactl_cluster_info', { cluster: 't-pacemaker-ssh', runtime: 'pacemaker' })).toBe(1);
      expect(value(all, 'hactl_status_reporters')).toBe(2);
      expect(active(text, 'pm1')).toBe(1);
      expect(active(text, 'pm2')).toBe(0);
      expect(value(all, 'hactl_node_state', { node: 'pm2', state: 'online' })).toBe(1);
      expect(value(all, 'hactl_quorate')).toBe(1);
      // every exporter fills the one set of shared metrics: the same families, series and values as the lab
      // exporter gives for the status `hactl status` reads at the same time
      const status = JSON.parse((await hactl('status', ...lab, '--json')).stdout) as ClusterStatus;
      const reference = await expositionOf(status);
      expect(familiesOf(text)).toEqual(familiesOf(reference));
      expect(seriesOf(text)).toEqual(seriesOf(reference));
      expect(promtoolProblems(text)).toBe('');
    });

    it('hactl ui shows it in Chromium: both nodes online and web on pm1', async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      ui = await startUi(STACK, join(dir, 'history.jsonl'));
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
      page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      page.on('pageerror', (err) => pageErrors.push(`page error: ${err.message}`));
      page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console error: ${m.text()}`); });
      await page.goto(ui.url);
      await page.locator('#connection[data-state="live"]').waitFor();
      const svg = page.locator('#topology svg');
      for (const name of ['pm1', 'pm2', '10.212.0.100']) await expect.poll(() => svg.textContent()).toContain(name);
      for (const node of ['pm1', 'pm2']) await expect.poll(() => page.locator(`[data-node-state="${node}"]`).textContent()).toBe('online');
      await expect.poll(() => where(page)).toBe('pm1');
      await page.screenshot({ path: join(ARTIFACTS, '1-web-on-pm1.png'), fullPage: true });
      expect(pageErrors).toEqual([]);
    });

    it('connects again when sshd drops the connections: pm1 reports again, the page says why it was missing', async () => {
      const before = await logins('pm1');
      // the exporter's and the page's connections to pm1
      expect(dropSshConnectionsOf('pm1')).toBeGreaterThanOrEqual(2);
      // each logs in again rather than reading pm2 alone from then on
      await expect.poll(() => logins('pm1'), { timeout: 30_000 }).toBeGreaterThanOrEqual(before + 2);
      const reporters = async () => {
        const all = samples(await exporter!.scrape());
        return `${value(all, 'hactl_status_reporters')} reporters, ${value(all, 'hactl_warnings')} warnings`;
      };
      await expect.poll(reporters, { timeout: 30_000 }).toBe('2 reporters, 0 warnings');
      await expect.poll(() => page.locator('#timeline li.event.warning').allTextContents(), { timeout: 30_000 }).toContainEqual(expect.stringContaining('the connection to pm1 was lost: connecting again'));
      await expect.poll(() => page.locator('#warnings').isHidden(), { timeout: 30_000 }).toBe(true);
      expect(pageErrors).toEqual([]);
    });

    it('move and unmove through sshd, followed by the next scrape and by the page without a reload', async () => {
      // a reload would lose this mark
      await page.evaluate(() => { (globalThis as unknown as { hactlMark: number }).hactlMark = 42; });
      const before = await allLogins();
      const transitions = async () => value(samples(await exporter!.scrape()), 'hactl_group_transitions_total', { group: 'web' }) ?? 0;
      const transitionsBefore = await transitions();
      const move = await hactl('move', ...lab, 'web', 'pm2');
      expect(move.exitCode).toBe(0);
      expect(await clientSees('pm2')).toBe('pm2');
      expect((await onNode(STACK, 'pm1', 'cibadmin --query --scope constraints')).stdout).toMatch(/cli-prefer-web/);
      await expect.poll(async () => active(await exporter!.scrape(), 'pm2'), { timeout: 30_000 }).toBe(1);
      expect(active(await exporter!.scrape(), 'pm1')).toBe(0);
      expect(await transitions()).toBeGreaterThan(transitionsBefore);
      await expect.poll(() => where(page), { timeout: 30_000 }).toBe('pm2');
      await page.screenshot({ path: join(ARTIFACTS, '2-web-moved-to-pm2.png'), fullPage: true });
      expect((await hactl('unmove', ...lab, 'web')).exitCode).toBe(0);
      expect((await onNode(STACK, 'pm1', 'cibadmin --query --scope constraints')).stdout).not.toMatch(/cli-prefer-web/);
      // web prefers pm1: without the move's constraint it goes back
      await expect.poll(async () => active(await exporter!.scrape(), 'pm1'), { timeout: 30_000 }).toBe(1);
      await expect.poll(() => where(page), { timeout: 30_000 }).toBe('pm1');
      expect(await page.evaluate(() => (globalThis as unknown as { hactlMark?: number }).hactlMark)).toBe(42);
      expect(await allLogins()).toBeGreaterThan(before);
      expect(pageErrors).toEqual([]);
    });

    it('standby and online through sshd: crm node standby moves web to pm2, crm_mon shows it', async () => {
      const before = await allLogins();
      const standby = await hactl('standby', ...lab, 'pm1');
      expect(standby.exitCode).toBe(0);
      expect(standby.stdout).toMatch(/crm node standby pm1/);
      expect(await clientSees('pm2')).toBe('pm2');
      expect((await onNode(STACK, 'pm2', 'crm_mon --output-as=xml')).stdout).toMatch(/<node name="pm1"[^>]*standby="true"/);
      await expect.poll(async () => value(samples(await exporter!.scrape()), 'hactl_node_state', { node: 'pm1', state: 'standby' }), { timeout: 30_000 }).toBe(1);
      expect((await hactl('online', ...lab, 'pm1')).exitCode).toBe(0);
      expect((await eventually(() => onNode(STACK, 'pm2', 'crm_mon --output-as=xml'), (r) => /<node name="pm1"[^>]*standby="false"/.test(r.stdout))).stdout).toMatch(/<node name="pm1"[^>]*standby="false"/);
      expect(await allLogins()).toBeGreaterThan(before);
    });
  });

  it('goes down leaving no namespace or mount', async () => {
    expect((await hactl('down', STACK)).exitCode).toBe(0);
    expect(labNamespaces('t-pacemaker-ssh')).toEqual([]);
    expect(labMounts('t-pacemaker-ssh')).toEqual([]);
  });
});
