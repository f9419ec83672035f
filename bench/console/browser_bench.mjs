// Browser-side figures with 30 tiles updating at 10 Hz: frames per second (requestAnimationFrame
// over 10 s, headless chromium) and rep-to-highlight latency (rep ts on MQTT -> the tile's flash
// painted). Prints one JSON line.
import puppeteer from 'puppeteer-core';

const { SCREEN_LINK, SECONDS = '15' } = process.env;
const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});
const page = await browser.newPage();
await page.setViewport({ width: 1920, height: 1080 });
await page.goto(SCREEN_LINK);
await page.waitForFunction(() => document.querySelectorAll('.tile').length >= 30, { timeout: 20000 });
const ms = Number(SECONDS) * 1000;
const before = await page.evaluate(() => ({ ...window.r3.stats }));
const fps = await page.evaluate((ms) => new Promise((resolve) => {
  let frames = 0;
  const start = performance.now();
  const tick = (t) => { frames++; if (t - start < ms) requestAnimationFrame(tick); else resolve(frames * 1000 / (t - start)); };
  requestAnimationFrame(tick);
}), ms);
const stats0 = await page.evaluate(() => ({ ...window.r3.stats }));
const lat = await page.evaluate(() => window.r3Highlights.filter((x) => x.ts).map((x) => x.at - x.ts).sort((a, b) => a - b));
const q = (p) => lat.length ? lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] : null;
await page.screenshot({ path: process.env.SHOT ?? '/tmp/r3-console-30-tiles.png' });
console.log(JSON.stringify({ tiles: await page.$$eval('.tile', (t) => t.length), fps: Number(fps.toFixed(1)),
  renders: stats0.renders - before.renders,
  render_ms_mean: Number(((stats0.renderMs - before.renderMs) / Math.max(1, stats0.renders - before.renders)).toFixed(2)),
  highlights: lat.length, latency_ms: { p50: q(0.5), p99: q(0.99), max: lat.at(-1) ?? null } }));
await browser.close();
