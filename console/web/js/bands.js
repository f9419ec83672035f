// Plain-language words for a rep's numbers, against a target band, so a coach reads a word and
// a colour class (never the colour alone). Pure: also run by node in the console's tests.

export const DEFAULT_TARGETS = {
  duration_s: [1.5, 5.0],      // tempo of one movement
  rom_deg: [15, 180],          // a movement smaller than this is "short"
  sparc: -2.2,                 // smoothness: at or above is smooth (closer to 0 is smoother)
  force_cv_pct: 15,            // steadiness: at or below is steady
  placement_error_deg: 15,     // |error| above is "off the mark"
};

// {word, level}: level is 'ok' | 'warn' | 'none' (unknown).
export function tempoBand(durationS, t = DEFAULT_TARGETS) {
  if (typeof durationS !== 'number') return { word: '—', level: 'none' };
  if (durationS < t.duration_s[0]) return { word: 'too fast', level: 'warn' };
  if (durationS > t.duration_s[1]) return { word: 'too slow', level: 'warn' };
  return { word: 'on target', level: 'ok' };
}

export function romBand(romDeg, t = DEFAULT_TARGETS) {
  if (typeof romDeg !== 'number') return { word: '—', level: 'none' };
  if (romDeg < t.rom_deg[0]) return { word: 'short', level: 'warn' };
  if (romDeg > t.rom_deg[1]) return { word: 'too far', level: 'warn' };
  return { word: 'full', level: 'ok' };
}

export function smoothnessBand(sparc, t = DEFAULT_TARGETS) {
  if (typeof sparc !== 'number') return { word: '—', level: 'none' };
  return sparc >= t.sparc ? { word: 'smooth', level: 'ok' } : { word: 'jerky', level: 'warn' };
}

export function steadinessBand(cvPct, t = DEFAULT_TARGETS) {
  if (typeof cvPct !== 'number') return { word: '—', level: 'none' };
  return cvPct <= t.force_cv_pct ? { word: 'steady', level: 'ok' } : { word: 'wavering', level: 'warn' };
}

export function placementBand(errorDeg, t = DEFAULT_TARGETS) {
  if (typeof errorDeg !== 'number') return { word: '', level: 'none' };
  return Math.abs(errorDeg) <= t.placement_error_deg
    ? { word: 'placed well', level: 'ok' }
    : { word: 'off the mark', level: 'warn' };
}

// Warnings about the contact, most serious first: [{word, level}]
export function contactWarnings(device) {
  const out = [];
  if (!device) return [{ word: 'no contact', level: 'warn' }];
  const s = device.link_state;
  if (s === 'backoff' || s === 'gone') out.push({ word: 'link lost', level: 'bad' });
  else if (s === 'connecting') out.push({ word: 'reconnecting', level: 'warn' });
  else if (s === 'over-budget') out.push({ word: 'no radio slot', level: 'bad' });
  if (typeof device.battery_pct === 'number' && device.battery_pct <= 20) {
    out.push({ word: `battery ${device.battery_pct}%`, level: device.battery_pct <= 10 ? 'bad' : 'warn' });
  }
  if (typeof device.loss_rate === 'number' && device.loss_rate >= 0.05) {
    out.push({ word: `signal loss ${Math.round(device.loss_rate * 100)}%`, level: 'warn' });
  }
  return out;
}
