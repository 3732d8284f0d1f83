import { chromium } from 'playwright-core';
const B = 'http://127.0.0.1:3100';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
async function login(page, u) {
  await page.goto(B + '/login');
  await page.getByLabel('Brukernavn eller e-post', { exact: true }).fill(u);
  await page.getByLabel('Passord', { exact: true }).fill('ringebu-demo');
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
for (const [w, h, tag] of [[1280, 900, 'desk'], [390, 844, 'phone']]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, locale: 'nb-NO' });
  const page = await ctx.newPage();
  await login(page, 'ikt');
  await page.goto(B + '/locations');
  await page.screenshot({ path: `/tmp/shots/${tag}-locations.png`, fullPage: true });
  await page.goto(B + '/locations?attention=1');
  const href = (await page.locator('main a').evaluateAll(as => as.map(a => a.getAttribute('href')))).find(h => /^\/locations\/\d+$/.test(h));
  await page.goto(B + href);
  await page.screenshot({ path: `/tmp/shots/${tag}-location.png`, fullPage: true });
  if (tag === 'desk') { await page.goto(B + '/locations'); await page.pdf({ path: '/tmp/shots/locations.pdf', format: 'A4', landscape: true }); }
}
await browser.close();
