import { expect, test, type Page } from '@playwright/test';
import {
  DEMO_PASSWORD,
  PASSWORD_LABEL,
  USERNAME_LABEL,
  expectNoA11yViolations,
  loginAs,
  logout,
} from '../helpers';

/** Presses Tab until the focused element is the input named `name` (max `maxTabs` presses). */
async function tabTo(page: Page, name: string, maxTabs = 20): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return el && el.tagName === 'INPUT' ? el.name : null;
    });
    if (focused === name) return;
  }
  throw new Error(`input[name=${name}] was not reached with ${maxTabs} Tab presses`);
}

test.describe('innlogging', () => {
  test('login page has the form and passes axe', async ({ page }) => {
    const response = await page.goto('/login');
    expect(response?.status()).toBe(200);
    await expect(page.getByLabel(USERNAME_LABEL, { exact: true })).toHaveAttribute('name', 'username');
    await expect(page.getByLabel(PASSWORD_LABEL, { exact: true })).toHaveAttribute('name', 'password');
    await expect(page.getByRole('button', { name: 'Logg inn', exact: true })).toBeVisible();
    await expectNoA11yViolations(page, 'GET /login');
  });

  test('wrong password shows an error and keeps the username', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel(USERNAME_LABEL, { exact: true }).fill('admin');
    await page.getByLabel(PASSWORD_LABEL, { exact: true }).fill('helt-feil-passord');
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await page.waitForLoadState('load');

    await expect(page).toHaveURL(/\/login(\?|$)/);
    await expect(page.getByText('Feil brukernavn eller passord').first()).toBeVisible();
    await expect(page.getByLabel(USERNAME_LABEL, { exact: true })).toHaveValue('admin');
    // The error state must be accessible too.
    await expectNoA11yViolations(page, 'POST /login (feil passord)');
  });

  test('keyboard-only login works (user ikt)', async ({ page }) => {
    await page.goto('/login');
    await tabTo(page, 'username');
    await page.keyboard.type('ikt');
    await tabTo(page, 'password', 5);
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');

    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { waitUntil: 'load' });
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('main')).toContainText('Ringebu kommune');
  });

  test('logout returns to /login and / then redirects to /login', async ({ page }) => {
    await loginAs(page, 'admin');
    await expect(page.getByRole('main')).toContainText('Ringebu kommune');
    await expect(page.getByRole('navigation', { name: 'Hovedmeny' })).toBeVisible();

    await logout(page);
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByLabel(USERNAME_LABEL, { exact: true })).toBeVisible();

    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
  });

  test('logged-out access to / redirects to /login', async ({ page }) => {
    const response = await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
    expect(response?.status()).toBe(200);
  });
});
