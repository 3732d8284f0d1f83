import { chromium } from 'playwright-core';
const B = 'http://127.0.0.1:3101';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [w, h, tag] of [[1280, 900, 'desk'], [390, 844, 'phone']]) {
  const page = await (await browser.newContext({ viewport: { width: w, height: h } })).newPage();
  await page.goto(B + '/login');
  await page.getByLabel('Brukernavn eller e-post', { exact: true }).fill('superbruker');
  await page.getByLabel('Passord', { exact: true }).fill('ringebu-demo');
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(B + '/systems');
  await page.screenshot({ path: `/tmp/shots/${tag}-systems.png`, fullPage: tag === 'desk' });
  await page.getByRole('link', { name: 'Physiotools', exact: true }).click();
  await page.screenshot({ path: `/tmp/shots/${tag}-system.png`, fullPage: true });
  await page.goto(page.url() + '/edit');
  await page.screenshot({ path: `/tmp/shots/${tag}-system-edit.png`, fullPage: true });
}
await browser.close();
