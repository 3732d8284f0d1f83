import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations, loginAs } from '../helpers';

// Issue 12: the line inventory as ikt: the flags in words, the phone width, nynorsk.
// Not yet here: adding a line (the line forms are not built yet).

async function setLanguage(page: Page, code: '' | 'nb' | 'nn'): Promise<void> {
  await page.goto('/profile');
  await page.locator('#language').selectOption(code);
  await page.locator('form[action="/profile"] button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === '/profile', { waitUntil: 'load' });
  await expect(page.locator('.flash')).toBeVisible();
}

test.describe('linjeoversikt', () => {
  test.describe.configure({ timeout: 180_000 });

  test('ikt opens the inventory and reads a flag in words', async ({ page }) => {
    await loginAs(page, 'ikt');
    await page.getByRole('link', { name: 'Linjer', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Linjer og lokasjoner');
    const row = page.locator('tr', { has: page.getByRole('link', { name: 'Fåvang barnehage', exact: true }) });
    await expect(row).toContainText('Under terskelen');
    await expect(row).toContainText('ADSL eller radio');
    await expect(row).toContainText('0,9');
    await expectNoA11yViolations(page, 'linjer');
    await row.getByRole('link', { name: 'Fåvang barnehage', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fåvang barnehage');
    await expect(page.locator('main')).toContainText('Egeneid fiber til Fåvang barnehage');
    await expectNoA11yViolations(page, 'lokasjon');
  });

  test('the list at phone width scrolls only in its table container', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await loginAs(page, 'ikt');
    await page.goto('/locations');
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement!.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  });

  test('the inventory in nynorsk', async ({ page }) => {
    await loginAs(page, 'ikt');
    await setLanguage(page, 'nn');
    try {
      await page.goto('/locations');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Linjer og lokasjonar');
      await expect(page.locator('main')).toContainText('Leigd linje');
      await expectNoA11yViolations(page, 'linjer, nynorsk');
    } finally {
      await setLanguage(page, '');
    }
  });
});
