import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import type { Lang } from './format';
import { sv, type Catalogue } from './sv';

const CATALOGUES: Record<Lang, Catalogue> = { sv, en };
const STORAGE_KEY = 'iop.lang';

interface I18n {
  readonly lang: Lang;
  readonly t: Catalogue;
  setLang(lang: Lang): void;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'sv';
}

/** Swedish unless the person chose English (kept in localStorage); `<html lang>` follows. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const value = useMemo(() => ({ lang, t: CATALOGUES[lang], setLang }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

/** The catalogue of the chosen language. */
export function useT(): Catalogue {
  return useI18n().t;
}
