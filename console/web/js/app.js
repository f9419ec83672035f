// The console's page shell: who is logged in, the WebSocket, the room picker, the pages.
// Pages render from the Store at most once per animation frame.
import { Channel, getJson, postJson, setCsrf } from './api.js';
import { Store } from './store.js';
import { RoomPage } from './room.js';
import { ContactsPage } from './contacts.js';
import { SessionPage } from './session.js';
import { RosterPage } from './roster.js';
import { HealthPage } from './health.js';
import { AdminPage } from './admin.js';

const ROLES = { screen: 0, coach: 1, admin: 2 };

const me = await getJson('/api/me');
if (!me) {
  const setup = await getJson('/api/setup');
  location.replace(setup?.needed ? '/setup.html' : '/login.html');
} else {
  start(me);
}

function start(me) {
  setCsrf(me.csrf);
  const store = new Store();
  const ctx = {
    me, store, room: '',
    can: (role) => ROLES[me.role] >= ROLES[role],
    toast,
  };
  const linkEl = document.getElementById('link');
  ctx.channel = new Channel((frames) => { store.apply(frames); schedule(); }, (up) => {
    linkEl.textContent = up ? 'live' : 'reconnecting…';
    linkEl.className = up ? 'link up' : 'link down';
    if (!up) { store.gateways.clear(); store.devices.clear(); store.users.clear(); store.version = 0; }
    schedule();
  });
  document.getElementById('who').textContent = `${me.name} (${me.role})`;
  for (const a of document.querySelectorAll('nav a[data-role]')) a.hidden = !ctx.can(a.dataset.role);
  const logout = document.getElementById('logout');
  logout.hidden = me.role === 'screen';
  logout.addEventListener('click', async () => { await postJson('/api/logout', {}); location.replace('/login.html'); });
  if (me.role === 'screen') document.body.classList.add('screen');

  const pages = {
    room: new RoomPage(document.getElementById('page-room'), ctx),
    contacts: new ContactsPage(document.getElementById('page-contacts'), ctx),
    session: new SessionPage(document.getElementById('page-session'), ctx),
    roster: new RosterPage(document.getElementById('page-roster'), ctx),
    health: new HealthPage(document.getElementById('page-health'), ctx),
    admin: new AdminPage(document.getElementById('page-admin'), ctx),
  };
  const select = document.getElementById('room-select');
  select.addEventListener('change', () => { ctx.room = select.value; schedule(); });

  let current = 'room';
  function route() {
    let name = location.hash.slice(1) || 'room';
    const link = document.querySelector(`nav a[data-page="${name}"]`);
    if (!pages[name] || !link || link.hidden) name = 'room';
    current = name;
    for (const [n, p] of Object.entries(pages)) p.el.hidden = n !== name;
    for (const a of document.querySelectorAll('nav a')) {
      if (a.dataset.page === name) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    }
    pages[name].show?.();
    schedule();
  }
  window.addEventListener('hashchange', route);

  let queued = false;
  const stats = { renders: 0, renderMs: 0 };  // the benchmark reads the cost of our own code
  function schedule() {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      const t0 = performance.now();
      syncRooms();
      pages[current].render();
      stats.renders++;
      stats.renderMs += performance.now() - t0;
    });
  }
  function syncRooms() {
    const ids = [...store.gateways.keys()].sort();
    const want = ids.join(',');
    if (select.dataset.ids !== want) {
      select.dataset.ids = want;
      select.replaceChildren(...[['', 'all rooms'], ...ids.map((i) => [i, i])].map(([v, t]) => {
        const o = document.createElement('option');
        o.value = v; o.textContent = t; return o;
      }));
      if (ids.length === 1) ctx.room = ids[0];
      select.value = ctx.room;
    }
  }
  store.repListeners.add((u) => pages.room.repLanded(u));
  setInterval(schedule, 1000);  // ages and warnings move on without data
  window.r3 = { store, ctx, stats };   // for the browser tests and the curious
  route();
}

let toastTimer = 0;
function toast(text, bad = false) {
  const el = document.getElementById('toast');
  el.textContent = text;
  el.className = bad ? 'bad' : '';
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, 4000);
}
