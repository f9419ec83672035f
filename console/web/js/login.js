// The login form: POST /api/login, then the console.
import { postJson } from './api.js';

const form = document.getElementById('login');
form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const error = document.getElementById('error');
  error.textContent = '';
  const res = await postJson('/api/login', {
    name: document.getElementById('name').value,
    password: document.getElementById('password').value,
  });
  if (res.ok) location.replace('/#room');
  else error.textContent = res.error?.message ?? 'login failed';
});
