// The plain-language words of a tile and the browser's rep counting, under node's test runner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contactWarnings, romBand, smoothnessBand, steadinessBand, tempoBand } from '../../../console/web/js/bands.js';
import { Store } from '../../../console/web/js/store.js';

globalThis.performance ??= { now: () => Date.now() };

test('a tempo band says too fast, on target or too slow', () => {
  assert.equal(tempoBand(1.0).word, 'too fast');
  assert.equal(tempoBand(2.5).word, 'on target');
  assert.equal(tempoBand(2.5).level, 'ok');
  assert.equal(tempoBand(6.0).word, 'too slow');
  assert.equal(tempoBand(null).level, 'none');
});

test('smoothness, steadiness and ROM get a word each', () => {
  assert.equal(smoothnessBand(-1.5).word, 'smooth');
  assert.equal(smoothnessBand(-3.0).word, 'jerky');
  assert.equal(steadinessBand(5).word, 'steady');
  assert.equal(steadinessBand(25).word, 'wavering');
  assert.equal(romBand(5).word, 'short');
  assert.equal(romBand(40).word, 'full');
});

test('a contact warns of a lost link, a low battery and signal loss', () => {
  const words = contactWarnings({ link_state: 'backoff', battery_pct: 9, loss_rate: 0.08 }).map((w) => w.word);
  assert.deepEqual(words, ['link lost', 'battery 9%', 'signal loss 8%']);
  assert.deepEqual(contactWarnings({ link_state: 'streaming', battery_pct: 80, loss_rate: 0 }), []);
  assert.equal(contactWarnings(undefined)[0].word, 'no contact');
});

const rep = (seq, repIndex, session) => ({ topic: 'g/users/u/rep', payload: { seq, rep_index: repIndex, session_id: session } });
const status = (session, device = 'd', state = 'idle') => ({ topic: 'g/users/u/status', payload: { device_id: device, session_id: session, state } });

test('the store counts each rep of the running session once', () => {
  const s = new Store();
  s.apply([status('s1')]);
  s.apply([rep(1, 1, 's1'), rep(2, 2, 's1'), rep(2, 2, 's1'), rep(1, 1, 's1')]);  // duplicates (QoS 1)
  const u = s.users.get('g/u');
  assert.equal(u.repsSession, 2);
  assert.equal(u.repsSet, 2);
  s.apply([rep(3, 1, null)]);  // outside the session
  assert.equal(u.repsSession, 2);
  assert.equal(u.repsSet, 1);
});

test('a gateway that reports running totals is believed, and not counted over', () => {
  const s = new Store();
  s.apply([{ topic: 'g/users/u/status', payload: { device_id: 'd', session_id: 's1', state: 'idle', reps_session: 7, reps_set: 3 } }]);
  assert.equal(s.users.get('g/u').repsSession, 7);
  assert.equal(s.users.get('g/u').repsSet, 3);
  s.apply([rep(8, 4, 's1')]);  // its status with the new totals follows
  assert.equal(s.users.get('g/u').repsSession, 7);
  assert.equal(s.users.get('g/u').lastRep.seq, 8);
});

test('a user on a dropped link stays present; an unbound one goes', () => {
  const s = new Store();
  s.apply([status(null, 'd', 'away')]);
  assert.equal(s.present('g').length, 1);
  s.apply([status(null, null, 'unbound')]);
  assert.equal(s.present('g').length, 0);
  s.apply([status(null, 'd'), { topic: 'g/users/u/status', payload: null }]);
  assert.equal(s.present('g').length, 0);
});

test('the roster names users; unknown ids show as themselves', () => {
  const s = new Store();
  s.apply([{ topic: 'console/roster', payload: { people: [{ user_id: 'p-1', display_name: 'Ana' }] } }]);
  assert.equal(s.name('p-1'), 'Ana');
  assert.equal(s.name('p-2'), 'p-2');
});
