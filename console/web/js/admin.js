// Settings: the TV's screen link (coach), accounts (admin).
import { h, report } from './dom.js';
import { getJson, postJson } from './api.js';

export class AdminPage {
  constructor(el, ctx) {
    this.el = el;
    this.ctx = ctx;
    this.link = h('input', { readonly: true, class: 'wide', 'aria-label': 'screen link', id: 'screen-link' });
    this.accounts = h('tbody');
    el.append(h('h1', {}, 'Settings'), h('h2', {}, 'Screen link'),
      h('p', { class: 'hint' }, 'Open this on the TV: it shows the Room read-only, without a login. Renewing it logs out every screen.'),
      h('p', {}, this.link, ' ', ctx.can('admin') ? h('button', { type: 'button', onclick: () => this.renew() }, 'Renew') : null));
    if (ctx.can('admin')) {
      this.name = h('input', { placeholder: 'name', 'aria-label': 'account name' });
      this.password = h('input', { type: 'password', placeholder: 'password (10+ characters)', 'aria-label': 'password', autocomplete: 'new-password' });
      this.role = h('select', { 'aria-label': 'role' }, ...['coach', 'screen', 'admin'].map((r) => h('option', { value: r }, r)));
      el.append(h('h2', {}, 'Accounts'),
        h('form', { class: 'inline', onsubmit: (e) => { e.preventDefault(); this.add(); } }, this.name, this.password, this.role, h('button', { type: 'submit', class: 'primary' }, 'Add account')),
        h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Role'), h('th', {}, ''))), this.accounts));
    }
  }

  async show() {
    const l = await getJson('/api/screen-link');
    if (l?.url) this.link.value = l.url;
    if (this.ctx.can('admin')) this.load();
  }

  async load() {
    const a = await getJson('/api/accounts');
    this.accounts.replaceChildren(...(a?.accounts ?? []).map((x) => h('tr', {}, h('td', {}, x.name), h('td', {}, x.role),
      h('td', {}, x.name === this.ctx.me.name ? '' : h('button', { type: 'button', onclick: async () => { report(this.ctx, await postJson('/api/accounts/remove', { name: x.name }), 'removed'); this.load(); } }, 'Remove')))));
  }

  async add() {
    if (report(this.ctx, await postJson('/api/accounts', { name: this.name.value, password: this.password.value, role: this.role.value }), 'account added')) {
      this.name.value = ''; this.password.value = ''; this.load();
    }
  }

  async renew() {
    const r = await postJson('/api/screen-link/renew', {});
    if (r.url) this.link.value = r.url;
  }

  render() {}
}
