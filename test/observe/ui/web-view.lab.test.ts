import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missing } from '../../support/env.js';
import { startUi, stopServing, type Serving } from '../serve-cli.js';

// The web view in the system's own headless Chromium (no browser download) against a real quickstart lab: the page
// must follow a failover live, without a reload, and show the time `hactl test failover` measured.
const CHROMIUM = '/usr/bin/chromium';
const skip = missing({ root: true, tools: ['ip', 'nsenter', 'unshare', 'nft', 'xmllint', CHROMIUM] });
const QUICKSTART = 'stacks/quickstart.yaml';
/** screenshots of each state, kept for a reader of the test run (gitignored) */
const ARTIFACTS = 'out/test-artifacts/web-view';
const hactl = (...args: string[]) => execa('node', ['dist/cli/hactl.js', ...args], { reject: false, timeout: 180_000 });


describe.skipIf(skip)('hactl ui in a real browser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hactl-ui-'));
  const history = join(dir, 'history.jsonl');
  const pageErrors: string[] = [];
  let ui: Serving | undefined;
  let actionsUi: Serving | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let loadMs = 0;
  let navigation: { domContentLoadedEventEnd: number; loadEventEnd: number } | undefined;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const up = await hactl('up', QUICKSTART);
    expect(up.exitCode, up.stderr).toBe(0);
    ui = await startUi(QUICKSTART, history);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.on('pageerror', (err) => pageErrors.push(`page error: ${err.message}`));
    page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console error: ${m.text()}`); });
    page.on('requestfailed', (r) => { if (!r.url().endsWith('/events')) pageErrors.push(`request failed: ${r.url()}`); });
    const t0 = Date.now();
    await page.goto(ui.url);
    await page.locator('#connection[data-state="live"]').waitFor();
    await page.locator('[data-group="web"] .where').waitFor();
    loadMs = Date.now() - t0;
    navigation = await page.evaluate(() => {
      const n = (performance as unknown as { getEntriesByType(t: string): unknown[] }).getEntriesByType('navigation')[0] as { domContentLoadedEventEnd: number; loadEventEnd: number };
      return { domContentLoadedEventEnd: Math.round(n.domContentLoadedEventEnd), loadEventEnd: Math.round(n.loadEventEnd) };
    });
  });

  afterAll(async () => {
    await browser?.close();
    await stopServing(ui, actionsUi);
    await hactl('down', QUICKSTART);
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the topology (both nodes, their NICs and the VIP) and the group on qs1, with nothing from outside', async () => {
    const svg = page.locator('#topology svg');
    for (const name of ['qs1', 'qs2', '10.201.0.100', 'eth0', 'eth1']) await expect.poll(() => svg.textContent()).toContain(name);
    await expect.poll(() => page.locator('[data-group="web"] .where').getAttribute('data-where')).toBe('qs1');
    await expect.poll(() => page.locator('#topology g.node[data-node="qs1"] .node-groups').textContent()).toBe('runs web');
    await expect.poll(() => page.locator('[data-node-state="qs2"]').textContent()).toBe('online');
    expect(await page.locator('#links .link.up').count()).toBeGreaterThan(0);
    // the page, its script and style all came from the view itself
    const origin = new URL(ui!.url).origin;
    const foreign = (await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))).filter((u) => !u.startsWith(origin));
    expect(foreign).toEqual([]);
    expect(await page.locator('button.action').count()).toBe(0); // read-only unless --allow-actions
    await page.screenshot({ path: join(ARTIFACTS, '1-web-on-qs1.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('follows `hactl test failover` live: the group on qs2 and a timeline entry with the measured time, without a reload', async () => {
    // a reload would lose this mark
    await page.evaluate(() => { (globalThis as unknown as { hactlMark: number }).hactlMark = 42; });
    const plot = join(ARTIFACTS, 'failover-plot.svg');
    rmSync(plot, { force: true });
    const run = await hactl('test', 'failover', QUICKSTART, '--fault', 'kill', '--history', history, '--timeout', '30', '--plot', plot);
    expect(run.exitCode, run.stderr).toBe(0);
    const ms = /kill on qs1 -> answered from qs2 after (\d+) ms/.exec(run.stdout)?.[1];
    expect(ms, run.stdout).toBeDefined();
    // --plot on the same run: well-formed SVG with the time the command printed, the fault and both nodes
    expect(run.stderr).toContain(`plot of 1 run written to ${plot}`);
    expect(() => execFileSync('xmllint', ['--noout', plot], { stdio: 'pipe' })).not.toThrow();
    const svg = readFileSync(plot, 'utf8');
    expect(svg).toContain('<title>failover of web (kill), agent</title>');
    expect(svg).toContain(`<title>run 1: kill qs1 → qs2, ${ms} ms</title>`);
    expect(svg).toContain(`>1 run: median ${ms} ms, min ${ms} ms, max ${ms} ms<`);
    await expect.poll(() => page.locator('[data-group="web"] .where').getAttribute('data-where'), { timeout: 15_000 }).toBe('qs2');
    const entry = page.locator('#timeline li.event.test-failover').first();
    await expect.poll(() => entry.textContent(), { timeout: 15_000 }).toContain(`in ${ms} ms`);
    // the failover as the view itself saw it, with the fault the test injected as its cause
    const seen = page.locator('#timeline li.event.failover').first();
    await expect.poll(() => seen.textContent(), { timeout: 15_000 }).toMatch(/web failed over qs1 → qs2[ ,].*— because test failover: SIGKILL of .* on qs1/);
    await writeFile(join(ARTIFACTS, 'timeline.txt'), `${await page.locator('#timeline').innerText()}\n`);
    await expect.poll(() => page.locator('#tests .ms').first().textContent()).toBe(ms);
    expect(await page.evaluate(() => (globalThis as unknown as { hactlMark?: number }).hactlMark)).toBe(42);
    await page.screenshot({ path: join(ARTIFACTS, '2-web-on-qs2-after-test-failover.png'), fullPage: true });
    writeFileSync(join(ARTIFACTS, 'measurements.json'), `${JSON.stringify({ untilLiveWithGroupMs: loadMs, navigation, measuredFailoverMs: Number(ms) }, null, 2)}\n`);
    expect(pageErrors).toEqual([]);
  });

  it('with --allow-actions, moves the group back after a confirmation, and logs the action as the cause', async () => {
    actionsUi = await startUi(QUICKSTART, history, '--allow-actions');
    const actions = await browser!.newPage({ viewport: { width: 1280, height: 1000 } });
    actions.on('pageerror', (err) => pageErrors.push(`page error: ${err.message}`));
    const asked: string[] = [];
    actions.on('dialog', (d) => {
      asked.push(d.message());
      void d.accept();
    });
    await actions.goto(actionsUi.url);
    await expect.poll(() => actions.locator('[data-group="web"] .where').getAttribute('data-where')).toBe('qs2');
    await actions.locator('button.action[data-op="move"]', { hasText: 'move to qs1' }).click();
    expect(asked).toEqual(['Run "move web qs1" on the cluster?']);
    await expect.poll(() => actions.locator('[data-group="web"] .where').getAttribute('data-where'), { timeout: 15_000 }).toBe('qs1');
    await expect.poll(() => actions.locator('#timeline li.event.action').first().textContent(), { timeout: 15_000 }).toContain('operator: move web qs1');
    await expect.poll(() => actions.locator('#timeline li.event.group').first().textContent(), { timeout: 15_000 }).toContain('because operator: move web qs1');
    await actions.screenshot({ path: join(ARTIFACTS, '3-moved-back-from-the-page.png'), fullPage: true });
    // the read-only page followed the move too, and nothing on either page threw
    await expect.poll(() => page.locator('[data-group="web"] .where').getAttribute('data-where'), { timeout: 15_000 }).toBe('qs1');
    expect((await hactl('unmove', 'web', '--lab', QUICKSTART)).exitCode).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
