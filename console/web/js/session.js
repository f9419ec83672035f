// Start and stop a room session; who is in; a live table per user (order by name, stable).
import { h, fmt, report } from './dom.js';
import { tempoBand } from './bands.js';

export class SessionPage {
  constructor(el, ctx) {
    this.el = el;
    this.ctx = ctx;
    this.hint = new Map();  // gw -> session id from a start reply (before any status says so)
    this.state = h('p', { class: 'session-state', role: 'status' });
    this.start = h('button', { type: 'button', class: 'primary', 'data-action': 'start', onclick: () => this.toggle(true) }, 'Start session');
    this.stop = h('button', { type: 'button', 'data-action': 'stop', onclick: () => this.toggle(false) }, 'Stop session');
    this.body = h('tbody');
    el.append(h('h1', {}, 'Session'), this.state, h('p', {}, this.start, ' ', this.stop),
      h('table', { class: 'grid' },
        h('thead', {}, h('tr', {}, ...['Person', 'State', 'Reps (set)', 'Reps (session)', 'Last ROM', 'Last tempo', '', 'Sets'].map((c) => h('th', { scope: 'col' }, c)))),
        this.body));
  }

  gateway() {
    const ids = [...this.ctx.store.gateways.keys()];
    return this.ctx.room || (ids.length === 1 ? ids[0] : '');
  }

  running(gw) {
    return this.ctx.store.runningSession(gw) ?? this.hint.get(gw) ?? null;
  }

  async toggle(on) {
    const gw = this.gateway();
    if (!gw) { this.ctx.toast('Pick a room first', true); return; }
    const answer = await this.ctx.channel.request(`${gw}/cmd/${on ? 'start_session' : 'stop_session'}`, {});
    if (report(this.ctx, answer, on ? `session ${answer.session_id} started` : 'session stopped')) {
      if (on) this.hint.set(gw, answer.session_id); else this.hint.delete(gw);
      this.render();
    }
  }

  render() {
    const gw = this.gateway();
    const sid = gw ? this.running(gw) : null;
    this.state.textContent = !gw ? 'Pick a room above.' : sid ? `Session ${sid} is running in ${gw}.` : `No session running in ${gw}.`;
    this.el.dataset.session = sid ?? '';
    this.start.disabled = !gw || !!sid;
    this.stop.disabled = !gw || !sid;
    const store = this.ctx.store;
    const rows = store.present(gw).map((u) => {
      const r = u.lastRep;
      const band = tempoBand(r?.duration_s);
      return h('tr', { 'data-user': u.id },
        h('td', {}, store.name(u.id)), h('td', {}, u.live?.state ?? u.status?.state ?? ''),
        h('td', { class: 'num' }, String(u.repsSet)), h('td', { class: 'num' }, String(u.repsSession)),
        h('td', { class: 'num' }, fmt(r?.rom_deg, 0, '°')), h('td', { class: 'num' }, fmt(r?.duration_s, 1, ' s')),
        h('td', { class: `band ${band.level}` }, band.word), h('td', { class: 'num' }, String(u.lastSet?.set_index ?? '')));
    });
    this.body.replaceChildren(...rows);
  }
}
