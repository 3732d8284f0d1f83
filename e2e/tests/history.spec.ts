import { expect, test, type Page } from '@playwright/test';
import { a11yViolations, formatViolations, loginAs, logout, waitForSettled } from '../helpers';

// Issue 7 items 2 and 6: the roll form (grouped, «velg alle / ingen» in place with JS), the
// rolled plan's notice, and the log showing the roll as one event: each page axe-clean.

const SHOTS = process.env.E2E_SHOT_DIR;

async function axeClean(page: Page, what: string): Promise<void> {
  await waitForSettled(page);
  const v = await a11yViolations(page);
  expect(v, `${what}:\n${formatViolations(v)}`).toEqual([]);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${what}.png`, fullPage: false });
}

test('a roll from the grouped form shows on the old plan and as one event in the log', async ({ page }) => {
  test.setTimeout(120_000);
  await loginAs(page, 'ikt');
  await page.goto('/plan');
  await page.getByRole('link', { name: /2014–2016/ }).first().click();
  const oldUrl = page.url();
  await page.getByRole('link', { name: 'Rullér planen' }).click();
  await axeClean(page, 'roll-form');

  // «Velg ingen» unticks only its group, in place (no navigation), and «Velg alle» ticks it again.
  const group = page.locator('[data-roll-group]').first();
  const boxes = group.locator('input[name=carry]');
  const url = page.url();
  await group.getByRole('button', { name: 'Velg ingen' }).click();
  expect(page.url()).toBe(url);
  for (const box of await boxes.all()) await expect(box).not.toBeChecked();
  await expect(page.locator('[data-roll-group]').nth(1).locator('input[name=carry]').first()).toBeChecked();
  await group.getByRole('button', { name: 'Velg alle' }).click();
  for (const box of await boxes.all()) await expect(box).toBeChecked();

  await page.getByRole('button', { name: 'Opprett ny handlingsplan' }).click();
  await page.waitForURL((u) => u.pathname !== new URL(url).pathname);
  // The cell itself (the print legend above the table names it too, but only on paper).
  await expect(page.locator('.cell-label', { hasText: 'Fra 2014' }).first()).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/new-plan.png` });

  await page.goto(oldUrl);
  await expect(page.getByText('Planen ble rullert')).toBeVisible();
  await axeClean(page, 'old-plan');
  await page.goto('/plan');
  await axeClean(page, 'plan-list');
  await logout(page);

  await loginAs(page, 'admin');
  await page.goto('/admin/audit');
  const roll = page.locator('tr.audit-event', { hasText: 'Rullering til' });
  await expect(roll).toHaveCount(1);
  await roll.locator('summary').click();
  await axeClean(page, 'audit-log');
  await roll.getByRole('link').nth(1).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Historikk:');
  await axeClean(page, 'history');
});
