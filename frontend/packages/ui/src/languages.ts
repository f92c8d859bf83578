import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import sharedEl from './locales/el.json';
import sharedEn from './locales/en.json';

export type Language = 'el' | 'en';
const STORED = 'mydimos.language';

/**
 * Starts a front end's words: Greek unless the person chose English (kept for their next visit, X-4), and the page's
 * language following the choice — <html lang>, and what the API answers in (the API wrapper reads this instance).
 */
export function startLanguages(el: Record<string, unknown>, en: Record<string, unknown>) {
  i18n.use(initReactI18next).init({
    // the shared components' words (slots.*) beside the front end's own
    resources: { el: { translation: { ...sharedEl, ...el } }, en: { translation: { ...sharedEn, ...en } } },
    lng: localStorage.getItem(STORED) === 'en' ? 'en' : 'el',
    fallbackLng: 'el',
    interpolation: { escapeValue: false }, // React escapes
  });
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
    localStorage.setItem(STORED, language);
  });
  document.documentElement.lang = i18n.language;
  return i18n;
}
