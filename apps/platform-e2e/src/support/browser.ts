import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { GATEWAY } from './platform';

/** Debian's Chromium: `.ci/run` installs it (`apt-get install -y chromium`) when it is missing. */
export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

const ROOT = path.resolve(__dirname, '../../../..');
/** Screenshots of every page the journeys visit, at 1280 and 375 px, and the load measurements (README). */
export const ARTIFACTS = path.join(ROOT, 'tmp', 'web-screenshots');

/** The web client's origin: the gateway serves it at `/` (localhost, so the `Secure` session cookie is kept). */
export const WEB_ORIGIN = GATEWAY.replace('/graphql', '').replace('127.0.0.1', 'localhost');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run installs it)`);
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/** A fresh browser profile (its own cookies) at desktop width, failing the test on any uncaught page error. */
export async function newPerson(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: WEB_ORIGIN });
  context.setDefaultTimeout(30000);
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  return { context, page };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page (through the debugging protocol, which the page's Content-Security-Policy does not
 * block) and returns the serious and critical violations of WCAG 2.x A/AA.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  // a string: it runs in the page, where the DOM is (the server code's tsconfig has no DOM types)
  const violations = await page.evaluate<AxeViolation[]>(`(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id, impact, help, nodes: nodes.map((node) => ({ target: node.target })),
    }));
  })()`);
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** Screenshots at 1280 px and at 375 px (a phone), then back to the desktop width. */
export async function screenshots(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-375.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * Waits (up to 10 s) until no finite animation or transition runs; an endless one, such as a skeleton's pulse,
 * never ends and is ignored. Polled with page.evaluate: the page's CSP refuses waitForFunction's string eval.
 */
export async function animationsSettled(page: Page): Promise<void> {
  const running = `document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity)`;
  const deadline = Date.now() + 10_000;
  while ((await page.evaluate(running)) === true) {
    if (Date.now() > deadline) throw new Error('animations still running after 10 s');
    await page.waitForTimeout(50);
  }
}

/**
 * Every main page, once its heading shows (pages load lazily): no serious accessibility violation, and
 * screenshots at both widths.
 */
export async function checkPage(page: Page, name: string, heading: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  // a page may load several lists at once (each its own busy status): `first()` is detached once none is left,
  // where the bare locator refuses to wait on two (strict mode)
  await page
    .getByRole('status')
    .filter({ has: page.locator('.mantine-Loader-root') })
    .first()
    .waitFor({ state: 'detached' });
  // axe measures colours as painted: a notification still fading in has too little contrast for a few frames,
  // so wait for every finite animation or transition to end (an endless one, such as a skeleton's pulse, never does)
  await animationsSettled(page);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await screenshots(page, name);
}

/** Appends a measurement to tmp/web-screenshots/measurements.json (reported, never asserted as a timing). */
export function recordMeasurement(name: string, value: number | string): void {
  const file = path.join(ARTIFACTS, 'measurements.json');
  const current = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(file, JSON.stringify({ ...current, [name]: value }, null, 2));
}
