import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type Staff } from '../api.js';
import { useT, type InboxLang } from '../i18n/index.js';
import { unlockAudio } from '../alerting.js';
import { LangSwitch } from './LangSwitch.js';

export function Login(props: { lang: InboxLang; onLang: (l: InboxLang) => void; onLoggedIn: (s: Staff) => void }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const emailRef = useRef<HTMLInputElement>(null);

  useLayoutEffect(() => emailRef.current?.focus(), []); // focused before the form is first painted

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    // A user gesture: later crisis beeps are allowed to sound.
    unlockAudio();
    setBusy(true);
    setError('');
    try {
      const staff = await api.login(email.trim(), password);
      props.onLoggedIn(staff);
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      setError(status === 401 || status === 400 ? t.login.badCredentials : err instanceof ApiError && err.code === 'login_locked' ? t.login.locked : status === 429 ? t.login.tooMany : t.login.failed);
      setBusy(false);
    }
  };

  return (
    <main class="login">
      <div class="login-card">
        <div class="login-top">
          <p class="brand">{t.appTitle}</p>
          <LangSwitch lang={props.lang} onLang={props.onLang} />
        </div>
        <h1>{t.login.title}</h1>
        <form onSubmit={submit} noValidate>
          <div class="field">
            <label for="login-email">{t.login.email}</label>
            <input
              ref={emailRef}
              id="login-email"
              type="email"
              name="email"
              autocomplete="username"
              required
              data-testid="login-email"
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? 'login-error' : undefined}
            />
          </div>
          <div class="field">
            <label for="login-password">{t.login.password}</label>
            <input
              id="login-password"
              type="password"
              name="password"
              autocomplete="current-password"
              required
              data-testid="login-password"
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? 'login-error' : undefined}
            />
          </div>
          {error && (
            <p id="login-error" class="error" role="alert" data-testid="login-error">
              {error}
            </p>
          )}
          <button type="submit" class="btn primary" data-testid="login-submit" disabled={busy || !email || !password}>
            {busy ? t.login.submitting : t.login.submit}
          </button>
        </form>
      </div>
    </main>
  );
}
