import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations, loginAs } from '../helpers';

// Issue 14: the rådmann's dashboard in the browser. The rådmann lands on it, every chart has a
// text alternative and a table beside it, a number opens the list it counts, it prints on at
// most two A4 pages, reads in nynorsk, and IKT staff reach it from the menu on a phone.

async function setLanguage(page: Page, code: '' | 'nb' | 'nn'): Promise<void> {
  await page.goto('/profile');
  await page.locator('#language').selectOption(code);
  await page.locator('form[action="/profile"] button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === '/profile', { waitUntil: 'load' });
  await expect(page.locator('.flash')).toBeVisible();
}

/** The number a list says it shows («3 fagsystemer», «Én risiko»). */
function firstNumber(text: string): number {
  const word = text.trim().split(/\s+/)[0];
  if (['Én', 'Ett', 'Éin', 'Eitt'].includes(word)) return 1;
  if (word === 'Ingen') return 0;
  return Number(word);
}

test.describe('oversikt', () => {
  test.describe.configure({ timeout: 120_000 });

  test('the rådmann starts on the dashboard and a number opens the list it counts', async ({ page }) => {
    await loginAs(page, 'leder');
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Oversikt');
    // Each chart is an image with its values in words, and a table beside it.
    const chart = page.getByRole('img', { name: /Tiltak etter status: .*\d/ });
    await expect(chart).toBeVisible();
    await expect(page.locator('#dash-status-caption')).toHaveText('Tiltak etter status');
    await expectNoA11yViolations(page, 'oversikt (leder)');

    const link = page.locator('ul.dash-counts a', { hasText: 'linjer på ADSL eller radio' });
    const n = Number(await link.locator('.dash-count').innerText());
    expect(n).toBeGreaterThan(0);
    await link.click();
    await expect(page).toHaveURL(/\/locations\?slow=1/);
    await expect(page.getByLabel('Bare ADSL- og radiolinjer')).toBeChecked();
    expect(firstNumber(await page.locator('main p[role=status]').innerText())).toBe(n);

    // A status's number opens the plan with that filter, and the filter survives a reload.
    await page.goto('/dashboard');
    const status = page.locator('#dash-status-caption ~ tbody tr').first();
    const count = Number(await status.locator('td a').innerText());
    await status.locator('td a').click();
    await expect(page).toHaveURL(/\/plan\/\d+\?status=/);
    await page.reload();
    await expect(page).toHaveURL(/\/plan\/\d+\?status=/);
    expect(count).toBeGreaterThan(0);
  });

  test('the dashboard prints on at most two A4 pages without the navigation', async ({ page }) => {
    await loginAs(page, 'leder');
    await page.goto('/dashboard');
    await page.emulateMedia({ media: 'print' });
    for (const nav of await page.locator('.site-nav, .site-header').all()) {
      await expect(nav).toBeHidden();
    }
    await expect(page.locator('#dash-capacity-h')).toBeVisible();
    // Paper keeps only the people over their capacity (none has one in the seed) and says so.
    await expect(page.locator('.dash-capacity-table tbody tr').first()).toBeHidden();
    await expect(page.getByText(/personer innenfor kapasiteten eller uten kapasitet satt er utelatt her/)).toBeVisible();
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages, 'pages printed').toBeGreaterThan(0);
    expect(pages, 'pages printed').toBeLessThanOrEqual(2);
  });

  test('IKT staff reach it from the menu on a phone, and it reads in nynorsk', async ({ page }) => {
    await loginAs(page, 'ikt');
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Oversikt' }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole('heading', { name: 'Kapasitet: egeninnsats per kvartal' })).toBeVisible();
    await expectNoA11yViolations(page, 'oversikt (ikt, mobil)');
    await setLanguage(page, 'nn');
    try {
      await page.goto('/dashboard');
      await expect(page.getByRole('heading', { name: 'Timar og kostnad per startår: planlagt og gjennomført' })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
      await expectNoA11yViolations(page, 'oversikt, nynorsk');
    } finally {
      await setLanguage(page, '');
    }
  });

  test('a person sets their own capacity with the keyboard and the dashboard measures against it', async ({ page }) => {
    await loginAs(page, 'ikt');
    await page.goto('/people');
    await page.getByRole('link', { name: 'Magnus Rønningen' }).first().click();
    const field = page.getByLabel('Egeninnsats per kvartal (timer)', { exact: true });
    await field.focus();
    await field.fill('10');
    await page.keyboard.press('Enter');
    await expect(page.locator('.flash')).toBeVisible();
    await expect(page.locator('#capacity')).toContainText('10');
    await page.goto('/dashboard');
    const row = page.locator('.dash-capacity-table tbody tr', { hasText: 'Magnus Rønningen' });
    await expect(row).toContainText('over kapasitet');
    // Unset again, so other tests see the seed.
    await page.goto('/people');
    await page.getByRole('link', { name: 'Magnus Rønningen' }).first().click();
    await page.getByLabel('Egeninnsats per kvartal (timer)', { exact: true }).fill('');
    await page.keyboard.press('Enter');
    await expect(page.locator('#capacity')).toContainText('Ikke satt', { ignoreCase: true });
  });

  test('the header search finds a misspelt system and marks the word', async ({ page }) => {
    await loginAs(page, 'superbruker');
    await page.goto('/strategy');
    await page.getByRole('search').getByLabel('Søk').fill('gerika');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=gerika/);
    const systems = page.locator('section', { has: page.getByRole('heading', { name: /Fagsystemer/ }) });
    await expect(systems.getByRole('link', { name: /Gerica/ }).first()).toBeVisible();
    await expectNoA11yViolations(page, 'søk');
    await page.goto('/search?q=Gerica');
    await expect(page.locator('mark', { hasText: 'Gerica' }).first()).toBeVisible();
    // The line inventory is not the superuser's: no locations among the results.
    await page.goto('/search?q=eldresenter');
    await expect(page.getByRole('heading', { name: /Lokasjoner/ })).toHaveCount(0);
  });
});
