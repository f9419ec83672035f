// Who is on which contact: every contact the gateways see, with identify (blink), bind to a
// person from the roster or a new one, unbind and tare. Rows keep their order (by contact id).
import { h, fmt, report } from './dom.js';

const LINK_WORDS = { streaming: 'streaming', connected: 'connected', connecting: 'connecting',
  backoff: 'lost, retrying', 'over-budget': 'over budget', gone: 'gone' };

export class ContactsPage {
  constructor(el, ctx) {
    this.el = el;
    this.ctx = ctx;
    this.body = h('tbody');
    el.append(h('h1', {}, 'Contacts'),
      h('p', { class: 'hint' }, 'Press Identify: the contact blinks. Pick the person holding it, then Bind.'),
      h('table', { class: 'grid contacts' },
        h('thead', {}, h('tr', {}, ...['Contact', 'Room', 'Link', 'Battery', 'Signal', 'Loss', 'Person', ''].map((c) => h('th', { scope: 'col' }, c)))),
        this.body));
    this.rows = new Map();
  }

  render() {
    const { store, room } = this.ctx;
    const keys = [...store.devices.keys()].filter((k) => !room || k.startsWith(`${room}/`)).sort();
    const keep = new Set(keys);
    for (const [k, r] of this.rows) if (!keep.has(k)) { r.tr.remove(); this.rows.delete(k); }
    keys.forEach((k, i) => {
      let r = this.rows.get(k);
      if (!r) { r = this.build(k); this.rows.set(k, r); }
      if (this.body.children[i] !== r.tr) this.body.insertBefore(r.tr, this.body.children[i] ?? null);
      this.update(r, store.devices.get(k));
    });
    if (!keys.length && !this.body.querySelector('.none')) this.body.append(h('tr', { class: 'none' }, h('td', { colspan: 8 }, 'No contact seen yet.')));
    if (keys.length) this.body.querySelector('.none')?.remove();
  }

  build(key) {
    const [gw, device] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
    const r = { gw, device };
    const cells = [0, 1, 2, 3, 4, 5].map(() => h('td'));
    r.cells = cells;
    r.person = h('select', { 'aria-label': `person for ${device}` });
    r.newName = h('input', { placeholder: 'new person’s name', 'aria-label': `new person for ${device}`, hidden: true });
    r.person.addEventListener('change', () => { r.newName.hidden = r.person.value !== '+new'; if (!r.newName.hidden) r.newName.focus(); });
    r.newName.addEventListener('keydown', (e) => { if (e.key === 'Enter') this.bind(r); });
    r.bound = h('span', { class: 'bound' });
    const btn = (label, fn, cls = '') => h('button', { type: 'button', class: cls, onclick: fn, 'data-action': label.toLowerCase() }, label);
    r.actions = h('td', { class: 'actions' },
      btn('Identify', () => this.send(r, 'identify', {}, 'blinking')),
      btn('Bind', () => this.bind(r), 'primary'),
      btn('Unbind', () => this.send(r, 'unbind', {}, 'unbound')),
      btn('Tare', () => this.send(r, 'tare', {}, 'tared')));
    r.tr = h('tr', { 'data-device': device, 'data-gateway': gw }, ...cells, h('td', {}, r.bound, r.person, r.newName), r.actions);
    return r;
  }

  update(r, d) {
    const c = r.cells;
    c[0].textContent = r.device;
    c[1].textContent = r.gw;
    c[2].textContent = LINK_WORDS[d.link_state] ?? d.link_state;
    c[2].className = `link-${d.link_state}`;
    c[3].textContent = fmt(d.battery_pct, 0, '%');
    c[4].textContent = fmt(d.rssi_dbm, 0, ' dBm');
    c[5].textContent = fmt((d.loss_rate ?? 0) * 100, 1, '%');
    const store = this.ctx.store;
    const user = store.userOfDevice(r.gw, r.device);
    r.bound.textContent = user ? `${store.name(user)} ` : '';
    r.tr.dataset.user = user ?? '';
    const version = [...store.roster.entries()].join('|');
    if (r.rosterVersion !== version) {
      r.rosterVersion = version;
      const selected = r.person.value;
      r.person.replaceChildren(h('option', { value: '' }, 'choose a person…'),
        ...[...store.roster.entries()].map(([id, name]) => h('option', { value: id }, name)),
        h('option', { value: '+new' }, '+ new person'));
      r.person.value = selected;
    }
    for (const b of r.actions.querySelectorAll('button')) b.disabled = !this.ctx.can('coach');
  }

  async bind(r) {
    let userId = r.person.value;
    if (userId === '+new') {
      const name = r.newName.value.trim();
      const added = await this.ctx.channel.request('console/roster/add', { display_name: name });
      if (!report(this.ctx, added)) return;
      userId = added.user_id;
      r.newName.value = '';
      r.newName.hidden = true;
    }
    if (!userId) { this.ctx.toast('Choose a person first', true); return; }
    const ok = await this.send(r, 'bind', { user_id: userId }, `bound to ${this.ctx.store.name(userId)}`);
    if (ok) r.person.value = '';
  }

  async send(r, verb, extra, okText) {
    const answer = await this.ctx.channel.request(`${r.gw}/cmd/${verb}`, { device_id: r.device, ...extra });
    return report(this.ctx, answer, `${r.device}: ${okText}`);
  }
}
