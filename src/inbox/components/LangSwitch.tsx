import { useId } from 'preact/hooks';
import { catalogues, useT, type InboxLang } from '../i18n/index.js';

export function LangSwitch({ lang, onLang }: { lang: InboxLang; onLang: (l: InboxLang) => void }) {
  const t = useT();
  const id = useId();
  return (
    <span class="lang-switch">
      <label for={id}>{t.langLabel}</label>
      <select
        id={id}
        data-testid="lang-switch"
        value={lang}
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (v === 'ja' || v === 'en') onLang(v);
        }}
      >
        {(Object.keys(catalogues) as InboxLang[]).map((l) => (
          <option key={l} value={l} lang={catalogues[l].htmlLang}>
            {catalogues[l].langName}
          </option>
        ))}
      </select>
    </span>
  );
}
