import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations, loginAs } from '../helpers';

// The progress plan at a desk (1,366 px) and on a phone (390 px), by keyboard, and on paper.
// Screenshots and the print PDF go to e2e/screenshots/ (git-ignored), to be looked at.
const outDir = path.resolve(__dirname, '..', 'screenshots');
const DESK = 'Oversikt eksterne supportavtaler';
const PHONE = 'Ta i bruk Risk manager';

async function openProgressPlan(page: Page): Promise<void> {
  await page.goto('/plan');
  await page.getByRole('link', { name: /Handlingsplan IKT 2014/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Framdriftsplan');
}

function rowOf(page: Page, title: string) {
  return page.locator('tr', { has: page.getByRole('link', { name: title, exact: true }) }).first();
}

async function pageScroll(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

test.describe('framdriftsplan på skrivebord, telefon og papir', () => {
  // axe over the whole progress table takes ~20 s.
  test.describe.configure({ timeout: 180_000 });
  test.beforeAll(() => fs.mkdirSync(outDir, { recursive: true }));

  test('at 1,366 px the page never scrolls sideways and the measure column stays in view', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await loginAs(page, 'ikt');
    await openProgressPlan(page);
    const { scrollWidth, innerWidth } = await pageScroll(page);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    // The table scrolls in its own box; the measure's name stays at the box's left edge.
    const box = page.locator('.progress-wrap');
    expect(await box.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    const title = rowOf(page, DESK).locator('th.measure-title');
    await title.scrollIntoViewIfNeeded();
    const left = (await box.boundingBox())!.x;
    await box.evaluate((e) => (e.scrollLeft = e.scrollWidth));
    expect(Math.abs((await title.boundingBox())!.x - left)).toBeLessThan(3);
    await expect(title).toBeVisible();
    // One line of form: the status, comment and save share a line (the date waits for «Utført»).
    const row = rowOf(page, DESK);
    const date = row.locator('input[name=status_date]');
    await expect(date).toBeHidden();
    const tops = await Promise.all(
      [row.locator('select[name=status]'), row.locator('input[name=comment]'), row.getByRole('button')].map(
        async (l) => Math.round((await l.boundingBox())!.y),
      ),
    );
    expect(new Set(tops).size).toBe(1);
    await row.locator('select[name=status]').selectOption({ label: 'Utført' });
    await expect(date).toBeVisible();
    await expect(date).not.toHaveValue('');
    await row.locator('select[name=status]').selectOption({ label: 'Ikke startet' });
    // A date once given is kept with any status, so its field does not hide.
    await expect(date).toBeVisible();
    await box.evaluate((e) => (e.scrollLeft = 0));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(outDir, 'plan-1366.png') });
    await title.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(outDir, 'plan-1366-rows.png') });
    await expectNoA11yViolations(page, 'framdriftsplan 1366 px');
  });

  test('after an inline save by keyboard, focus returns to the same row with a visible ring', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await loginAs(page, 'ikt');
    await openProgressPlan(page);
    const totals = page.locator('#plan-totals');
    const before = await totals.innerText();
    const row = rowOf(page, DESK);
    const select = row.getByRole('combobox', { name: `Ny status for ${DESK}` });
    await select.focus();
    await select.selectOption({ label: 'Pågår' });
    await page.keyboard.press('Tab');
    await expect(row.getByRole('textbox', { name: `Statuskommentar for ${DESK}` })).toBeFocused();
    await page.keyboard.type('Innhenter avtaler');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const updated = rowOf(page, DESK);
    await expect(updated).toContainText('Lagret: Pågår.');
    const save = updated.getByRole('button', { name: `Lagre status for ${DESK}` });
    await expect(save).toBeFocused();
    const ring = await save.evaluate((e) => {
      const s = getComputedStyle(e);
      return { outline: s.outlineStyle, shadow: s.boxShadow };
    });
    expect(ring.outline !== 'none' || ring.shadow !== 'none').toBe(true);
    // The totals followed the change (out-of-band swap): one more «pågår».
    await expect(totals).not.toHaveText(before);
    const count = (text: string) => Number(/(\d+) pågår/.exec(text)?.[1] ?? 0);
    expect(count(await totals.innerText())).toBe(count(before) + 1);
    // Swapped whole, in its place: one totals section with its two tables, none in the plan.
    await expect(page.locator('#plan-totals')).toHaveCount(1);
    await expect(page.locator('#plan-totals table')).toHaveCount(2);
    await expect(page.locator('.progress-wrap table table, .progress-wrap section')).toHaveCount(0);
    await expectNoA11yViolations(page, 'framdriftsplan etter lagring med tastatur');
  });

  test('at 390 px each measure is a card whose quick form updates the status', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await loginAs(page, 'ikt');
    await openProgressPlan(page);
    const { scrollWidth, innerWidth } = await pageScroll(page);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    const card = rowOf(page, PHONE);
    await card.scrollIntoViewIfNeeded();
    const box = (await card.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await expect(card).toContainText('Ansvar:');
    const save = card.getByRole('button', { name: `Lagre status for ${PHONE}` });
    const saveBox = (await save.boundingBox())!;
    expect(saveBox.x + saveBox.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(outDir, 'plan-390.png') });
    await card.getByRole('combobox', { name: `Ny status for ${PHONE}` }).selectOption({ label: 'Pågår' });
    await card.getByRole('textbox', { name: `Statuskommentar for ${PHONE}` }).fill('Lisens bestilt');
    await save.click();
    const updated = rowOf(page, PHONE);
    await expect(updated).toContainText('Lagret: Pågår.');
    await expect(updated).toContainText('Lisens bestilt');
    await expect(page.locator('.progress-wrap table table, .progress-wrap section')).toHaveCount(0);
    await page.screenshot({ path: path.join(outDir, 'plan-390-saved.png') });
    await expectNoA11yViolations(page, 'framdriftsplan 390 px');
  });

  test('the measure page has the quick status form, at 390 px too', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await loginAs(page, 'ikt');
    await openProgressPlan(page);
    await rowOf(page, PHONE).getByRole('link', { name: PHONE, exact: true }).click();
    const form = page.getByRole('form', { name: 'Oppdater status' });
    await form.getByLabel('Status', { exact: true }).selectOption({ label: 'Utført' });
    await expect(form.getByLabel('Dato')).not.toHaveValue('');
    await form.getByLabel('Statuskommentar').fill('Tatt i bruk');
    await form.getByRole('button', { name: 'Lagre status' }).click();
    await expect(page.getByRole('status').first()).toContainText('Statusen er lagret.');
    expect(new URL(page.url()).pathname).toMatch(/^\/measures\/\d+$/);
    await expect(page.locator('main')).toContainText('Tatt i bruk');
    const { scrollWidth, innerWidth } = await pageScroll(page);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await page.screenshot({ path: path.join(outDir, 'measure-390.png') });
    await expectNoA11yViolations(page, 'tiltaksside 390 px');
  });

  test('on paper: a status line, no breadcrumb, labels as numbers with a legend', async ({ page }) => {
    await loginAs(page, 'leder');
    await openProgressPlan(page);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByText(/^Status per \d\d\.\d\d\.\d{4}$/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Handlingsplaner' })).toBeHidden();
    await expect(page.getByText(/^Merknader i tidsplanen:/)).toBeVisible();
    await expect(page.locator('.cell-label').first()).toBeHidden();
    await expect(page.locator('.cell-code').first()).toBeVisible();
    await page.pdf({
      path: path.join(outDir, 'plan-print.pdf'),
      landscape: true,
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
    });
  });
});
