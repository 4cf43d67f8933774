/**
 * The widget's language: the person's choice (kept on this device), else the browser's; told to
 * the server so the bot answers in it, and followed when the server answers in another one (the
 * person clearly wrote in it, or switched in another tab), so the selector and the answers always
 * say the same language.
 */
import { catalogues, detectLang, isLang, type Catalogue, type WidgetLang } from '../i18n.js';
import type { WidgetApi } from './api.js';
import type { SessionKeeper } from './session.js';
import { readJson, writeJson } from './storage.js';

const LANG_KEY = 'lang';

export class Language {
  lang: WidgetLang;
  t: Catalogue;

  /** `changed`: the words on screen must be filled again. */
  constructor(
    private readonly api: WidgetApi,
    private readonly keeper: SessionKeeper,
    private readonly changed: () => void,
  ) {
    const stored = readJson<string>(LANG_KEY);
    this.lang = isLang(stored) ? stored : detectLang((navigator.languages && navigator.languages[0]) || navigator.language);
    this.t = catalogues[this.lang];
  }

  /** The person chose `lang` (or the server answers in it): kept, told to the server, shown. */
  set(lang: WidgetLang): void {
    this.lang = lang;
    this.t = catalogues[lang];
    writeJson(LANG_KEY, lang);
    this.sync();
    this.changed();
  }

  /**
   * The server answers in another language than the one this widget last told it: the person
   * clearly wrote in it (a phone set to Japanese, a message in English), or switched in another
   * tab. The widget's own words follow.
   */
  followServer(lang: string): void {
    const s = this.keeper.session;
    if (!s || !isLang(lang) || s.lang === lang) return;
    this.keeper.setLang(s, lang);
    if (lang !== this.lang) this.set(lang);
  }

  /** Tells the server the person's language (so the bot answers in it); retried on reconnect. */
  sync(): void {
    const s = this.keeper.session;
    const lang = this.lang;
    if (!s || s.lang === lang) return;
    this.api.setLang(s.sessionToken, lang).then(() => {
      this.keeper.setLang(s, lang);
      this.keeper.touched(s);
    }, () => undefined);
  }
}
