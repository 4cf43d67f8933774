import { useEffect, useState } from 'preact/hooks';
import { api, setUnauthorizedHandler, type Staff } from '../api.js';
import { catalogues, I18n, initialLang, saveLang, type InboxLang } from '../i18n/index.js';
import { Inbox } from './Inbox.js';
import { Login } from './Login.js';

type Auth = { state: 'loading' } | { state: 'anon' } | { state: 'in'; staff: Staff } | { state: 'error' };

export function App() {
  const [lang, setLang] = useState<InboxLang>(initialLang);
  const [auth, setAuth] = useState<Auth>({ state: 'loading' });
  const t = catalogues[lang];

  const checkMe = () => {
    api
      .me()
      .then((staff) => setAuth(staff ? { state: 'in', staff } : { state: 'anon' }))
      .catch(() => setAuth({ state: 'error' }));
  };

  useEffect(() => {
    checkMe();
    setUnauthorizedHandler(() => setAuth({ state: 'anon' }));
    return () => setUnauthorizedHandler(undefined);
  }, []);

  useEffect(() => {
    document.documentElement.lang = t.htmlLang;
    document.title = t.appTitle;
  }, [t]);

  const changeLang = (l: InboxLang) => {
    setLang(l);
    saveLang(l);
  };

  const logout = async () => {
    try {
      await api.logout();
    } catch {
      /* the cookie is gone either way for this screen */
    }
    setAuth({ state: 'anon' });
  };

  return (
    <I18n.Provider value={t}>
      {auth.state === 'loading' && (
        <p class="center" role="status">
          {t.loading}
        </p>
      )}
      {auth.state === 'error' && (
        <div class="center" role="alert">
          <p>{t.login.failed}</p>
          <button type="button" class="btn" onClick={checkMe}>
            {t.list.retry}
          </button>
        </div>
      )}
      {auth.state === 'anon' && (
        <Login lang={lang} onLang={changeLang} onLoggedIn={(staff) => setAuth({ state: 'in', staff })} />
      )}
      {auth.state === 'in' && auth.staff.role === 'operator' && (
        // The system operator sees no consultations: the queue dashboard is their page.
        <main class="center" data-testid="operator-note">
          <p>{t.login.operator}</p>
          <p>
            <a href="/admin/queues">/admin/queues</a>
          </p>
          <button type="button" class="btn" onClick={() => void logout()}>
            {t.logout}
          </button>
        </main>
      )}
      {auth.state === 'in' && auth.staff.role !== 'operator' && (
        <Inbox
          staff={auth.staff}
          lang={lang}
          onLang={changeLang}
          onLogout={logout}
          onSessionLost={() => setAuth({ state: 'anon' })}
        />
      )}
    </I18n.Provider>
  );
}
