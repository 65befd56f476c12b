// Browser tests of the web app in a real Chromium (the one inside the npm package @sparticuz/chromium, driven by
// playwright-core), against a running TikTimer: BASE_URL is the gateway (e.g. http://localhost:8080). The build runs
// this from gateway's WebAppIT after starting the real stack with ./run; by hand: `BASE_URL=http://localhost:8080
// npm run e2e` while ./run is up. Elements are found by role and accessible name, as a screen reader finds them.
// Screenshots go to SCREENSHOT_DIR (default target/screenshots). Exit code 0 = every check passed.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import chromium from '@sparticuz/chromium';
import { chromium as playwright } from 'playwright-core';

const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:8080').replace(/\/$/, '');
const APP = `${BASE_URL}/app`;
const SHOTS = process.env.SCREENSHOT_DIR ?? 'target/screenshots';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const PASSWORD = 'browser tests 2026, correct horse';

mkdirSync(SHOTS, { recursive: true });
const results = [];

async function check(name, body) {
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`ok      ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`NOT OK  ${name}\n        ${String(error?.stack ?? error).split('\n').join('\n        ')}`);
  }
}

/** axe-core in the page: no serious or critical violation. */
async function assertAccessible(page, what) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
  assert.deepEqual(violations, [], `axe found serious/critical violations on ${what}`);
}

/** Works at this width: nothing sticks out sideways (which would mean scrolling the whole page horizontally). */
async function assertFitsWidth(page, what) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `${what} is ${scrollWidth} px wide in a ${innerWidth} px window`);
}

async function heading(page, name) {
  const h1 = page.getByRole('heading', { level: 1, name });
  await h1.waitFor({ timeout: 30_000 });
  return h1;
}

/** The text of the elements that describe a control (its hint and error), as assistive technology reads them. */
async function description(locator) {
  return locator.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

// @sparticuz/chromium's defaults are for AWS Lambda. Dropped here: --single-process (closing a page could end the
// whole browser) and the flags that switch off the same-origin policy, which the app must live with like any browser.
const LAMBDA_ONLY = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content']);
const browser = await playwright.launch({
  executablePath: await chromium.executablePath(),
  args: [
    ...chromium.args.filter((arg) => !LAMBDA_ONLY.has(arg)),
    // Without these Chromium keeps calling Google's hosts, which this network refuses.
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
  headless: true,
});

try {
  const publicPages = [
    ['landing', '/', /Schedule your TikToks/],
    ['privacy', '/privacy', 'Privacy policy'],
    ['terms', '/terms', 'Terms of service'],
    ['sign-in', '/sign-in', 'Sign in to TikTimer'],
    ['sign-up', '/sign-up', 'Create your TikTimer account'],
  ];

  await check('a browser opening the gateway root lands on the web app', async () => {
    const page = await browser.newPage();
    await page.goto(`${BASE_URL}/`);
    assert.equal(new URL(page.url()).pathname, '/app/');
    await heading(page, /Schedule your TikToks/);
    await page.close();
  });

  for (const [viewportName, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    for (const [name, path, title] of publicPages) {
      await check(`public page ${name} renders without signing in and passes axe (${viewportName})`, async () => {
        await page.goto(`${APP}${path}`);
        await heading(page, title);
        await assertAccessible(page, `${name} (${viewportName})`);
        await assertFitsWidth(page, name);
        await page.screenshot({ path: `${SHOTS}/${name}-${viewportName}.png`, fullPage: true });
      });
    }
    await context.close();
  }

  await check('the footer links to the privacy policy and terms from every public page', async () => {
    const page = await browser.newPage();
    await page.goto(`${APP}/`);
    await page.getByRole('navigation', { name: 'Legal' }).getByRole('link', { name: 'Privacy policy' }).click();
    await heading(page, 'Privacy policy');
    await page.getByRole('navigation', { name: 'Legal' }).getByRole('link', { name: 'Terms of service' }).click();
    await heading(page, 'Terms of service');
    await page.close();
  });

  const username = `web${Date.now().toString(36)}`;
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  let bearer = null;
  page.on('request', (request) => {
    const auth = request.headers()['authorization'];
    if (auth) bearer = auth;
  });

  await check('sign up: the API\'s refusal is shown next to the field it names', async () => {
    await page.goto(`${APP}/sign-up`);
    await page.getByLabel('Email').fill(`${username}@example.com`);
    await page.getByLabel('Username').fill(username);
    // Long enough for the form's own rule, but on auth-service's list of common passwords.
    await page.getByLabel('Password').fill('qwertyuiop123');
    await page.getByRole('button', { name: 'Create account' }).click();
    const password = page.getByLabel('Password');
    await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null, null, { timeout: 30_000 });
    assert.match(await description(password), /common/i);
    assert.equal(await password.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Email').getAttribute('aria-invalid'), null);
    await assertAccessible(page, 'sign-up with an error');
    await page.screenshot({ path: `${SHOTS}/sign-up-error-desktop.png`, fullPage: true });
  });

  await check('sign up → signed in shell with navigation to pages that work', async () => {
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await heading(page, `Welcome, ${username}`);
    assert.equal(new URL(page.url()).pathname, '/app/home');
    const nav = page.getByRole('navigation', { name: 'Main' });
    assert.deepEqual(await nav.getByRole('link').allTextContents(), ['Home', 'Posts', 'Accounts', 'Settings']);
    await page.getByText(`${username}@example.com`).first().waitFor();
    await page.getByText('No posts yet.').waitFor();
    await assertAccessible(page, 'home');
    await page.screenshot({ path: `${SHOTS}/home-desktop.png`, fullPage: true });
    await nav.getByRole('link', { name: 'Posts' }).click();
    await heading(page, 'Posts');
    await page.getByText('You have no posts yet.').waitFor();
    await assertAccessible(page, 'posts');
  });

  await check("Accounts: connect the sandbox's demo creator through its consent page and come back to the app", async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
    await heading(page, 'TikTok accounts');
    await page.getByText('No TikTok account is connected yet.').waitFor();
    await assertAccessible(page, 'accounts (none yet)');
    await page.getByRole('button', { name: 'Connect a TikTok account' }).click();
    await page.getByRole('heading', { name: 'TikTok sandbox' }).waitFor({ timeout: 30_000 });
    await page.getByLabel(/Demo Creator/).check();
    await page.getByRole('button', { name: 'Authorize' }).click();
    await heading(page, 'TikTok accounts');
    assert.equal(new URL(page.url()).pathname, '/app/accounts');
    await page.getByRole('status').filter({ hasText: 'Your TikTok account is connected' }).waitFor();
    const account = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Demo Creator' }) });
    await account.getByText('connected', { exact: true }).waitFor();
    await account.getByText('@demo.creator').waitFor();
    await assertAccessible(page, 'accounts');
    await page.screenshot({ path: `${SHOTS}/accounts-desktop.png`, fullPage: true });
  });

  await check('Accounts: disconnecting asks first, and "Keep it" keeps the account', async () => {
    const account = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Demo Creator' }) });
    await account.getByRole('button', { name: 'Disconnect Demo Creator' }).click();
    const confirm = page.getByRole('group', { name: 'Confirm disconnecting Demo Creator' });
    await confirm.getByText(/posts scheduled to this account will fail/).waitFor();
    await assertAccessible(page, 'accounts (confirming)');
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await account.getByRole('button', { name: 'Disconnect Demo Creator' }).waitFor();
    await page.reload();
    await heading(page, 'TikTok accounts');
    await account.getByText('connected', { exact: true }).waitFor();
    await page.setViewportSize(PHONE);
    await assertFitsWidth(page, 'accounts');
    await page.screenshot({ path: `${SHOTS}/accounts-phone.png`, fullPage: true });
    await page.setViewportSize(DESKTOP);
  });

  await check('nothing secret is kept in browser storage', async () => {
    const stored = await page.evaluate(() => ({
      local: localStorage.length,
      session: sessionStorage.length,
      cookies: document.cookie,
    }));
    assert.deepEqual(stored, { local: 0, session: 0, cookies: '' });
    assert.ok(bearer, 'the app sent a bearer token');
  });

  await check('the signed-in shell works at phone width', async () => {
    await page.setViewportSize(PHONE);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await heading(page, `Welcome, ${username}`);
    await assertAccessible(page, 'home (phone)');
    await assertFitsWidth(page, 'home');
    await page.screenshot({ path: `${SHOTS}/home-phone.png`, fullPage: true });
    await page.setViewportSize(DESKTOP);
  });

  await check('sign out ends the session in the browser and on the server', async () => {
    const token = bearer;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading(page, 'Sign in to TikTimer');
    await page.getByText('You are signed out.').waitFor();
    const after = await page.request.get(`${BASE_URL}/users/me`, { headers: { Authorization: token } });
    assert.equal(after.status(), 401, 'the signed-out access token is refused');
    await page.goto(`${APP}/home`);
    await heading(page, 'Sign in to TikTimer');
  });

  await check('sign in with the keyboard only; a wrong password is reported at the top of the form', async () => {
    await page.goto(`${APP}/sign-in`);
    await heading(page, 'Sign in to TikTimer');
    await page.getByLabel('Username or email').focus();
    await page.keyboard.type(username);
    await page.keyboard.press('Tab');
    await page.keyboard.type('not the password at all');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: /incorrect|invalid/i });
    await alert.waitFor({ timeout: 30_000 });
    await page.getByLabel('Password').fill('');
    await page.getByLabel('Password').focus();
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await heading(page, `Welcome, ${username}`);
  });

  await check('the skip link is the first stop of the keyboard and leads to the content', async () => {
    await page.goto(`${APP}/privacy`);
    await heading(page, 'Privacy policy');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    assert.equal(focused, 'Skip to content');
  });

  await check('a reload keeps the session (the HttpOnly refresh cookie, invisible to the page)', async () => {
    await page.goto(`${APP}/home`);
    await heading(page, `Welcome, ${username}`);
    const cookies = await context.cookies(`${BASE_URL}/auth/refresh`);
    const session = cookies.find((c) => c.name === 'tiktimer_refresh');
    assert.ok(session, 'auth-service set the session cookie');
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Strict');
    assert.equal(session.path, '/auth');
    assert.equal(await page.evaluate(() => document.cookie), '', 'the page cannot read it');
  });

  await check('after sign-out a reload does not bring the session back', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading(page, 'Sign in to TikTimer');
    await page.goto(`${APP}/home`);
    await heading(page, 'Sign in to TikTimer');
    const cookies = await context.cookies(`${BASE_URL}/auth/refresh`);
    assert.equal(cookies.find((c) => c.name === 'tiktimer_refresh'), undefined, 'the cookie is cleared');
  });

  const NEW_PASSWORD = 'browser tests 2026, battery staple';
  await check('Settings: a wrong current password is shown at its field; the right one changes the password', async () => {
    await page.goto(`${APP}/sign-in`);
    await page.getByLabel('Username or email').fill(username);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading(page, `Welcome, ${username}`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await heading(page, 'Settings');
    await assertAccessible(page, 'settings');
    await page.getByLabel('Current password').fill('not my password at all');
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    const current = page.getByLabel('Current password');
    await page.waitForFunction(() => document.querySelector('#root [aria-invalid="true"]') !== null, null, { timeout: 30_000 });
    assert.equal(await current.getAttribute('aria-invalid'), 'true');
    assert.match(await description(current), /current password/i);
    await current.fill(PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password is changed.').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${SHOTS}/settings-desktop.png`, fullPage: true });
  });

  await check('Settings: the new password signs in, the old one does not', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading(page, 'Sign in to TikTimer');
    await page.getByLabel('Username or email').fill(username);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: /incorrect|invalid/i }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // signing in again leads back to the page the user was on
    await heading(page, 'Settings');
  });

  await check('Settings: deleting the account needs the username typed, then ends everything', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await heading(page, 'Settings');
    const remove = page.getByRole('button', { name: 'Delete my account' });
    assert.equal(await remove.isDisabled(), true, 'disabled before the username is typed');
    await page.getByLabel('Type your username to confirm').fill(`${username}x`);
    assert.equal(await remove.isDisabled(), true, 'a different name does not enable it');
    await page.getByLabel('Type your username to confirm').fill(username);
    await remove.click();
    await heading(page, 'Sign in to TikTimer');
    await page.getByText('Your account is deleted').waitFor();
    await page.getByLabel('Username or email').fill(username);
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: /incorrect|invalid/i }).waitFor({ timeout: 30_000 });
  });

  await context.close();
} finally {
  await browser.close();
}

const failed = results.filter((r) => !r.ok);
console.log(`\n${results.length - failed.length} of ${results.length} browser checks passed; screenshots in ${SHOTS}`);
process.exit(failed.length === 0 ? 0 : 1);
