// The web app's performance figures, printed (not asserted): initial JavaScript, first page ready, a month of 1,000
// posts on the calendar, and frame times while dragging one. Against a running TikTimer: `./run`, then
// `BASE_URL=http://localhost:8080 node scripts/benchmark.mjs` from webapp/ (after `npm run build`, for the sizes).
// It signs up a throw-away user and stores 1,000 draft posts for it through the public API.
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import chromium from '@sparticuz/chromium';
import { chromium as playwright } from 'playwright-core';

const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:8080').replace(/\/$/, '');
const APP = `${BASE_URL}/app`;
const RUNS = Number(process.env.RUNS ?? 7);
const POSTS = Number(process.env.POSTS ?? 1000);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const max = (xs) => Math.max(...xs);
const ms = (x) => `${x.toFixed(0)} ms`;

console.log(`machine: ${cpus().length} × ${cpus()[0].model}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

// ---- initial JavaScript: what index.html loads before anything else
const html = readFileSync('dist/index.html', 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/app\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const gz = (file) => gzipSync(readFileSync(`dist/${file}`)).length / 1024;
console.log(`initial JavaScript: ${initial.map((f) => `${f} ${gz(f).toFixed(1)} KB`).join(', ')} gzipped`);
for (const chunk of readdirSync('dist/assets').filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`))) {
  console.log(`  loaded on demand: assets/${chunk} ${gz(`assets/${chunk}`).toFixed(1)} KB gzipped`);
}

