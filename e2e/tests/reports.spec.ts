import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations, loginAs, logout } from '../helpers';

// Issue 10: the responsible person writes the June 2014 report, saves a draft, is refused for
// the missing priority comments, submits; the rådmann reads it, prints it and takes it «til
// orientering»; the responsible person sees that on the start page. Then the same pages in
// nynorsk.

const PRIORITY = [
  'Sikre nødvendig kompetanse superbrukere',
  'Skolering i teknisk support av mobile enheter for Gerica.',
  'Utarbeide mini-ROS innen IKT',
  'Gjennomgang norm for informasjonssikkerhet',
];

async function openRounds(page: Page): Promise<void> {
  await page.goto('/plan');
  await page.getByRole('link', { name: /Handlingsplan IKT 2014/ }).click();
  await page.getByRole('link', { name: 'Statusrapporter til rådmannen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Statusrapporter til rådmannen');
}

test.describe('statusrapport', () => {
  test.describe.configure({ timeout: 240_000 });

  test('the responsible person writes and submits a report, and the rådmann takes it til orientering', async ({ page }) => {
    await loginAs(page, 'ikt');
    await openRounds(page);
    // The 2014–2016 plan has ended: its rounds read «Ikke levert», never «For sent».
    await expect(page.getByText('Planperioden er over')).toBeVisible();
    await expect(page.locator('main')).not.toContainText('For sent');
    await expectNoA11yViolations(page, 'rapportrunder');

    await page.getByRole('link', { name: 'Juni 2014', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Juni 2014');
    await page.getByRole('link', { name: 'Skriv rapporten' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Skriv statusrapporten for Juni 2014');
    await expectNoA11yViolations(page, 'rapportskjema');

    await page.getByLabel('Oppsummering for rådmannen').fill('Godt i gang. Superbrukerne er kartlagt.');
    await page.getByRole('button', { name: 'Lagre utkast' }).click();
    await expect(page.getByText('Utkastet er lagret.')).toBeVisible();
    await expect(page.getByLabel('Oppsummering for rådmannen')).toHaveValue('Godt i gang. Superbrukerne er kartlagt.');

    // Submitting without the priority comments is refused, naming the measures.
    for (const title of PRIORITY) {
      const row = page.locator('tr', { hasText: title }).first();
      await row.getByRole('textbox', { name: 'Kommentar' }).fill('');
    }
    await page.getByRole('button', { name: 'Lever rapporten' }).click();
    const alert = page.locator('#missing');
    await expect(alert).toContainText('Rapporten ble ikke levert');
    await expect(alert).toContainText('«Utarbeide mini-ROS innen IKT»');
    await expectNoA11yViolations(page, 'rapportskjema med manglende kommentarer');

    for (const title of PRIORITY) {
      const row = page.locator('tr', { hasText: title }).first();
      await row.getByRole('textbox', { name: 'Kommentar' }).fill(`Status for ${title.slice(0, 20)}`);
    }
    const ros = page.locator('tr', { hasText: 'Utarbeide mini-ROS innen IKT' }).first();
    await ros.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Pågår' });
    await page.getByRole('button', { name: 'Lever rapporten' }).click();
    await expect(page.getByText(/Rapporten er levert/)).toBeVisible();
    await expect(page.locator('main')).toContainText('Levert');
    await expect(page.locator('main')).toContainText('Godt i gang. Superbrukerne er kartlagt.');
    await expectNoA11yViolations(page, 'levert rapport');
    const reportUrl = page.url();

    // The status went back to the measure.
    await page.goto('/plan');
    await page.getByRole('link', { name: /Handlingsplan IKT 2014/ }).click();
    await expect(page.locator('tr', { hasText: 'Utarbeide mini-ROS innen IKT' }).first()).toContainText('Pågår');
    await logout(page);

    await loginAs(page, 'leder');
    await page.goto(reportUrl);
    // The print view: no navigation or forms, the head and the table.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Ta til orientering' })).toBeHidden();
    await expect(page.getByRole('heading', { name: /Statusrapport til rådmannen/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Framdriftsplanen med status' })).toBeVisible();
    const pdf = await page.pdf({ format: 'A4', landscape: true });
    expect(pdf.byteLength).toBeGreaterThan(20_000);
    await page.emulateMedia({ media: 'screen' });

    await page.getByLabel('Kommentar (valgfri)').fill('Tatt til orientering i ledermøtet.');
    await page.getByRole('button', { name: 'Ta til orientering' }).click();
    await expect(page.getByText('Rapporten er tatt til orientering.')).toBeVisible();
    await expect(page.locator('main')).toContainText('Levert og tatt til orientering');
    await expectNoA11yViolations(page, 'rapport tatt til orientering');
    await logout(page);

    await loginAs(page, 'ikt');
    await page.goto('/');
    await expect(page.locator('main')).toContainText('Rapporten for Juni 2014 er tatt til orientering');
    await expect(page.locator('main')).toContainText('Tatt til orientering i ledermøtet.');
  });

  test('the report pages read in nynorsk for a nynorsk user', async ({ page }) => {
    await loginAs(page, 'rad');
    await page.goto('/profile');
    await page.getByLabel(/Språk/).selectOption('nn');
    await page.getByRole('button', { name: /Lagre/ }).first().click();
    await page.goto('/plan');
    await page.getByRole('link', { name: /Handlingsplan IKT 2014/ }).click();
    await page.getByRole('link', { name: 'Statusrapportar til rådmannen' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Statusrapportar til rådmannen');
    await expect(page.locator('main')).toContainText('Ikkje levert');
    await page.getByRole('link', { name: 'Oktober 2014', exact: true }).click();
    await expect(page.locator('main')).toContainText('Endringar sidan førre runde');
    await expectNoA11yViolations(page, 'rapport på nynorsk');
    await page.getByRole('link', { name: 'Skriv rapporten' }).click();
    await expect(page.getByRole('button', { name: 'Lagre utkast' })).toBeVisible();
    await expectNoA11yViolations(page, 'rapportskjema på nynorsk');
    // Back to bokmål for the other tests.
    await page.goto('/profile');
    await page.getByLabel(/Språk/).selectOption('');
    await page.getByRole('button', { name: /Lagre/ }).first().click();
  });
});
