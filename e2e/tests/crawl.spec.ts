import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page, type Response } from '@playwright/test';
import { ROLES, a11yViolations, formatViolations, loginAs, slugForPath, waitForSettled } from '../helpers';
import { checkHtml, formatVnu } from '../vnu';

// Breadth-first crawl of every page a role can reach by following links from "/".
// For each page: final status 200, the common layout is present, no uncaught JS errors,
// no CSP violations, no failed same-origin sub-resources, and zero axe violations.
// After the crawl, every page's HTML as the server sent it goes through the Nu Html Checker
// (vnu) in one run: zero errors.
// New pages are covered automatically as soon as something links to them.

const MAX_PAGES = Number(process.env.E2E_CRAWL_MAX_PAGES || 150);
// Pages of one shape (the same route with another id or the same query keys) add little after
// the first few; capping them keeps the crawl to every kind of page rather than every record.
const PER_PATTERN = Number(process.env.E2E_CRAWL_PER_PATTERN || 2);

// A list's filters are query keys on one template: past a few of them, another filter's page is
// the same markup with other rows (the dashboard links to a dozen filters of the plan alone).
const QUERY_VARIANTS_PER_PATH = Number(process.env.E2E_CRAWL_QUERY_VARIANTS || 3);

/** The route a URL belongs to without its query: numeric path segments as :id. */
function pathPatternOf(url: URL): string {
  return url.pathname.replace(/\/\d+(?=\/|$)/g, '/:id');
}

/** The route a URL belongs to: numeric path segments as :id, and the query's keys. */
function patternOf(url: URL): string {
  const path = pathPatternOf(url);
  const keys = [...new Set(url.searchParams.keys())].sort().join('&');
  return keys ? `${path}?${keys}` : path;
}

/** Dedupe key: pathname + search, no hash. */
function keyOf(url: URL): string {
  return url.pathname + url.search;
}

/** Links we must not follow: side effects, downloads, non-HTML exports. */
function shouldSkip(url: URL): string | null {
  const p = url.pathname.toLowerCase();
  if (p.includes('/logout')) return 'logout';
  if (p.includes('/export')) return 'export';
  if (p.endsWith('.xlsx') || p.endsWith('.csv')) return 'file';
  return null;
}

interface RawLink {
  href: string; // absolute, resolved by the browser
  attr: string; // as written
  download: boolean;
}

async function collectLinks(page: Page): Promise<RawLink[]> {
  return page.$$eval('a[href]', (anchors) =>
    anchors.map((a) => ({
      href: (a as HTMLAnchorElement).href,
      attr: a.getAttribute('href') ?? '',
      download: a.hasAttribute('download'),
    })),
  );
}

interface Problem {
  page: string;
  problem: string;
}

/**
 * Words that are bokmål and never nynorsk (each checked against the nynorsk norm: «mange»,
 * «skal», «også», «eller» are nynorsk too and are not here). The nynorsk crawl finds none of them
 * in a page's interface text.
 */
const BOKMAL_ONLY = [
  'ikke', 'ansvarlig', 'innstillinger', 'hvor', 'hvilke', 'hvem', 'hva', 'noen', 'bruker',
  'brukere', 'fra', 'uten', 'være', 'hvis', 'gjøre', 'velg', 'lagret', 'endringer', 'endret',
  'mer', 'ble', 'siden', 'selv', 'forrige', 'navn', 'innlogget', 'opprettet', 'slettet',
];
const BOKMAL_WORD = new RegExp(`(?<![\\p{L}\\p{N}])(${BOKMAL_ONLY.join('|')})(?![\\p{L}\\p{N}])`, 'giu');

/**
 * Pages of modules whose strings are not yet in the catalogs (issue 8 is converted module by
 * module): they must still answer 200 with lang="nn" and pass axe, but their words are not
 * checked yet. Whoever converts a module removes its prefix here.
 */
const NOT_YET_NYNORSK: string[] = [];

interface CrawlOptions {
  /** The user has chosen nynorsk: check `lang="nn"` and the interface's words. */
  nynorsk?: boolean;
}

/** The page's interface text: its body without elements that hold users' own text (marked
 *  with a `lang` attribute of their own) and without scripts. Not the <title>: it repeats the
 *  page's heading (a record's name, often), and a title cannot mark part of itself. */
async function interfaceText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('[lang], script, style, template').forEach((el) => el.remove());
    return body.innerText;
  });
}

