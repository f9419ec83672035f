// The console's two channels: JSON over HTTP for accounts, and the WebSocket at /api whose
// frames mirror the MQTT tree ({topic, payload}); requests carry a tx and get one answer.

let csrf = '';
export function setCsrf(token) { csrf = token; }

export async function postJson(url, body) {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
    return await res.json();
  } catch (e) {
    return { ok: false, error: { code: 'network', message: String(e) } };
  }
}

export async function getJson(url) {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (res.status === 401) return null;
  return res.json();
}

// A WebSocket that reconnects with back-off; onFrames gets each batch (an array of frames).
export class Channel {
  constructor(onFrames, onState) {
    this.onFrames = onFrames;
    this.onState = onState;
    this.waiting = new Map();
    this.nextTx = 1;
    this.delay = 500;
    this.open();
  }

  open() {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    this.ws = new WebSocket(`${proto}//${location.host}/api`);
    this.ws.onopen = () => { this.delay = 500; this.onState(true); };
    this.ws.onclose = () => {
      this.onState(false);
      for (const [, w] of this.waiting) w({ ok: false, error: { code: 'network', message: 'connection lost' } });
      this.waiting.clear();
      setTimeout(() => this.open(), this.delay);
      this.delay = Math.min(this.delay * 2, 5000);
    };
    this.ws.onmessage = (ev) => {
      let batch;
      try { batch = JSON.parse(ev.data); } catch { return; }
      if (!Array.isArray(batch)) batch = [batch];
      const plain = [];
      for (const f of batch) {
        if (f.tx && this.waiting.has(f.tx)) {
          this.waiting.get(f.tx)(f.payload ?? {});
          this.waiting.delete(f.tx);
        } else if (!f.tx) {
          plain.push(f);
        }
      }
      if (plain.length) this.onFrames(plain);
    };
  }

  // Resolves with the answer's payload: a gateway reply or {ok, error} from the console.
  request(topic, payload = {}) {
    const tx = String(this.nextTx++);
    return new Promise((resolve) => {
      if (this.ws.readyState !== WebSocket.OPEN) {
        resolve({ ok: false, error: { code: 'network', message: 'not connected to the console' } });
        return;
      }
      this.waiting.set(tx, resolve);
      this.ws.send(JSON.stringify({ tx, topic, payload }));
    });
  }
}
