// The browser's copy of the MQTT tree, fed by frames, plus what the console adds (roster,
// console status). Counts reps per user: in this set from the rep itself, in this session by
// counting reps of the running session once each (seq).

export class Store {
  constructor() {
    this.gateways = new Map();  // gw -> status payload
    this.devices = new Map();   // "gw/device" -> device payload
    this.users = new Map();     // "gw/user" -> user record
    this.sessions = new Map();  // gw -> last stopped session payload
    this.roster = new Map();    // user_id -> display name
    this.console = { mqtt_connected: false };
    this.listeners = new Set();
    this.repListeners = new Set();
    this.version = 0;
  }

  user(gw, id) {
    const key = `${gw}/${id}`;
    let u = this.users.get(key);
    if (!u) {
      u = { key, gw, id, status: null, live: null, lastRep: null, lastSet: null,
            repsSet: 0, repsSession: 0, session: null, maxSeq: 0, repAt: 0 };
      this.users.set(key, u);
    }
    return u;
  }

  name(userId) { return this.roster.get(userId) ?? userId; }

  apply(frames) {
    for (const f of frames) this.applyOne(f.topic, f.payload);
    this.version++;
    for (const l of this.listeners) l();
  }

  applyOne(topic, p) {
    if (topic === 'console/roster') {
      this.roster = new Map((p?.people ?? []).map((x) => [x.user_id, x.display_name]));
      return;
    }
    if (topic === 'console/status') { this.console = p ?? {}; return; }
    const parts = topic.split('/');
    const gw = parts[0];
    if (parts.length === 2 && parts[1] === 'status') {
      if (p) this.gateways.set(gw, p); else this.gateways.delete(gw);
    } else if (parts[1] === 'devices' && parts.length === 3) {
      const key = `${gw}/${parts[2]}`;
      if (p) this.devices.set(key, p); else this.devices.delete(key);
    } else if (parts[1] === 'sessions' && parts.length === 3) {
      if (p) this.sessions.set(gw, p);
    } else if (parts[1] === 'users' && parts.length === 4) {
      const u = this.user(gw, parts[2]);
      const leaf = parts[3];
      if (leaf === 'status') {
        if (!p) { this.users.delete(u.key); return; }
        if (p.session_id !== u.session) { u.session = p.session_id; u.repsSession = 0; }
        u.status = p;
        // A gateway that reports running totals is the authority (it saw every rep, also
        // before this page opened); an older one leaves the counting to us.
        u.hasTotals = typeof p.reps_session === 'number';
        if (u.hasTotals) u.repsSession = p.reps_session;
        if (typeof p.reps_set === 'number') u.repsSet = p.reps_set;
      } else if (leaf === 'live') {
        u.live = p;
      } else if (leaf === 'rep' && p) {
        if (typeof p.seq === 'number' && p.seq <= u.maxSeq) return;  // a duplicate (QoS 1)
        const fresh = u.maxSeq !== 0 || this.version > 0;
        u.maxSeq = p.seq ?? u.maxSeq;
        u.lastRep = p;
        if (!u.hasTotals) {
          u.repsSet = p.rep_index;
          if (p.session_id && p.session_id === u.session) u.repsSession++;
        }
        if (fresh) {
          u.repAt = performance.now();
          for (const l of this.repListeners) l(u, p);
        }
      } else if (leaf === 'set' && p) {
        u.lastSet = p;
      }
    }
  }

  // Users present in a room: bound to a contact, streaming or not ("away" with a contact is a
  // link that dropped: the tile stays and says so; "unbound" or a cleared status removes it).
  present(gw) {
    const out = [];
    for (const u of this.users.values()) {
      if (gw && u.gw !== gw) continue;
      const s = u.status;
      if (s && s.device_id && s.state !== 'unbound') out.push(u);
    }
    out.sort((a, b) => this.name(a.id).localeCompare(this.name(b.id)) || a.key.localeCompare(b.key));
    return out;
  }

  deviceOf(u) {
    const d = u.status?.device_id;
    return d ? this.devices.get(`${u.gw}/${d}`) : undefined;
  }

  // Who is on a contact: its own retained user_id (republished on every binding), else a user
  // status naming it (gateways before r3/v1 carried the binding there only).
  userOfDevice(gw, deviceId) {
    const own = this.devices.get(`${gw}/${deviceId}`)?.user_id;
    if (own) return own;
    for (const u of this.users.values()) {
      const s = u.status;
      if (u.gw !== gw || !s || s.state === 'unbound') continue;
      if (s.device_id === deviceId || s.device_ids?.includes(deviceId)) return u.id;
    }
    return null;
  }

  runningSession(gw) {
    for (const u of this.users.values()) {
      if (u.gw === gw && u.status?.session_id) return u.status.session_id;
    }
    return null;
  }
}