for (const role of ROLES) {
  test(`crawl as ${role}: every page answers 200, passes axe and is valid HTML`, async ({ page, baseURL }) => {
    await crawl(page, baseURL!, role);
  });
}

test('crawl as admin in nynorsk: every page answers 200 with lang="nn", passes axe, and its interface has no bokmål-only word', async ({
  page,
  baseURL,
}) => {
  await loginAs(page, 'admin');
  await setLanguage(page, 'nn');
  try {
    await crawl(page, baseURL!, 'admin', { nynorsk: true });
  } finally {
    await setLanguage(page, '');
  }
});

/** Chooses the interface language on «Min profil» ("" follows the municipality). */
async function setLanguage(page: Page, code: '' | 'nb' | 'nn'): Promise<void> {
  await page.goto('/profile');
  await page.locator('#language').selectOption(code);
  await page.locator('form[action="/profile"] button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === '/profile', { waitUntil: 'load' });
  await expect(page.locator('.flash')).toBeVisible();
}

async function crawl(page: Page, baseURL: string, role: (typeof ROLES)[number], opts: CrawlOptions = {}) {
    test.setTimeout(20 * 60_000);
    const origin = new URL(baseURL).origin;
    const problems: Problem[] = [];
    let current = '(login)';

    // Per-page signals gathered from browser events.
    page.on('pageerror', (err) => {
      problems.push({ page: current, problem: `uncaught JS error: ${err.message}` });
    });
    page.on('console', (msg) => {
      const text = msg.text();
      if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(text)) {
        problems.push({ page: current, problem: `CSP violation: ${text.slice(0, 300)}` });
      }
    });
    page.on('response', (res: Response) => {
      const u = new URL(res.url());
      if (u.origin !== origin || res.request().isNavigationRequest()) return;
      if (u.pathname === '/favicon.ico') return;
      if (res.status() >= 400) {
        problems.push({ page: current, problem: `sub-resource ${u.pathname}${u.search} answered ${res.status()}` });
      }
    });

    // The server's HTML per page (not the DOM after scripts ran), checked by vnu at the end.
    const htmlDir = mkdtempSync(join(tmpdir(), `ikt-vnu-${role}-`));
    const htmlFiles = new Map<string, string>(); // file -> page path
    const saveHtml = (pagePath: string, html: string) => {
      const file = join(htmlDir, `${String(htmlFiles.size).padStart(3, '0')}-${slugForPath(pagePath)}.html`);
      writeFileSync(file, html);
      htmlFiles.set(file, pagePath);
    };

    if (!opts.nynorsk) {
      const loginPage = await page.goto('/login');
      saveHtml('/login', await loginPage!.text());
      await loginAs(page, role);
    }
    await page.goto('/');
    await expect(page.getByRole('main')).toContainText('Ringebu kommune');
    const menu = opts.nynorsk ? 'Hovudmeny' : 'Hovedmeny';

    const queue: string[] = ['/'];
    const seen = new Set<string>(['/']); // keys queued or visited
    const visited = new Set<string>(); // keys whose response has been checked
    let skipped = 0;
    let samePattern = 0;
    const perPattern = new Map<string, number>();
    const queryPatterns = new Map<string, Set<string>>(); // path pattern -> its query patterns

    while (queue.length > 0 && visited.size < MAX_PAGES) {
      const path = queue.shift()!;
      if (visited.has(path)) continue; // reached earlier through a redirect
      current = path;
      visited.add(path);

      let response: Response | null;
      try {
        response = await page.goto(path, { waitUntil: 'load' });
      } catch (err) {
        const msg = String(err instanceof Error ? err.message : err);
        if (msg.includes('Download is starting')) {
          console.log(`  [${role}] ${path}: is a download, not crawled`);
          continue;
        }
        problems.push({ page: path, problem: `navigation failed: ${msg.split('\n')[0]}` });
        continue;
      }

      const finalUrl = new URL(page.url());
      if (finalUrl.origin !== origin) {
        problems.push({ page: path, problem: `redirected off-site to ${finalUrl.href}` });
        continue;
      }
      if (finalUrl.pathname.startsWith('/login')) {
        // Session lost (or a page that logs out): everything after this would be bogus.
        problems.push({ page: path, problem: `redirected to ${keyOf(finalUrl)} (session lost?)` });
        break;
      }
      const finalKey = keyOf(finalUrl);
      if (finalKey !== path) {
        if (visited.has(finalKey)) continue; // redirect to an already-checked page
        seen.add(finalKey);
        visited.add(finalKey);
        current = finalKey;
      }

      const status = response?.status();
      if (status !== 200) {
        problems.push({ page: current, problem: `status ${status ?? 'none'}` });
        continue;
      }
      const contentType = (await response!.headerValue('content-type')) ?? '';
      if (!contentType.includes('text/html')) {
        console.log(`  [${role}] ${current}: ${contentType || 'no content-type'}, not an HTML page`);
        continue;
      }

      // The navigation's own body; should the browser have dropped it, the same URL again
      // with the page's cookies.
      const html = await response!.text().catch(() => page.request.get(page.url()).then((r) => r.text()));
      saveHtml(current, html);

      await waitForSettled(page);

      // Layout contract: every page has the main menu and a logout button.
      if ((await page.locator(`nav[aria-label="${menu}"]`).count()) === 0) {
        problems.push({ page: current, problem: `missing <nav aria-label="${menu}">` });
      }
      if (opts.nynorsk) {
        const lang = await page.locator('html').getAttribute('lang');
        if (lang !== 'nn') problems.push({ page: current, problem: `<html lang="${lang}">, not nn` });
        if (!NOT_YET_NYNORSK.some((prefix) => finalUrl.pathname.startsWith(prefix))) {
          const found = [...new Set([...(await interfaceText(page)).matchAll(BOKMAL_WORD)].map((m) => m[0]))];
          if (found.length > 0) {
            problems.push({ page: current, problem: `bokmål in the interface: ${found.join(', ')}` });
          }
        }
      }
      if ((await page.getByRole('button', { name: 'Logg ut', exact: true }).count()) === 0) {
        problems.push({ page: current, problem: 'missing "Logg ut" button' });
      }

      const violations = await a11yViolations(page);
      if (violations.length > 0) {
        const text = formatViolations(violations);
        console.log(`  [${role}] ${current}: ${violations.length} axe violation(s)\n${text}`);
        problems.push({
          page: current,
          problem: `${violations.length} axe violation(s): ${violations.map((v) => v.id).join(', ')}`,
        });
      }

      for (const link of await collectLinks(page)) {
        const attr = link.attr.trim();
        if (attr === '' || attr.startsWith('#') || link.download) continue;
        let url: URL;
        try {
          url = new URL(link.href);
        } catch {
          continue;
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:') continue; // mailto:, tel:, javascript:
        if (url.origin !== origin) continue;
        if (shouldSkip(url)) {
          skipped++;
          continue;
        }
        const key = keyOf(url);
        if (seen.has(key)) continue;
        seen.add(key);
        const pattern = patternOf(url);
        const n = perPattern.get(pattern) ?? 0;
        if (n >= PER_PATTERN) {
          samePattern++;
          continue;
        }
        if (url.search) {
          const variants = queryPatterns.get(pathPatternOf(url)) ?? new Set<string>();
          if (!variants.has(pattern) && variants.size >= QUERY_VARIANTS_PER_PATH) {
            samePattern++;
            continue;
          }
          variants.add(pattern);
          queryPatterns.set(pathPatternOf(url), variants);
        }
        perPattern.set(pattern, n + 1);
        queue.push(key);
      }
    }

    const capped = queue.length > 0 && visited.size >= MAX_PAGES;
    console.log(
      `[${role}] visited ${visited.size} page(s)` +
        (capped ? ` (cap ${MAX_PAGES} reached, ${queue.length} left unvisited)` : '') +
        `, skipped ${skipped} link(s) to logout/export/files and ${samePattern} more of an already covered route (${perPattern.size} routes)`,
    );

    const vnu = checkHtml(htmlFiles);
    rmSync(htmlDir, { recursive: true, force: true });
    console.log(
      `[${role}] vnu checked ${htmlFiles.size} page(s): ${vnu.errors.length} error(s), ${vnu.warnings.length} warning(s)`,
    );
    if (vnu.warnings.length > 0) console.log(`  [${role}] vnu warnings:\n${formatVnu(vnu.warnings)}`);
    for (const e of vnu.errors) {
      problems.push({ page: e.page, problem: `HTML line ${e.line ?? '?'}:${e.column ?? '?'}: ${e.message}` });
    }
    if (vnu.errors.length > 0) console.log(`  [${role}] vnu errors:\n${formatVnu(vnu.errors)}`);

    const report = problems.map((p) => `  ${p.page}: ${p.problem}`).join('\n');
    expect(problems.length, `[${role}] ${problems.length} problem(s):\n${report}`).toBe(0);
}
