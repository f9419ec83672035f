// The big screen: one tile per user present, laid out to fill the screen without scrolling
// (30 tiles on 1080p). Tiles are built once and updated in place; a new rep flashes its tile.
import { h, fmt } from './dom.js';
import { contactWarnings, placementBand, romBand, smoothnessBand, steadinessBand, tempoBand } from './bands.js';

const FORCE_FULL_N = 300;   // the gauge's full scale
const FLASH_MS = 1200;
const STATE_WORDS = { idle: 'idle', loaded: 'loaded', moving: 'moving', away: 'away', unbound: 'no contact' };

export class RoomPage {
  constructor(el, ctx) {
    this.el = el;
    this.ctx = ctx;
    this.grid = h('div', { class: 'tiles', role: 'list' });
    this.empty = h('p', { class: 'empty' }, 'Nobody is on a contact yet. Bind contacts on the Contacts page.');
    el.append(this.grid, this.empty);
    this.tiles = new Map();
    this.size = { w: window.innerWidth, h: window.innerHeight };
    // The page's size from a ResizeObserver: render never reads layout (no forced reflow).
    new ResizeObserver(([e]) => {
      this.size = { w: e.contentRect.width, h: e.contentRect.height };
      this.laidOut = -1;
      this.layout(this.tiles.size);
    }).observe(this.el);
    this.highlights = [];  // {key, seq, at}: when each rep's flash was painted (tests read it)
    window.r3Highlights = this.highlights;
  }

  repLanded(u) {
    const t = this.tiles.get(u.key);
    if (!t) return;
    // The Web Animations API restarts the flash without a style flush.
    t.flash?.cancel();
    // Only the opacity of its own layer changes: composited, the tile is not repainted.
    t.flash = t.glow.animate([{ opacity: 1 }, { opacity: 0 }], { duration: FLASH_MS, easing: 'ease-out' });
    const seq = u.lastRep?.seq;
    const ts = Date.parse(u.lastRep?.ts ?? '') || null;  // when the gateway published it
    requestAnimationFrame(() => {
      this.highlights.push({ key: u.key, seq, ts, at: Date.now() });
      if (this.highlights.length > 1000) this.highlights.splice(0, 500);
    });
  }

  render() {
    const store = this.ctx.store;
    const users = store.present(this.ctx.room);
    const keep = new Set(users.map((u) => u.key));
    for (const [k, t] of this.tiles) if (!keep.has(k)) { t.root.remove(); this.tiles.delete(k); }
    users.forEach((u, i) => {
      let t = this.tiles.get(u.key);
      if (!t) { t = this.build(u); this.tiles.set(u.key, t); }
      if (this.grid.children[i] !== t.root) this.grid.insertBefore(t.root, this.grid.children[i] ?? null);
      this.update(t, u);
    });
    this.empty.hidden = users.length > 0;
    this.layout(users.length);
  }

  layout(n) {
    if (n === this.laidOut || !this.size.w) return;
    this.laidOut = n;
    const { w, h: hgt } = this.size;
    // The column count that gives the largest tiles of about 16:10.
    let best = 1, bestSize = 0;
    for (let cols = 1; cols <= Math.max(1, n); cols++) {
      const rows = Math.ceil(n / cols);
      const tw = w / cols, th = hgt / rows;
      const size = Math.min(tw, th * 1.6);
      if (size > bestSize) { bestSize = size; best = cols; }
    }
    const rows = Math.max(1, Math.ceil(n / best));
    this.grid.style.setProperty('--cols', best);
    this.grid.style.setProperty('--rows', rows);
    // Few people: tiles no taller than wide, centred, rather than tall empty columns.
    const th = (hgt - 8 * (rows - 1)) / rows, tw = (w - 8 * (best - 1)) / best;
    this.grid.style.setProperty('--tile-h', `${Math.floor(Math.min(th, tw / 1.25))}px`);
  }

