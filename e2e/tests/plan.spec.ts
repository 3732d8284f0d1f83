import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations, loginAs } from '../helpers';

const MINI_ROS = 'Utarbeide mini-ROS innen IKT';
const SKOLERING = 'Skolering i teknisk support av mobile enheter for Gerica.';

/** Opens the seeded 2014–2016 plan's progress page from the plan list. */
async function openProgressPlan(page: Page): Promise<void> {
  await page.goto('/plan');
  await page.getByRole('link', { name: /Handlingsplan IKT 2014/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Framdriftsplan');
}

function rowOf(page: Page, title: string) {
  return page.locator('tr', { has: page.getByRole('link', { name: title, exact: true }) }).first();
}

test.describe('framdriftsplan', () => {
  // axe over the whole progress table (70 rows x 25 columns with forms) takes ~20 s.
  test.describe.configure({ timeout: 180_000 });
  test('IKT staff change a status inline with htmx and stay where they were', async ({ page }) => {
    await loginAs(page, 'ikt');
    await openProgressPlan(page);
    await expectNoA11yViolations(page, 'framdriftsplan (ikt)');
    const url = page.url();
    // A marker that a full page load would wipe out.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    const row = rowOf(page, MINI_ROS);
    await row.getByRole('combobox', { name: `Ny status for ${MINI_ROS}` }).selectOption({ label: 'Pågår' });
    await row.getByRole('textbox', { name: `Statuskommentar for ${MINI_ROS}` }).fill('Arbeidsgruppe nedsatt');
    await row.getByRole('button', { name: `Lagre status for ${MINI_ROS}` }).click();
    const updated = rowOf(page, MINI_ROS);
    await expect(updated).toContainText('Lagret: Pågår.');
    await expect(updated).toContainText('Arbeidsgruppe nedsatt');
    expect(page.url()).toBe(url);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await expectNoA11yViolations(page, 'framdriftsplan etter statusendring');
    // The measure page shows the new status in its timeline.
    await updated.getByRole('link', { name: MINI_ROS, exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Statusforløp' })).toBeVisible();
    await expect(page.locator('main')).toContainText('Arbeidsgruppe nedsatt');
    await expectNoA11yViolations(page, 'tiltaksside');
  });

  test('without JavaScript the status form posts and returns to the same row', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await loginAs(page, 'ikt');
    await openProgressPlan(page);
    const row = rowOf(page, SKOLERING);
    await row.getByRole('combobox', { name: `Ny status for ${SKOLERING}` }).selectOption({ label: 'Utført' });
    // A date input has no ARIA role; its accessible name is checked as an attribute contract.
    const date = row.locator('input[name=status_date]');
    await expect(date).toHaveAccessibleName(`Dato for ${SKOLERING}`);
    await date.fill('2014-03-31');
    await row.getByRole('button', { name: `Lagre status for ${SKOLERING}` }).click();
    await page.waitForLoadState('load');
    await expect(page.getByRole('status').first()).toContainText('Statusen er lagret.');
    expect(new URL(page.url()).hash).toMatch(/^#m-\d+-s\d+$/);
    await expect(rowOf(page, SKOLERING)).toContainText('Utført 31.03.2014');
    // No axe run here: axe is itself a script and cannot run with JavaScript off. The same
    // page is checked with JavaScript on in the test above.
    await context.close();
  });

  test('a reader sees the plan but no status forms, and the server refuses a forged one', async ({ page }) => {
    await loginAs(page, 'leder');
    await openProgressPlan(page);
    await expect(page.getByText(MINI_ROS, { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: /Lagre status/ })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Nytt tiltak' })).toHaveCount(0);
    const href = await rowOf(page, MINI_ROS).getByRole('link', { name: MINI_ROS, exact: true }).getAttribute('href');
    const response = await page.request.post(`${href}/status`, {
      form: { status: 'cancelled', version: '1' },
    });
    expect(response.status()).toBe(403);
  });

  test('filters narrow the plan to the five priority measures', async ({ page }) => {
    await loginAs(page, 'rad');
    await openProgressPlan(page);
    await page.getByLabel('Bare prioriterte tiltak').check();
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await expect(page.locator('main')).toContainText('Viser 5 av');
    await expectNoA11yViolations(page, 'framdriftsplan filtrert');
  });

  test('the plan downloads as a valid Excel workbook', async ({ page }) => {
    await loginAs(page, 'leder');
    await openProgressPlan(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Last ned Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = await download.path();
    const fs = await import('node:fs');
    const bytes = fs.readFileSync(path);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const text = bytes.toString('latin1');
    expect(text).toContain('xl/workbook.xml');
    expect(text).toContain('xl/worksheets/sheet1.xml');
  });
});