const browser = await playwright.launch({
  executablePath: await chromium.executablePath(),
  args: [...chromium.args.filter((a) => !['--single-process', '--disable-web-security'].includes(a)),
    '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  headless: true,
});

try {
  // ---- first page ready: a new browser profile each time (cold cache), until the landing page's heading is shown
  const firstPage = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`${APP}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    firstPage.push(Date.now() - started);
    await context.close();
  }
  console.log(`first page ready (landing, cold cache, ${RUNS} runs): median ${ms(median(firstPage))}, worst ${ms(max(firstPage))}`);

  // ---- a month with 1,000 posts
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const name = `bench${Date.now().toString(36)}`;
  const password = 'benchmark password 2026, long enough';
  await page.goto(`${APP}/sign-up`);
  await page.getByLabel('Email').fill(`${name}@example.com`);
  await page.getByLabel('Username').fill(name);
  await page.getByLabel('Password').fill(password);
  const token = page.waitForResponse((r) => r.url().endsWith('/token'));
  await page.getByRole('button', { name: 'Create account' }).click();
  const { access_token: bearer } = await (await token).json();
  await page.getByRole('heading', { name: 'Calendar' }).waitFor();
  const month = await page.evaluate(() => {
    const next = new Date(new Date().getFullYear(), new Date().getMonth() + 1, 1);
    return { year: next.getFullYear(), month: next.getMonth() + 1, days: new Date(next.getFullYear(), next.getMonth() + 1, 0).getDate() };
  });
  // every post carries a photo with a poster frame, so the month draws a thumbnail in each entry, as a real one does
  const jpeg = async (width, height) => Buffer.from(await page.evaluate(async ([w, h]) => {
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const g = canvas.getContext('2d');
    g.fillStyle = '#2f5bd3';
    g.fillRect(0, 0, w, h);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    let binary = '';
    for (const byte of new Uint8Array(await blob.arrayBuffer())) binary += String.fromCharCode(byte);
    return btoa(binary);
  }, [width, height]), 'base64');
  const auth = { Authorization: `Bearer ${bearer}` };
  const photo = await (await context.request.post(`${BASE_URL}/media?filename=bench.jpg`, {
    headers: { ...auth, 'Content-Type': 'image/jpeg' }, data: await jpeg(1080, 1920),
  })).json();
  const posterStored = await context.request.put(`${BASE_URL}/media/${photo.id}/poster`, {
    headers: { ...auth, 'Content-Type': 'image/jpeg' }, data: await jpeg(270, 480),
  });
  if (!posterStored.ok()) throw new Error(`storing the poster: ${posterStored.status()}`);
  const seeded = Date.now();
  for (let start = 0; start < POSTS; start += 50) {
    await Promise.all(Array.from({ length: Math.min(50, POSTS - start) }, (_, k) => {
      const i = start + k;
      const day = String(1 + (i % month.days)).padStart(2, '0');
      const time = `${String(8 + (i % 12)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`;
      return context.request.post(`${BASE_URL}/posts`, {
        headers: { Authorization: `Bearer ${bearer}` },
        data: { content: `Benchmark post ${i}`, status: 'draft', media_ids: [photo.id], scheduled_time: `${month.year}-${String(month.month).padStart(2, '0')}-${day}T${time}:00Z` },
      }).then((r) => { if (!r.ok()) throw new Error(`seeding post ${i}: ${r.status()}`); });
    }));
  }
  console.log(`seeded ${POSTS} posts in ${ms(Date.now() - seeded)}`);
  // the calendar opened at sign-up, before the photo existed: open it again, as a user coming back would
  await page.reload();
  await page.getByRole('heading', { name: 'Calendar' }).waitFor();

  const render = [];
  const fetching = [];
  for (let i = 0; i < RUNS; i++) {
    // from the click on "Next" until the month's last day cell holds its posts (fetch of two pages + render)
    const started = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: /^Next/ }).click();
    const last = `${month.year}-${String(month.month).padStart(2, '0')}-${String(month.days).padStart(2, '0')}`;
    await page.locator(`td[data-date="${last}"] .fc-event, td[data-date="${last}"] .fc-more-link`).first().waitFor();
    const done = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(performance.now()))));
    render.push(done - started);
    // the part spent waiting for the API: the /posts requests made since the click
    const fetched = await page.evaluate((since) => {
      const calls = performance.getEntriesByType('resource').filter((e) => e.name.includes('/posts?') && e.startTime >= since);
      return calls.length ? Math.max(...calls.map((e) => e.responseEnd)) - Math.min(...calls.map((e) => e.startTime)) : 0;
    }, started);
    fetching.push(fetched);
    await page.getByRole('button', { name: /Previous/ }).click();
    await page.locator('.fc-daygrid-day').first().waitFor();
  }
  const events = await (async () => {
    await page.getByRole('button', { name: /^Next/ }).click();
    const last = `${month.year}-${String(month.month).padStart(2, '0')}-${String(month.days).padStart(2, '0')}`;
    await page.locator(`td[data-date="${last}"] .fc-event`).first().waitFor();
    await page.screenshot({ path: process.env.SCREENSHOT ?? '/tmp/benchmark-month.png', fullPage: true });
    const thumbnails = await page.locator('.fc-event img.event-thumb').count();
    return `${await page.locator('.fc-event').count()} entries (${thumbnails} with a thumbnail)`;
  })();
  const drawing = render.map((r, i) => r - fetching[i]);
  console.log(`month of ${POSTS} posts, click to rendered (${RUNS} runs): median ${ms(median(render))}, worst ${ms(max(render))}; `
    + `of which the API: median ${ms(median(fetching))}; drawing: median ${ms(median(drawing))}, worst ${ms(max(drawing))}; `
    + `${events} drawn (at most 3 posts a day and a "+N more" for the rest)`);

  // ---- dragging: frame gaps while a post is dragged across the month
  const source = page.locator('.fc-daygrid-event').filter({ visible: true }).first();
  const box = await source.boundingBox();
  await page.evaluate(() => {
    window.__frames = [];
    const tick = (t) => { window.__frames.push(t); if (window.__frames.length < 400) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(box.x + 5, box.y + 5);
  await page.mouse.down();
  for (let step = 0; step < 60; step++) {
    await page.mouse.move(box.x + 5 + step * 12, box.y + 5 + step * 6);
  }
  await page.keyboard.press('Escape');
  await page.mouse.up();
  const gaps = await page.evaluate(() => window.__frames.slice(1).map((t, i) => t - window.__frames[i]));
  const sorted = [...gaps].sort((a, b) => a - b);
  console.log(`dragging over ${POSTS} posts: ${gaps.length} frames, median frame ${ms(median(gaps))}, 95th percentile ${ms(sorted[Math.floor(sorted.length * 0.95)])}, worst ${ms(max(gaps))}`);
  await context.close();
} finally {
  await browser.close();
}
console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
