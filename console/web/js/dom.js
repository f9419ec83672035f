// Tiny DOM helpers: h('div', {class: 'x'}, child, 'text').
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) el.append(c);
  return el;
}

export function fmt(v, digits = 0, unit = '') {
  return typeof v === 'number' && isFinite(v) ? `${v.toFixed(digits)}${unit}` : '—';
}

// Reports a request's answer as a toast; returns true on success.
export function report(ctx, answer, okText) {
  if (answer?.ok) { if (okText) ctx.toast(okText); return true; }
  ctx.toast(answer?.error?.message ?? 'failed', true);
  return false;
}
