// People: display names (kept only in the console and the browser) and their pseudonymous ids.
import { h, report } from './dom.js';

export class RosterPage {
  constructor(el, ctx) {
    this.el = el;
    this.ctx = ctx;
    this.name = h('input', { id: 'roster-name', placeholder: 'display name', 'aria-label': 'display name', maxlength: 60 });
    const form = h('form', { class: 'inline', onsubmit: (e) => { e.preventDefault(); this.add(); } },
      this.name, h('button', { type: 'submit', class: 'primary' }, 'Add person'));
    this.body = h('tbody');
    el.append(h('h1', {}, 'Roster'),
      h('p', { class: 'hint' }, 'Names stay in this console. The gateways and MQTT only see the pseudonymous id.'),
      form, h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'User id'), h('th', {}, ''))), this.body));
  }

  async add() {
    const answer = await this.ctx.channel.request('console/roster/add', { display_name: this.name.value.trim() });
    if (report(this.ctx, answer, 'added')) this.name.value = '';
  }

  render() {
    const key = [...this.ctx.store.roster.entries()].join('|');
    if (key === this.key) return;
    this.key = key;
    this.body.replaceChildren(...[...this.ctx.store.roster.entries()].map(([id, name]) => {
      const input = h('input', { value: name, 'aria-label': `name of ${id}`, maxlength: 60 });
      return h('tr', { 'data-user': id },
        h('td', {}, input), h('td', { class: 'mono' }, id),
        h('td', {},
          h('button', { type: 'button', onclick: async () => report(this.ctx, await this.ctx.channel.request('console/roster/rename', { user_id: id, display_name: input.value.trim() }), 'renamed') }, 'Rename'), ' ',
          h('button', { type: 'button', onclick: async () => { if (confirm(`Remove ${name}?`)) report(this.ctx, await this.ctx.channel.request('console/roster/remove', { user_id: id }), 'removed'); } }, 'Remove')));
    }));
  }
}
