import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Password shared by all seeded demo users. */
export const DEMO_PASSWORD = 'ringebu-demo';

/** Seeded demo users; the username is also the role name. */
export const ROLES = ['admin', 'ikt', 'leder', 'rad', 'superbruker'] as const;
export type Role = (typeof ROLES)[number];

export const USERNAME_LABEL = 'Brukernavn eller e-post';
export const PASSWORD_LABEL = 'Passord';
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Logs in through the real login form and waits until the app has left /login. */
export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(USERNAME_LABEL, { exact: true }).fill(username);
  await page.getByLabel(PASSWORD_LABEL, { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  // A failed login re-renders the form at /login, a successful one redirects away.
  try {
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { waitUntil: 'load' });
  } catch (err) {
    const main = await page
      .locator('main')
      .first()
      .innerText()
      .catch(() => '(no <main>)');
    throw new Error(
      `login(${username}) did not leave /login (url: ${page.url()}). Page says:\n${main.slice(0, 500)}`,
      { cause: err },
    );
  }
}

/** Logs in as a seeded demo user. */
export async function loginAs(page: Page, role: Role): Promise<void> {
  await login(page, role, DEMO_PASSWORD);
}

/** Clicks the header's "Logg ut" button (a POST form) and waits for /login. */
export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Logg ut', exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/login'), { waitUntil: 'load' });
}

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type AxeViolation = AxeResults['violations'][number];

/** Human-readable listing of axe violations: id, impact, help, and each target selector. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => {
          const summary = (n.failureSummary ?? '').replace(/\s+/g, ' ').trim();
          const snippet = n.html.replace(/\s+/g, ' ').slice(0, 160);
          return `    - ${n.target.map(String).join(' > ')}  ${snippet}${summary ? `\n      ${summary.slice(0, 300)}` : ''}`;
        })
        .join('\n');
      return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/**
 * Runs axe (WCAG 2.0/2.1 A and AA rules) on the current page and fails with a readable
 * list of violations (also printed to the log). `label` names the page in the message.
 */
export async function expectNoA11yViolations(page: Page, label?: string): Promise<void> {
  const violations = await a11yViolations(page);
  if (violations.length > 0) {
    const where = label ?? page.url();
    const text = `${violations.length} axe violation(s) on ${where}:\n${formatViolations(violations)}`;
    console.log(text);
    expect(violations.length, text).toBe(0);
  }
}

/** Runs axe and returns the violations without asserting (the crawler collects them). */
export async function a11yViolations(page: Page): Promise<AxeViolation[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations;
}

/**
 * Waits until the page has settled after a navigation: the load event has fired and no
 * htmx request is in flight (elements get the class "htmx-request" while one runs).
 */
export async function waitForSettled(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page
    .waitForFunction(() => document.querySelector('.htmx-request') === null, null, { timeout: 5_000 })
    .catch(() => {
      /* a long-polling element should not block the test; axe runs anyway */
    });
}

/** File-name-safe slug for a URL path: "/" -> "forside", "/systemer/ny?x=1" -> "systemer-ny-x-1". */
export function slugForPath(pathAndSearch: string): string {
  const slug = pathAndSearch
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'forside';
}
