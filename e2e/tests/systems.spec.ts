import { expect, test } from '@playwright/test';
import { expectNoA11yViolations, loginAs } from '../helpers';

// Issue 11: a superuser keeps their own systems current: «Mine systemer», an update of their
// fields, an administration meeting, the confirmation. Then the register in nynorsk.

test.describe('fagsystemregister', () => {
  test.describe.configure({ timeout: 180_000 });

  test('a superuser updates their own system, records a meeting and confirms it', async ({ page }) => {
    await loginAs(page, 'superbruker');
    await page.getByRole('link', { name: 'Fagsystemer', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fagsystemer');
    await expectNoA11yViolations(page, 'fagsystemer');
    await page.getByRole('link', { name: 'Mine systemer' }).first().click();
    await expect(page.locator('main')).toContainText('2 fagsystemer');
    await page.getByRole('link', { name: 'Physiotools', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Physiotools');
    await expectNoA11yViolations(page, 'fagsystem');

    await page.getByRole('link', { name: 'Endre', exact: true }).click();
    await expect(page.getByText('Som superbruker for systemet kan du endre')).toBeVisible();
    await expect(page.getByLabel('Programleverandør')).toHaveCount(0);
    await expectNoA11yViolations(page, 'fagsystem, superbrukerens skjema');
    await page.getByLabel('Antall brukere').fill('14');
    await page.getByLabel('Notater').fill('Oppgradert til ny versjon i november.');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect(page.getByText('Endringene er lagret.')).toBeVisible();
    await expect(page.locator('main')).toContainText('Oppgradert til ny versjon i november.');

    await page.getByLabel('Til stede').fill('Mona Mjøen, leverandøren');
    await page.getByLabel('Informasjonssikkerhet').fill('Tilganger gjennomgått, to fjernet.');
    await page.getByRole('button', { name: 'Lagre møtet' }).click();
    await expect(page.getByText(/Forvaltningsmøtet .* er lagret\./)).toBeVisible();
    await expect(page.locator('main')).toContainText('Tilganger gjennomgått, to fjernet.');

    await page.getByRole('button', { name: 'Opplysningene er riktige' }).click();
    await expect(page.getByText(/Opplysningene er bekreftet/)).toBeVisible();
    await expect(page.locator('main')).toContainText('Sist bekreftet');
    await expectNoA11yViolations(page, 'fagsystem bekreftet');

    // Another system is read-only to them.
    await page.goto('/systems');
    await page.getByRole('link', { name: 'Gerica', exact: true }).click();
    await expect(page.getByRole('link', { name: 'Endre', exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Opplysningene er riktige' })).toHaveCount(0);
  });

  test('the register filters survive a reload and read in nynorsk', async ({ page }) => {
    await loginAs(page, 'ikt');
    await page.goto('/systems');
    await page.getByLabel('Uten superbruker').check();
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await expect(page.locator('main')).toContainText('9 fagsystemer');
    await page.reload();
    await expect(page.getByLabel('Uten superbruker')).toBeChecked();
    await expect(page.locator('main')).toContainText('9 fagsystemer');
    await page.goto('/profile');
    await page.getByLabel(/Språk/).selectOption('nn');
    await page.getByRole('button', { name: /Lagre/ }).first().click();
    await page.goto('/systems');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fagsystem');
    await expect(page.locator('main')).toContainText('Utan superbrukar');
    await expectNoA11yViolations(page, 'fagsystem på nynorsk');
    await page.goto('/profile');
    await page.getByLabel(/Språk/).selectOption('');
    await page.getByRole('button', { name: /Lagre/ }).first().click();
  });
});
