/**
 * UI language: Simplified Chinese first, English on request. Strings live in locales/ (the shell)
 * and in each feature's `i18n.ts`; `useT()` returns a typed lookup. The choice is kept in the
 * `zl_lang` cookie so server messages (errors, exports) follow it too.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from '@contracts/i18n';
import { pickLang } from '@contracts/i18n';

export type { Lang };

/** A bilingual dictionary of strings: `{ key: ['中文', 'English'] }`. */
export type Strings = Record<string, readonly [string, string]>;

interface I18nValue {
  lang: Lang;
  setLang(lang: Lang): void;
}

const I18nContext = createContext<I18nValue>({ lang: 'zh', setLang: () => undefined });

function initialLang(): Lang {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('zl_lang='));
  const value = cookie?.slice('zl_lang='.length);
  if (value === 'en' || value === 'zh') return value;
  return 'zh';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    document.cookie = `zl_lang=${next}; path=/; max-age=31536000; samesite=lax`;
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    setLangState(next);
  }, []);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useLang(): I18nValue {
  return useContext(I18nContext);
}

/** `const t = useT(strings); t('save')` → 保存 / Save. Unknown keys show the key itself. */
export function useT<S extends Strings>(strings: S): (key: keyof S & string, vars?: Record<string, string | number>) => string {
  const { lang } = useLang();
  return useCallback(
    (key, vars) => {
      const pair = strings[key];
      let text = pair ? pair[lang === 'zh' ? 0 : 1] : key;
      if (vars) for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, String(v));
      return text;
    },
    [strings, lang],
  );
}

/** A message from contracts (`msg('中文','English')`) or the server, in the current language. */
export function usePick(): (message: string) => string {
  const { lang } = useLang();
  return useCallback((message: string) => pickLang(message, lang), [lang]);
}
