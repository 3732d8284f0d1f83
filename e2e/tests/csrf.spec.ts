import { test, expect } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loginAs } from '../helpers';

// The CSRF guard trusts what the browser says about a form's origin (Sec-Fetch-Site, Origin):
// this drives a real Chromium from another site's page, as an attack would, and from the app's
// own page, as a user would.

let attacker: Server;
let attackerOrigin = '';

test.beforeAll(async ({ baseURL }) => {
  const target = new URL('/logout', baseURL).toString();
  attacker = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="en"><title>Win a prize</title>
      <form method="post" action="${target}"><button>Claim your prize</button></form>`);
  });
  // `localhost` is another site than the app's 127.0.0.1, and another port is another origin.
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerOrigin = `http://localhost:${(attacker.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => attacker.close(resolve));
});

test('a form on another site cannot log the user out, and the app says why', async ({ page }) => {
  await loginAs(page, 'ikt');
  await page.goto(attackerOrigin);
  await page.getByRole('button', { name: 'Claim your prize' }).click();
  await expect(page.getByRole('heading', { name: 'Skjemaet kunne ikke sendes' })).toBeVisible();
  await page.goto('/');
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByRole('button', { name: 'Logg ut' })).toBeVisible();
});

test('the same form on the app’s own page works', async ({ page }) => {
  await loginAs(page, 'ikt');
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page).toHaveURL(/\/login/);
});
