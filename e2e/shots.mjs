import { chromium } from 'playwright-core';
const B = 'http://127.0.0.1:3101';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
async function login(page, u) {
  await page.goto(B + '/login');
  await page.getByLabel('Brukernavn eller e-post', { exact: true }).fill(u);
  await page.getByLabel('Passord', { exact: true }).fill('ringebu-demo');
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
for (const [w, h, tag] of [[1280, 900, 'desk'], [390, 844, 'phone']]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
  const page = await ctx.newPage();
  await login(page, 'ikt');
  await page.goto(B + '/plan/1');
  await page.screenshot({ path: `/tmp/shots/${tag}-plan-head.png` });
  await page.goto(B + '/plan/1/reports');
  await page.screenshot({ path: `/tmp/shots/${tag}-rounds.png`, fullPage: true });
  const id = tag === 'desk' ? 1 : 2;
  await page.goto(B + `/reports/${id}/edit`);
  await page.screenshot({ path: `/tmp/shots/${tag}-form.png` });
  await page.getByRole('button', { name: 'Lever rapporten' }).click();
  await page.screenshot({ path: `/tmp/shots/${tag}-form-missing.png` });
  for (const row of await page.locator('tr.is-missing').all()) {
    await row.getByRole('textbox', { name: 'Kommentar' }).fill('Skrevet i skjermbildetest');
  }
  await page.getByLabel('Oppsummering for rådmannen').fill('Framdriften er god. Se kommentarene.');
  await page.getByRole('button', { name: 'Lever rapporten' }).click();
  await page.waitForURL(new RegExp(`/reports/${id}$`));
  await page.screenshot({ path: `/tmp/shots/${tag}-report.png`, fullPage: tag === 'phone' ? false : true });
  if (tag === 'desk') {
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: '/tmp/shots/report.pdf', format: 'A4', landscape: true, displayHeaderFooter: false });
    await page.screenshot({ path: `/tmp/shots/print-view.png` });
  }
  await page.goto(B + '/');
  await page.screenshot({ path: `/tmp/shots/${tag}-home.png`, fullPage: true });
  await ctx.close();
}
await browser.close();