  build(u) {
    const t = {};
    t.name = h('div', { class: 'name' });
    t.state = h('div', { class: 'state' });
    t.gaugeFill = h('div', { class: 'fill' });
    t.gauge = h('div', { class: 'gauge', role: 'meter', 'aria-label': 'force', 'aria-valuemin': 0, 'aria-valuemax': FORCE_FULL_N }, t.gaugeFill);
    t.force = h('span', { class: 'force' });
    t.angle = h('span', { class: 'angle' });
    t.repsSet = h('div', { class: 'big', 'data-field': 'reps-set' });
    t.repsSession = h('div', { class: 'big small', 'data-field': 'reps-session' });
    t.metrics = h('div', { class: 'metrics' });
    t.warn = h('div', { class: 'warnings' });
    // The tile is the size container; its padding lives on the inner box, so container units
    // (cqh, cqw) size everything from the whole tile.
    t.glow = h('div', { class: 'glow', 'aria-hidden': 'true' });
    t.root = h('article', { class: 'tile', role: 'listitem', 'data-user': u.id, 'data-gateway': u.gw },
      t.glow,
      h('div', { class: 'inner' },
        h('header', {}, t.name, t.state),
        h('div', { class: 'live' }, t.gauge, h('div', { class: 'readout' }, t.force, t.angle)),
        h('div', { class: 'counts' },
          h('div', {}, h('span', { class: 'label' }, 'set'), t.repsSet),
          h('div', {}, h('span', { class: 'label' }, 'session'), t.repsSession)),
        t.metrics, t.warn));
    return t;
  }

  update(t, u) {
    const store = this.ctx.store;
    if (t.live === u.live && t.status === u.status && t.seq === u.maxSeq && t.sess === u.repsSession &&
        t.names === store.roster && t.device === store.deviceOf(u)) return;  // nothing new
    t.live = u.live; t.status = u.status; t.seq = u.maxSeq; t.sess = u.repsSession;
    t.names = store.roster; t.device = store.deviceOf(u);
    setText(t.name, store.name(u.id));
    const live = u.live;
    const state = live?.state ?? u.status?.state ?? 'idle';
    setText(t.state, STATE_WORDS[state] ?? state);
    if (t.root.dataset.state !== state) t.root.dataset.state = state;
    const force = live?.force_n;
    const scale = Math.max(0, Math.min(1, (force ?? 0) / FORCE_FULL_N)).toFixed(3);
    if (t.scale !== scale) {
      t.scale = scale;
      t.gaugeFill.style.transform = `scaleX(${scale})`;
      t.gauge.setAttribute('aria-valuenow', Math.round(force ?? 0));
    }
    setText(t.force, fmt(force, 0, ' N'));
    setText(t.angle, fmt(live?.angle_deg, 0, '°'));
    setText(t.repsSet, String(u.repsSet));
    setText(t.repsSession, String(u.repsSession));

    const r = u.lastRep;
    const key = r ? `${u.maxSeq}` : '';
    if (t.metricsKey !== key) {
      t.metricsKey = key;
      t.metrics.replaceChildren(...(r ? [
        metric('ROM', fmt(r.rom_deg, 0, '°'), romBand(r.rom_deg)),
        metric('tempo', fmt(r.duration_s, 1, ' s'), tempoBand(r.duration_s)),
        metric('smooth', fmt(r.sparc, 1), smoothnessBand(r.sparc)),
        metric('force', fmt(r.force_cv_pct, 0, '%'), steadinessBand(r.force_cv_pct)),
        ...(typeof r.placement_error_deg === 'number'
          ? [metric('placed', fmt(r.placement_error_deg, 0, '°'), placementBand(r.placement_error_deg))] : []),
      ] : [h('span', { class: 'muted' }, 'no rep yet')]));
    }
    const device = store.deviceOf(u);
    const warnings = contactWarnings(device);
    const down = !device || !['streaming', 'connected'].includes(device.link_state);
    t.root.classList.toggle('link-down', down);
    const wkey = warnings.map((w) => w.word).join('|');
    if (t.warnKey !== wkey) {
      t.warnKey = wkey;
      t.warn.replaceChildren(...warnings.map((w) => h('span', { class: `w-${w.level}` }, w.level === 'bad' ? '⚠ ' : '', w.word)));
    }
  }
}

// Writes only what changed: a text node replaced every frame costs layout for nothing.
function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

function metric(label, value, band) {
  return h('div', { class: `metric ${band.level}` },
    h('span', { class: 'label' }, label),
    h('span', {}, h('span', { class: 'value' }, value), ' ', h('span', { class: 'word' }, band.word)));
}
