// Gateways (online, uptime, drops), contacts by link state, and the console itself.
import { h, fmt } from './dom.js';
import { getJson } from './api.js';

export class HealthPage {
  constructor(el, ctx) {
    this.el = el;
    this.ctx = ctx;
    this.gws = h('tbody');
    this.contacts = h('p');
    this.self = h('dl', { class: 'facts' });
    el.append(h('h1', {}, 'Health'), h('h2', {}, 'Gateways'),
      h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, ...['Room', 'State', 'Version', 'Up', 'Dropped live', 'Dropped events', 'Reported'].map((c) => h('th', {}, c)))), this.gws),
      h('h2', {}, 'Contacts'), this.contacts, h('h2', {}, 'This console'), this.self);
  }

  show() { this.poll(); }

  async poll() {
    clearTimeout(this.timer);
    if (this.el.hidden) return;
    const c = await getJson('/api/health');
    if (c) this.self.replaceChildren(...Object.entries({
      'broker': c.mqtt_connected ? 'connected' : 'NOT connected',
      'up': fmt(c.uptime_s / 3600, 1, ' h'), 'memory': fmt(c.rss_bytes / 1048576, 1, ' MB'),
      'browsers': String(c.browsers), 'MQTT messages': String(c.mqtt_messages),
      'bad payloads': String(c.mqtt_bad_payloads), 'bad browser frames': String(c.ws_bad_frames),
      'commands unanswered': String(c.request_timeouts), 'version': c.version,
    }).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
    this.timer = setTimeout(() => this.poll(), 5000);
  }

  render() {
    const store = this.ctx.store;
    this.gws.replaceChildren(...[...store.gateways.entries()].sort().map(([id, s]) => h('tr', { 'data-gateway': id },
      h('td', {}, id), h('td', { class: s.state === 'online' ? 'ok' : 'bad' }, s.state === 'online' ? 'online' : `offline (${s.reason})`),
      h('td', {}, s.version ?? ''), h('td', { class: 'num' }, fmt((s.uptime_s ?? 0) / 60, 0, ' min')),
      h('td', { class: 'num' }, String(s.dropped_live ?? 0)), h('td', { class: 'num' }, String(s.dropped_events ?? 0)),
      h('td', {}, s.ts ?? ''))));
    const counts = {};
    for (const d of store.devices.values()) counts[d.link_state] = (counts[d.link_state] ?? 0) + 1;
    this.contacts.textContent = Object.keys(counts).length
      ? Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ') : 'none seen';
  }
}
