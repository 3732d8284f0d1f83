import fs from 'node:fs';
import path from 'node:path';
import { test } from '@playwright/test';
import { ROLES, loginAs, slugForPath, waitForSettled } from '../helpers';

// Full-page screenshots of "/" and every main-menu page, per role, for looking at the UI.
// Off by default; run with:  E2E_SCREENSHOTS=1 npx playwright test --grep @screens
// Output: e2e/screenshots/<role>-<slug>.png (git-ignored).

const outDir = path.resolve(__dirname, '..', 'screenshots');

test.describe('skjermbilder', { tag: '@screens' }, () => {
  test.skip(process.env.E2E_SCREENSHOTS !== '1', 'set E2E_SCREENSHOTS=1 to take screenshots');

  for (const role of ROLES) {
    test(`screenshots as ${role} @screens`, async ({ page, baseURL }) => {
      test.setTimeout(5 * 60_000);
      fs.mkdirSync(outDir, { recursive: true });
      const origin = new URL(baseURL!).origin;

      await loginAs(page, role);
      await page.goto('/');
      await waitForSettled(page);

      const hrefs = await page
        .locator('nav[aria-label="Hovedmeny"] a[href]')
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      const targets = ['/'];
      for (const href of hrefs) {
        const url = new URL(href);
        if (url.origin !== origin) continue;
        const key = url.pathname + url.search;
        if (!targets.includes(key)) targets.push(key);
      }

      for (const target of targets) {
        await page.goto(target);
        await waitForSettled(page);
        const file = path.join(outDir, `${role}-${slugForPath(target)}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(`  ${path.relative(process.cwd(), file)}  <-  ${target}`);
      }
    });
  }
});

// Issue 8: the progress plan, a measure form with a validation error and the 403 page as a user
// who chose nynorsk. Output: e2e/screenshots/nn-*.png.
test.describe('skjermbilete på nynorsk', { tag: '@screens' }, () => {
  test.skip(process.env.E2E_SCREENSHOTS !== '1', 'set E2E_SCREENSHOTS=1 to take screenshots');

  test('nynorsk screenshots as ikt @screens', async ({ page }) => {
    test.setTimeout(5 * 60_000);
    fs.mkdirSync(outDir, { recursive: true });
    const shot = async (name: string) => {
      await waitForSettled(page);
      await page.screenshot({ path: path.join(outDir, `nn-${name}.png`), fullPage: true });
    };
    await loginAs(page, 'ikt');
    const choose = async (code: string) => {
      await page.goto('/profile');
      await page.locator('#language').selectOption(code);
      await page.locator('form[action="/profile"] button[type="submit"]').click();
      await page.waitForURL((url) => url.pathname === '/profile');
    };
    await choose('nn');
    try {
      await page.goto('/plan');
      const plan = await page
        .locator('main a[href^="/plan/"]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')).find((h) => /^\/plan\/\d+$/.test(h ?? '')));
      await page.goto(plan!);
      await shot('framdriftsplan');
      const measure = await page
        .locator('a[href^="/measures/"]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')).find((h) => /^\/measures\/\d+$/.test(h ?? '')));
      await page.goto(`${measure}/edit`);
      await page.locator('#title').fill('');
      await page.locator('#hours').fill('mange');
      await page.locator('main form button[type="submit"][data-variant="primary"]').last().click();
      await page.waitForLoadState('load');
      await shot('tiltak-med-feil');
      await page.goto('/admin/users');
      await shot('403');
    } finally {
      await choose('');
    }
  });
});
