// The console as a coach uses it, in Debian's headless chromium against a real room (r3-sim +
// r3-gatewayd + mosquitto + r3-console, started by run.sh through scripts/demo):
// first-start setup, identify and bind two contacts (one person created on the spot each),
// start a session, the tiles' rep counts equal what MQTT carried, a link loss shows on the
// tiles, the TV's screen link shows the room read-only, stop. Screenshots go to ARTIFACTS.
import puppeteer from 'puppeteer-core';
import { readFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';

const { URL_BASE, WORK, CAPTURE, ARTIFACTS, CONSOLE_BIN } = process.env;
mkdirSync(ARTIFACTS, { recursive: true });
const log = (...a) => console.log('[browser]', ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(what, fn, timeoutMs = 30000, everyMs = 250) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await sleep(everyMs);
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

// What MQTT carried per user: the reps of one session, once each (seq), and the last status
// (the gateway's running totals).
function mqttReps(sessionId) {
  const per = new Map();
  for (const line of readFileSync(CAPTURE, 'utf8').split('\n')) {
    const m = /^r3\/v1\/[^/]+\/users\/([^/]+)\/(rep|status) (.*)$/.exec(line);
    if (!m) continue;
    let p;
    try { p = JSON.parse(m[3]); } catch { continue; }
    const u = per.get(m[1]) ?? { seqs: new Set(), session: 0, status: null };
    per.set(m[1], u);
    if (m[2] === 'status') { u.status = p; continue; }
    if (u.seqs.has(p.seq)) continue;
    u.seqs.add(p.seq);
    if (p.session_id === sessionId) u.session++;
  }
  return per;
}

const setup = /setup\.html#token=([0-9a-f]+)/.exec(readFileSync(`${WORK}/console.log`, 'utf8'));
assert.ok(setup, 'the console logged a one-time setup link');

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});
let failed = false;
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => { log('page error:', e.message); failed = true; });
  page.on('console', (m) => { if (m.type() === 'error') log('console error:', m.text()); });
  await page.setViewport({ width: 1920, height: 1080 });

  // 1. First start: the one-time link creates the admin, who lands on Contacts.
  await page.goto(`${URL_BASE}/setup.html#token=${setup[1]}`);
  await page.type('#name', 'coach-admin');
  await page.type('#password', 'a long test password');
  await Promise.all([page.waitForNavigation(), page.click('#setup button[type=submit]')]);
  await page.waitForFunction(() => window.r3?.ctx?.me?.role === 'admin');
  log('setup and login ok');
  // The link works once.
  const again = await page.evaluate(async (t) => (await fetch('/api/setup', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: t, name: 'x', password: 'another long one' }) })).status, setup[1]);
  assert.equal(again, 409);

  // 2. Contacts: wait for two streaming contacts, identify each, bind to a new person.
  await page.goto(`${URL_BASE}/#contacts`);
  const devices = await until('two streaming contacts', () => page.$$eval('#page-contacts tr[data-device]',
    (rows) => rows.filter((r) => r.children[2].textContent === 'streaming').map((r) => r.dataset.device)
  ).then((d) => (d.length >= 2 ? d.slice(0, 2) : null)), 60000);
  const people = ['Ana Example', 'Ben Example'];
  const users = [];
  for (const [i, device] of devices.entries()) {
    const row = `#page-contacts tr[data-device="${device}"]`;
    await page.click(`${row} button[data-action=identify]`);
    await page.waitForFunction((d) => document.getElementById('toast').textContent === `${d}: blinking`, {}, device);
    await page.select(`${row} select`, '+new');
    await page.type(`${row} input`, people[i]);
    await page.click(`${row} button[data-action=bind]`);
    const user = await until(`${device} bound`, () => page.$eval(row, (r) => r.dataset.user || null), 10000);
    users.push(user);
    log(`identified and bound ${device} to ${people[i]} (${user})`);
  }
  assert.ok(users.every((u) => /^p-[0-9a-f]{10}$/.test(u)), 'pseudonymous ids on MQTT');
  assert.ok(!readFileSync(CAPTURE, 'utf8').includes('Example'), 'no display name on MQTT');
  await page.screenshot({ path: `${ARTIFACTS}/contacts-1080p.png` });

  // 3. Session: start it.
  await page.goto(`${URL_BASE}/#session`);
  await page.waitForSelector('#page-session button[data-action=start]:not([disabled])');
  await page.click('#page-session button[data-action=start]');
  const sessionId = await until('the session to run', () => page.$eval('#page-session', (e) => e.dataset.session || null));
  log('session', sessionId);

  // 4. Room: two tiles; their counts equal MQTT's once a few reps have landed.
  await page.goto(`${URL_BASE}/#room`);
  await page.waitForFunction(() => document.querySelectorAll('.tile').length === 2);
  await until('reps in the session', () => page.$$eval('.tile [data-field=reps-session]',
    (els) => els.every((e) => Number(e.textContent) >= 2)), 120000, 500);
  const compared = await until('tiles equal to MQTT', async () => {
    const tiles = await page.$$eval('.tile', (ts) => ts.map((t) => ({
      user: t.dataset.user, session: Number(t.querySelector('[data-field=reps-session]').textContent),
      set: Number(t.querySelector('[data-field=reps-set]').textContent) })));
    const mqtt = mqttReps(sessionId);
    const ok = tiles.every((t) => {
      const u = mqtt.get(t.user);
      return u && u.session === t.session && u.status?.reps_session === t.session && u.status?.reps_set === t.set;
    });
    return ok ? tiles : null;
  }, 20000, 200);
  log('tiles equal MQTT:', JSON.stringify(compared));
  const names = await page.$$eval('.tile .name', (els) => els.map((e) => e.textContent));
  assert.deepEqual(names, people);
  const flashes = await page.evaluate(() => window.r3Highlights.length);
  assert.ok(flashes >= 4, `reps flashed their tiles (${flashes})`);
  await page.screenshot({ path: `${ARTIFACTS}/room-1080p.png` });

  // 5. A link loss (bluetoothd restarts in the simulator) shows on the tiles.
  execFileSync('kill', ['-USR1', readFileSync(`${WORK}/sim.pid`, 'utf8').trim()]);
  await page.waitForSelector('.tile.link-down', { timeout: 15000 });
  const warning = await page.$eval('.tile.link-down .warnings', (e) => e.textContent);
  assert.match(warning, /link lost|reconnecting|no contact/);
  log('link loss shown:', warning);
  await page.screenshot({ path: `${ARTIFACTS}/room-link-loss-1080p.png` });

  // 6. The TV: the screen link shows the room without a login, read-only.
  const link = execFileSync(CONSOLE_BIN, ['--config', `${WORK}/console.toml`, '--print-screen-link'], { encoding: 'utf8' }).trim();
  const tv = await browser.createBrowserContext();
  const screen = await tv.newPage();
  await screen.setViewport({ width: 1920, height: 1080 });
  await screen.goto(link);
  await screen.waitForFunction(() => window.r3?.ctx?.me?.role === 'screen' && document.querySelectorAll('.tile').length === 2);
  const denied = await screen.evaluate(() => window.r3.ctx.channel.request('demo/cmd/start_session', {}));
  assert.equal(denied.error.code, 'forbidden');
  assert.equal(await screen.$eval('nav', (n) => getComputedStyle(n).display), 'none');
  await screen.setViewport({ width: 1180, height: 820 });
  await sleep(300);
  await screen.screenshot({ path: `${ARTIFACTS}/room-tablet.png` });
  await tv.close();
  log('screen link: read-only room ok');

  // 7. Tablet view of contacts, then stop the session.
  await page.setViewport({ width: 1180, height: 820 });
  await page.goto(`${URL_BASE}/#contacts`);
  await sleep(500);
  await page.screenshot({ path: `${ARTIFACTS}/contacts-tablet.png` });
  await page.goto(`${URL_BASE}/#session`);
  await page.waitForSelector('#page-session button[data-action=stop]:not([disabled])');
  await page.click('#page-session button[data-action=stop]');
  await until('the session to stop', () => page.$eval('#page-session', (e) => e.dataset.session === ''), 10000);
  log('session stopped');
} catch (e) {
  failed = true;
  log('FAIL:', e.stack ?? e);
  for (const p of await browser.pages()) await p.screenshot({ path: `${ARTIFACTS}/failure-${Date.now()}.png` }).catch(() => {});
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
