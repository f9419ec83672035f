// First start: the one-time token comes in the link's fragment (never sent to a server log).
import { postJson } from './api.js';

const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
const form = document.getElementById('setup');
form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const error = document.getElementById('error');
  error.textContent = '';
  const res = await postJson('/api/setup', {
    token,
    name: document.getElementById('name').value,
    password: document.getElementById('password').value,
  });
  if (res.ok) location.replace('/#contacts');
  else error.textContent = res.error?.message ?? 'setup failed';
});
