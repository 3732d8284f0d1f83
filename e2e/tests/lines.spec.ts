import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations, loginAs } from '../helpers';

// Issue 12: the line inventory as ikt: the flags in words, adding, editing and deleting a line,
// the export imported again, print, the phone width, nynorsk.

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

  test('ikt adds a radio line, sees its flags, corrects it and deletes it again', async ({ page }) => {
    await loginAs(page, 'ikt');
    await page.goto('/locations');
    await page.getByRole('link', { name: 'Fåvang skole', exact: true }).click();
    await page.getByRole('link', { name: 'Ny linje' }).click();
    await expectNoA11yViolations(page, 'ny linje');
    await page.getByLabel('Formål (f.eks. WAN-internett)').fill('Reserve');
    await page.getByLabel('Kapasitet ned (Mbps)').fill('rask');
    await page.getByLabel('Linjetype').selectOption('radio');
    await page.getByLabel('Eierskap').selectOption('leased');
    await page.getByLabel('Leverandør (for leid linje)').fill('Telia');
    await page.getByRole('button', { name: 'Lagre' }).click();
    // Refused beside the field, the rest kept.
    await expect(page.locator('#down_mbps-error')).toContainText('«rask»');
    await expect(page.getByLabel('Leverandør (for leid linje)')).toHaveValue('Telia');
    await page.getByLabel('Kapasitet ned (Mbps)').fill('10');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await expect(page.locator('.flash')).toContainText('Linjen er lagt til ved Fåvang skole.');
    const row = page.locator('tr', { hasText: 'Reserve' });
    await expect(row).toContainText('Leid fra Telia');
    await expect(row).toContainText('ADSL eller radio');
    await row.getByRole('link', { name: /Endre/ }).click();
    await page.getByLabel('Linjetype').selectOption('fiber');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await expect(page.locator('tr', { hasText: 'Reserve' })).not.toContainText('ADSL eller radio');
    await page.locator('tr', { hasText: 'Reserve' }).getByRole('link', { name: /Slett/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Reserve');
    await page.getByRole('button', { name: 'Slett linjen' }).click();
    await expect(page.locator('.flash')).toContainText('Linjen er slettet.');
    await expect(page.locator('tr', { hasText: 'Reserve' })).toHaveCount(0);
  });

  test('the exported inventory uploaded again changes nothing', async ({ page }) => {
    await loginAs(page, 'ikt');
    await page.goto('/locations');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Last ned som Excel' }).click();
    const file = await (await download).path();
    await page.getByRole('link', { name: 'Importer' }).click();
    await page.getByLabel('Fil').setInputFiles(file!);
    await page.getByRole('button', { name: /Forhåndsvis/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('main')).toContainText('Filen endrer ingenting i linjeoversikten.');
    await expect(page.locator('tbody .ds-tag', { hasText: 'Endret' })).toHaveCount(0);
    await expectNoA11yViolations(page, 'forhåndsvisning av linjeimport');
  });

  test('the inventory prints without the menu and with every column', async ({ page }) => {
    await loginAs(page, 'ikt');
    await page.goto('/locations');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-nav')).toBeHidden();
    await expect(page.getByRole('link', { name: 'Ny lokasjon' })).toBeHidden();
    await expect(page.locator('table')).toContainText('Mbps per bruker');
    await page.emulateMedia({ media: 'screen' });
  });
});
