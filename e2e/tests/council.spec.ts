import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, expectNoA11yViolations, login, logout } from '../helpers';
import { checkHtml, formatVnu } from '../vnu';

/** Every path as the server sends it through the Nu Html Checker: zero errors. */
async function expectValidHtml(page: Page, paths: string[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ikt-vnu-council-'));
  const files = new Map<string, string>();
  try {
    for (const path of paths) {
      const res = await page.request.get(path);
      expect(res.status(), path).toBe(200);
      const file = join(dir, `${files.size}.html`);
      writeFileSync(file, await res.text());
      files.set(file, path);
    }
    const vnu = checkHtml(files);
    expect(vnu.errors, formatVnu(vnu.errors)).toHaveLength(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Issue 13: the IKT-råd in Gjesdal, in the browser. A unit's representative registers a need;
// the secretariat (gj-ikt) puts it on a meeting's agenda; two members assess it; the chair
// (gj-leder, assisterende rådmann) recommends it; as leder he approves it, and the new measure
// appears in the progress plan. Every page on the way is axe-clean; the list reads in nynorsk.

async function as(page: Page, username: string): Promise<void> {
  if (!page.url().includes('/login') && page.url() !== 'about:blank') {
    await logout(page).catch(() => undefined);
  }
  await login(page, username, DEMO_PASSWORD);
}

async function setLanguage(page: Page, code: '' | 'nb' | 'nn'): Promise<void> {
  await page.goto('/profile');
  await page.locator('#language').selectOption(code);
  await page.locator('form[action="/profile"] button[type="submit"]').click();
  await expect(page.locator('.flash')).toBeVisible();
}

test.describe('IKT-rådet', () => {
  test.describe.configure({ timeout: 240_000 });

  test('a need goes from the unit through the council to RLT and becomes a measure in the plan', async ({ page }) => {
    const run = Date.now();
    const title = `Digitalt skjema for søknad om barnehageplass ${run}`;

    // The secretariat: a plan for the approved measure to land in, and a meeting.
    await as(page, 'gj-ikt');
    await page.goto('/plan/new');
    await page.locator('#name').fill(`Handlingsplan IKT ${run}`);
    await page.locator('#start_year').fill('2026');
    await page.locator('#end_year').fill('2029');
    await page.locator('form[action="/plan/new"] button[type="submit"]').click();
    await expect(page).toHaveURL(/\/plan\/\d+$/);
    const plan = new URL(page.url()).pathname;

    await page.goto('/council/meetings');
    await page.getByLabel('Dato', { exact: true }).fill('2026-12-10');
    await page.getByLabel('Sted', { exact: true }).fill(`Rådhuset ${run}`);
    await page.getByRole('button', { name: 'Opprett møtet', exact: true }).click();
    await expect(page.locator('.flash')).toContainText('Møtet er opprettet');
    const meeting = new URL(page.url()).pathname;
    await expectNoA11yViolations(page, 'møtet (tomt)');

    // A unit's representative registers the need.
    await as(page, 'gj-enhet');
    await page.goto('/acquisitions');
    await page.getByRole('link', { name: 'Registrer et behov', exact: true }).click();
    await expectNoA11yViolations(page, 'nytt behov');
    await page.getByRole('button', { name: 'Registrer saken', exact: true }).click();
    await expect(page.locator('#title-error')).toHaveText('Skriv en tittel.');
    await expect(page.locator('#unit-error')).toHaveText('Velg enheten saken gjelder.');
    await page.getByLabel('Tittel', { exact: true }).fill(title);
    await page.getByLabel('Behov og formål', { exact: true }).fill('Foreldre søker på papir; skjemaet skal inn i Altinn.');
    await page.getByLabel('Enhet', { exact: true }).selectOption({ label: 'Barnehage' });
    await page.getByLabel('Anslått investering', { exact: true }).fill('250 000');
    await page.getByLabel('Foreslått finansiering', { exact: true }).selectOption('ict_funds');
    await page.locator('textarea[name^="answer_"]').first().fill('Koordinert med IKT-avdelingen.');
    await page.getByRole('button', { name: 'Registrer saken', exact: true }).click();
    await expect(page.locator('.flash')).toContainText('Saken er registrert');
    await expect(page.locator('#state')).toHaveText('Registrert');
    await expect(page.locator('#stepper li[aria-current="step"]')).toContainText('Sekretariatet');
    const request = new URL(page.url()).pathname;
    const id = request.split('/').pop();
    await expectNoA11yViolations(page, 'saken (registrert)');

    // The secretariat puts it on the meeting's agenda.
    await as(page, 'gj-ikt');
    await page.goto(request);
    await page.getByLabel('Sett saken på sakslisten til et møte i IKT-rådet', { exact: true }).check();
    await page.getByLabel('Møte', { exact: true }).selectOption({ label: `10.12.2026 – Rådhuset ${run}` });
    await page.getByRole('button', { name: 'Utfør', exact: true }).click();
    await expect(page.locator('.flash')).toContainText('satt på sakslisten');
    await expect(page.locator('#state')).toHaveText('Til behandling i IKT-rådet');

    // Two members assess it.
    for (const [user, stance, reason] of [
      ['gj-okonomi', 'Støtter', 'Innenfor avsatte IKT-midler.'],
      ['gj-personal', 'Avstår', 'Berører ikke personalområdet.'],
    ]) {
      await as(page, user);
      await page.goto('/acquisitions?tab=assess');
      await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();
      await page.goto(meeting);
      const form = page.locator(`#assess-${id}`);
      await form.getByLabel(stance, { exact: true }).check();
      await form.getByLabel('Begrunnelse', { exact: true }).fill(reason);
      await form.getByRole('button', { name: 'Lagre vurderingen', exact: true }).click();
      await expect(page.locator('.flash')).toContainText('Vurderingen er lagret');
      await expect(page.locator(`#item-${id}`)).toContainText(reason);
    }
    await expect(page.locator(`#item-${id}`)).toContainText('1 støtter, 1 avstår, 0 går imot');
    await expectNoA11yViolations(page, 'møtet (vurdert)');

    // The chair recommends it, then as leder decides it.
    await as(page, 'gj-leder');
    await page.goto(meeting);
    const rec = page.locator(`#recommend-${id}`);
    await rec.getByLabel('Tilrådd', { exact: true }).check();
    await rec.getByLabel('Prioritet', { exact: true }).fill('1');
    await rec.getByLabel('Begrunnelse for tilrådingen', { exact: true }).fill('Bruker Altinn, en nasjonal felleskomponent.');
    await rec.getByRole('button', { name: 'Lagre tilrådingen', exact: true }).click();
    await expect(page.locator('.flash')).toContainText('Tilrådingen er lagret');
    await page.goto(`${meeting}/minutes`);
    await expect(page.locator('main')).toContainText('Bruker Altinn, en nasjonal felleskomponent.');
    await expectNoA11yViolations(page, 'protokollen');

    await page.goto('/acquisitions?tab=rlt');
    await page.getByRole('link', { name: title, exact: true }).click();
    await page.getByRole('link', { name: 'Vedtak i RLT', exact: true }).click();
    await expectNoA11yViolations(page, 'vedtaket');
    await page.getByLabel('Godkjent', { exact: true }).check();
    await expect(page.getByLabel('Beløp', { exact: true })).toHaveValue('250 000');
    await page.getByLabel('Arkivsak', { exact: true }).fill('2026/1234');
    await page.getByLabel('Begrunnelse', { exact: true }).fill('Prioritert av RLT.');
    await page.getByLabel('Handlingsplan for nytt tiltak', { exact: true }).selectOption({ label: `Handlingsplan IKT ${run}` });
    await page.getByRole('button', { name: 'Lagre vedtaket', exact: true }).click();
    await expect(page.locator('.flash')).toContainText('tiltaket er lagt inn i handlingsplanen');
    await expect(page.locator('#state')).toHaveText('Godkjent');
    await expect(page.locator('#decision')).toContainText('2026/1234');
    await expect(page.locator('#timeline li')).toHaveCount(4);

    // The new measure is in the progress plan, with the decided amount.
    await page.goto(plan);
    await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();
    await page.getByRole('link', { name: title, exact: true }).click();
    await expect(page.locator('main')).toContainText('250 000');

    // The requester plans the benefits and records a first follow-up.
    await as(page, 'gj-enhet');
    await page.goto(request);
    await page.getByRole('link', { name: 'Gevinster', exact: true }).click();
    await page.getByLabel('Type gevinst', { exact: true }).selectOption({ label: 'Frigjort tid' });
    await page.getByLabel('Indikator', { exact: true }).fill('Timer per måned på papirsøknader');
    await page.getByLabel('Utgangspunkt', { exact: true }).fill('40');
    await page.getByLabel('Mål', { exact: true }).fill('10');
    await page.getByLabel('Måldato', { exact: true }).fill('2027-12-31');
    await page.getByRole('button', { name: 'Legg til gevinsten', exact: true }).click();
    await expect(page.locator('.flash')).toContainText('Gevinsten er lagt til');
    const benefit = page.locator('article[id^="benefit-"]').filter({ hasText: 'Timer per måned på papirsøknader' });
    await benefit.getByLabel('Målt verdi', { exact: true }).fill('25');
    await benefit.getByRole('button', { name: 'Registrer målingen', exact: true }).click();
    await expect(page.locator('.flash')).toContainText('Målingen er registrert');
    await expect(page.locator('article[id^="benefit-"]').filter({ hasText: 'Timer per måned' })).toContainText('Underveis');
    await expectNoA11yViolations(page, 'gevinstene');
    await page.goto('/benefits');
    const row = page.locator('#realisation tr').filter({ hasText: title });
    await expect(row).toContainText('25');
    await expect(row).toContainText('Underveis');
    await expectNoA11yViolations(page, 'gevinster på tvers');

    // The requester was told at each step.
    await page.goto('/notifications');
    const notes = page.locator('#notifications li').filter({ hasText: title });
    await expect(notes.filter({ hasText: 'RLT har godkjent saken.' })).toHaveCount(1);
    await expect(notes.filter({ hasText: 'IKT-rådet tilrår saken.' })).toHaveCount(1);
    await expect(notes.filter({ hasText: 'satt på sakslisten' })).toHaveCount(1);
    await expectNoA11yViolations(page, 'varsler');
    await expectValidHtml(page, [
      '/acquisitions',
      '/acquisitions/new',
      request,
      `${request}/benefits`,
      '/benefits',
      meeting,
      `${meeting}/minutes`,
      '/council',
      '/council/meetings',
      '/notifications',
    ]);
    await as(page, 'gj-admin');
    await page.goto('/council/settings');
    await expectNoA11yViolations(page, 'innstillinger for IKT-rådet');
    await expectValidHtml(page, ['/council/settings', request, meeting]);
  });

  test('«Om IKT-rådet» shows the council, its principles and the matrix with the doubtful cells marked, in bokmål and nynorsk', async ({ page }) => {
    await as(page, 'gj-enhet');
    await page.goto('/council');
    await expect(page.locator('#members li')).toHaveCount(8);
    await expect(page.locator('#members li').first()).toContainText('Assisterende rådmann');
    await expect(page.locator('#members li').first()).toContainText('leder');
    await expect(page.locator('#principles li')).toHaveCount(8);
    await expect(page.locator('#financings li')).toHaveCount(3);
    await expect(page.locator('#matrix tbody tr')).toHaveCount(8);
    await expect(page.locator('#matrix td.uncertain')).toHaveCount(8);
    await expect(page.locator('#matrix-doubt')).toContainText('8 celler');
    await expectNoA11yViolations(page, 'om IKT-rådet');

    await setLanguage(page, 'nn');
    try {
      await page.goto('/council');
      await expect(page.getByRole('heading', { level: 2, name: 'Avgjerdsmatrise' })).toBeVisible();
      await page.goto('/acquisitions');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anskaffingssaker');
      await expect(page.getByRole('link', { name: 'Registrer eit behov', exact: true })).toBeVisible();
      await expectNoA11yViolations(page, 'anskaffingssaker (nynorsk)');
    } finally {
      await setLanguage(page, '');
    }
  });
});
