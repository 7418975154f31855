import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { lv } from './lv';

export const LANGUAGES = ['lv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'apkalpo.language';

function storedLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'lv';
}

/** Switches the language and remembers the choice on this computer. */
export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'lv';
}

void i18next.use(initReactI18next).init({
  resources: { lv: { translation: lv }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'lv',
  interpolation: { escapeValue: false },
});

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});
document.documentElement.lang = i18next.language;

export { i18next };
