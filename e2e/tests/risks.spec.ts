import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations, loginAs } from '../helpers';
import { checkHtml, formatVnu } from '../vnu';

// Issue 12: the risk register in the browser, as ikt: a risk scored S 4 × K 5 lands in the
// matrix as «Høy», its mitigation becomes a measure in one click, both pages are axe-clean,
// the assessment reads in nynorsk and prints without the navigation.

async function setLanguage(page: Page, code: '' | 'nb' | 'nn'): Promise<void> {
  await page.goto('/profile');
  await page.locator('#language').selectOption(code);
  await page.locator('form[action="/profile"] button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === '/profile', { waitUntil: 'load' });
  await expect(page.locator('.flash')).toBeVisible();
}

/** A new assessment with one risk S 4 × K 5 and a mitigation; returns the assessment's and
 *  the risk's paths. The title is unique per run, since the e2e database outlives a test. */
async function assessmentWithRisk(page: Page): Promise<{ assessment: string; risk: string }> {
  const title = `ROS for nettverk ${Date.now()}`;
  await page.goto('/risks');
  await page.getByRole('link', { name: 'Ny risikovurdering', exact: true }).click();
  await page.getByLabel('Tittel', { exact: true }).fill(title);
  await page.getByRole('button', { name: 'Opprett risikovurdering', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const assessment = new URL(page.url()).pathname;

  await page.getByRole('link', { name: 'Ny risiko', exact: true }).click();
  await page.getByLabel('Nr.', { exact: true }).fill('1');
  await page.getByLabel('Risikofaktor', { exact: true }).fill('Brudd på fiberen til rådhuset');
  await page.getByLabel('Sannsynlighet (S)', { exact: true }).fill('4');
  await page.getByLabel('Konsekvens (K)', { exact: true }).fill('5');
  await page.getByLabel('Tiltak', { exact: true }).fill('Legge redundant fiber\nAvtale beredskap med leverandøren');
  await page.getByRole('button', { name: 'Legg til risiko', exact: true }).click();
  await expect(page.locator('.flash')).toContainText('Risikoen er lagt til.');
  await expect(page.locator('#rf')).toContainText('20');
  await expect(page.locator('#rf')).toContainText('Høy');
  const risk = new URL(page.url()).pathname;
  return { assessment, risk };
}

test.describe('risikoregister', () => {
  test.describe.configure({ timeout: 180_000 });

  test('a risk S 4 × K 5 is «Høy» in the matrix, and its mitigation becomes a measure', async ({ page }) => {
    await loginAs(page, 'ikt');
    const { assessment, risk } = await assessmentWithRisk(page);

    await page.goto(assessment);
    const cell = page.locator('#matrix-before td[data-cell="S4K5"]');
    await expect(cell).toContainText('Høy');
    const link = cell.getByRole('link');
    await expect(link).toHaveText('1');
    await link.click();
    await expect(page.locator('#cell-filter')).toContainText('S 4 × K 5');
    const rows = page.locator('.risk-table tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Brudd på fiberen til rådhuset');
    await expectNoA11yViolations(page, 'risikovurdering');

    await rows.first().getByRole('link', { name: 'Brudd på fiberen til rådhuset' }).click();
    expect(new URL(page.url()).pathname).toBe(risk);
    await expectNoA11yViolations(page, 'risiko');

    // The form with its systems and locations, and the pages that ask first.
    await page.goto(`${risk}/edit`);
    await expect(page.getByRole('group', { name: 'Fagsystemer' })).toBeVisible();
    await expectNoA11yViolations(page, 'risikoskjema');
    await page.goto(`${risk}/delete`);
    await expectNoA11yViolations(page, 'slett risiko');
    await page.goto(`${assessment}/import`);
    await expectNoA11yViolations(page, 'import av risikoer');
    // A file whose printed RF is not S × K: a warning, and S × K is what is stored.
    await page.locator('#file').setInputFiles({
      name: 'ros.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('\ufeffBeskrivelse;S;K;RF\r\nStrømbrudd i serverrommet;3;4;10\r\n'),
    });
    await page.getByRole('button', { name: 'Forhåndsvis import', exact: true }).click();
    await expect(page.locator('#preview')).toContainText('Oppgitt RF 10, men S × K = 12; lagrer 12');
    await expectNoA11yViolations(page, 'forhåndsvisning av import');
    await page.getByRole('button', { name: 'Bekreft importen', exact: true }).click();
    await page.waitForURL((url) => url.pathname === assessment, { waitUntil: 'load' });
    await expect(page.locator('.flash')).toContainText('Importert fra «ros.csv»');
    await expect(page.locator('#matrix-before td[data-cell="S3K4"]')).toContainText('1');
    await page.goto(risk);

    await page.getByRole('button', { name: 'Lag tiltak av tiltaksteksten', exact: true }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/measures/'), { waitUntil: 'load' });
    await expect(page.locator('.flash')).toContainText('Tiltaket er laget av risikoens tiltakstekst.');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Legge redundant fiber');
  });

  test('the assessment in nynorsk', async ({ page }) => {
    await loginAs(page, 'ikt');
    const { assessment } = await assessmentWithRisk(page);
    await setLanguage(page, 'nn');
    try {
      await page.goto(assessment);
      await expect(page.locator('#risks-heading')).toHaveText('Risikoar');
      await expect(page.locator('#matrix-before td[data-cell="S4K5"]')).toContainText('Høg');
      await expectNoA11yViolations(page, 'risikovurdering, nynorsk');
    } finally {
      await setLanguage(page, '');
    }
  });

  test('the printed assessment has no navigation', async ({ page }) => {
    await loginAs(page, 'ikt');
    const { assessment } = await assessmentWithRisk(page);
    await page.goto(assessment);
    await expect(page.locator('.site-nav').first()).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    for (const nav of await page.locator('.site-nav, .site-header').all()) {
      await expect(nav).toBeHidden();
    }
    await expect(page.locator('#matrix-before')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeHidden();
  });

  test('the risk pages are valid HTML as the server sends them', async ({ page }) => {
    await loginAs(page, 'ikt');
    const { assessment, risk } = await assessmentWithRisk(page);
    const dir = mkdtempSync(join(tmpdir(), 'ikt-vnu-risks-'));
    const files = new Map<string, string>();
    try {
      for (const path of [
        '/risks',
        assessment,
        `${assessment}/edit`,
        `${assessment}/delete`,
        `${assessment}/import`,
        `${assessment}/items/new`,
        risk,
        `${risk}/edit`,
        `${risk}/delete`,
      ]) {
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
  });

  test('the leder sets the levels and a mistake is shown beside its field', async ({ page }) => {
    await loginAs(page, 'leder');
    await page.goto('/risks');
    await page.getByRole('link', { name: 'Endre risikonivåene', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Risikonivåer');
    await expectNoA11yViolations(page, 'risikonivåer');
    await page.getByLabel('Høyeste RF som er middels', { exact: true }).fill('3');
    await page.getByRole('button', { name: 'Lagre endringer', exact: true }).click();
    await expect(page.locator('#medium_max-error')).toContainText('større enn grensen for lav');
    await expect(page.getByLabel('Høyeste RF som er middels', { exact: true })).toHaveValue('3');
    await expectNoA11yViolations(page, 'risikonivåer med feil');
  });

  test('an assessment at phone width scrolls only inside its table, the matrices fit', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await loginAs(page, 'ikt');
    const { assessment } = await assessmentWithRisk(page);
    await page.goto(assessment);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement!.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  });
});
