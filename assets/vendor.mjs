#!/usr/bin/env node
// Copies the third-party CSS/JS/fonts the app serves into ../static/vendor/.
// Plain Node (>=18), no bundler. Run with `npm ci && npm run vendor` in assets/.
//
// Output (all committed, so the app runs without npm):
//   static/vendor/designsystemet/index.css   @digdir/designsystemet-css  (components, layer "ds")
//   static/vendor/designsystemet/theme.css   @digdir/designsystemet-theme brand/digdir.css
//   static/vendor/inter/inter.css            @font-face "Inter" (self-hosted) + body font rule
//   static/vendor/inter/*.woff2              from @fontsource-variable/inter (latin, latin-ext)
//   static/vendor/htmx.min.js                htmx.org 2.x
//   static/vendor/LICENSES/*                 upstream licence texts
//   static/vendor/VERSIONS.txt               which package versions produced the files
//
// The script fails if any copied CSS references a file that was not copied, or any
// non-data: URL (our CSP only allows 'self').

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '..', 'static', 'vendor');

// Which theme file from @digdir/designsystemet-theme to ship as theme.css.
// Options in the installed version: brand/digdir.css, brand/altinn.css,
// brand/uutilsynet.css, brand/portal.css, src/themes/designsystemet.css.
const THEME_FILE = 'brand/digdir.css';

// Inter subsets to self-host (Norwegian incl. æøå is in "latin"; "latin-ext" adds
// e.g. Sámi letters). Other subsets fall back to the system font via unicode-range.
const INTER_SUBSETS = {
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  'latin-ext':
    'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
};

function pkgDir(name) {
  // Not require.resolve(): package "exports" maps hide package.json.
  const dir = path.join(here, 'node_modules', ...name.split('/'));
  if (!fs.existsSync(path.join(dir, 'package.json'))) {
    throw new Error(`${name} is not installed: run \`npm ci\` in assets/ first`);
  }
  return dir;
}
function pkgVersion(name) {
  return JSON.parse(fs.readFileSync(path.join(pkgDir(name), 'package.json'), 'utf8')).version;
}
function copy(src, dest) {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.copyFileSync(src, dest);
  console.log(`  ${path.relative(path.resolve(here, '..'), dest)}  <-  ${path.relative(here, src)}`);
}
function write(dest, text) {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.writeFileSync(dest, text);
  console.log(`  ${path.relative(path.resolve(here, '..'), dest)}  (generated)`);
}

// Checks a CSS file: every url()/@import must be data: or a relative file that exists.
function checkCss(file) {
  const css = fs.readFileSync(file, 'utf8');
  const problems = [];
  for (const m of css.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g)) {
    problems.push(`@import ${m[1]} (imports are not followed; inline or copy it)`);
  }
  for (const m of css.matchAll(/url\(\s*(["']?)(.*?)\1\s*\)/g)) {
    const ref = m[2];
    if (ref.startsWith('data:')) continue;
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref)) {
      problems.push(`external URL ${ref}`);
      continue;
    }
    const target = path.resolve(path.dirname(file), ref.split(/[?#]/)[0]);
    if (!fs.existsSync(target)) problems.push(`missing file ${ref}`);
  }
  if (problems.length) {
    throw new Error(`${path.relative(out, file)}:\n  - ${problems.join('\n  - ')}`);
  }
}

const cssDir = pkgDir('@digdir/designsystemet-css');
const themeDir = pkgDir('@digdir/designsystemet-theme');
const interDir = pkgDir('@fontsource-variable/inter');
const htmxDir = pkgDir('htmx.org');

console.log(`Vendoring into ${out}`);
// Remove only what this script owns.
for (const p of ['designsystemet', 'inter', 'LICENSES', 'htmx.min.js', 'VERSIONS.txt']) {
  fs.rmSync(path.join(out, p), { recursive: true, force: true });
}

// 1. Designsystemet component CSS (a single pre-built file, no @imports).
copy(path.join(cssDir, 'dist/src/index.css'), path.join(out, 'designsystemet/index.css'));

// 2. Theme (design tokens as CSS custom properties).
copy(path.join(themeDir, THEME_FILE), path.join(out, 'designsystemet/theme.css'));

// 3. Inter, self-hosted. The theme sets --ds-font-family: Inter, but neither CSS file
//    loads a font or sets font-family on body, so we do both here.
let interCss =
  '/* Inter (SIL OFL 1.1, see ../LICENSES/inter-OFL.txt), self-hosted from\n' +
  ` * @fontsource-variable/inter ${pkgVersion('@fontsource-variable/inter')}.\n` +
  ' * Registered as "Inter" because the Designsystemet theme uses --ds-font-family: Inter. */\n';
for (const [subset, range] of Object.entries(INTER_SUBSETS)) {
  const file = `inter-${subset}-wght-normal.woff2`;
  copy(path.join(interDir, 'files', file), path.join(out, 'inter', file));
  interCss +=
    `@font-face {\n  font-family: 'Inter';\n  font-style: normal;\n  font-display: swap;\n` +
    `  font-weight: 100 900;\n  src: url(./${file}) format('woff2-variations'), url(./${file}) format('woff2');\n` +
    `  unicode-range: ${range};\n}\n`;
}
interCss +=
  '\n/* Designsystemet does not set the document font itself. Kept in layer ds.base so\n' +
  ' * any unlayered app CSS wins. cv05 = the "l with tail" recommended by Designsystemet. */\n' +
  '@layer ds.base {\n  body {\n' +
  '    font-family: var(--ds-font-family, Inter), system-ui, -apple-system, "Segoe UI", Roboto,\n' +
  '      "Noto Sans", "Liberation Sans", Arial, sans-serif;\n' +
  "    font-feature-settings: 'cv05' 1;\n  }\n}\n";
write(path.join(out, 'inter/inter.css'), interCss);

// 4. htmx.
copy(path.join(htmxDir, 'dist/htmx.min.js'), path.join(out, 'htmx.min.js'));

// 5. Licences.
copy(path.join(cssDir, 'LICENSE'), path.join(out, 'LICENSES/designsystemet-css-LICENSE.txt'));
copy(path.join(themeDir, 'LICENSE'), path.join(out, 'LICENSES/designsystemet-theme-LICENSE.txt'));
copy(path.join(interDir, 'LICENSE'), path.join(out, 'LICENSES/inter-OFL.txt'));
copy(path.join(htmxDir, 'LICENSE'), path.join(out, 'LICENSES/htmx-LICENSE.txt'));

const versions = [
  '# Generated by assets/vendor.mjs (cd assets && npm ci && npm run vendor). Do not edit by hand.',
  `@digdir/designsystemet-css ${pkgVersion('@digdir/designsystemet-css')}  -> designsystemet/index.css`,
  `@digdir/designsystemet-theme ${pkgVersion('@digdir/designsystemet-theme')}  -> designsystemet/theme.css (${THEME_FILE})`,
  `@fontsource-variable/inter ${pkgVersion('@fontsource-variable/inter')}  -> inter/`,
  `htmx.org ${pkgVersion('htmx.org')}  -> htmx.min.js`,
  '',
].join('\n');
write(path.join(out, 'VERSIONS.txt'), versions);

// 6. Verify every CSS file we ship is self-contained.
for (const f of ['designsystemet/index.css', 'designsystemet/theme.css', 'inter/inter.css']) {
  checkCss(path.join(out, f));
}
console.log('OK: no @import, no external url() in vendored CSS.');
