import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import el from './locales/el.json';
import en from './locales/en.json';

export type Language = 'el' | 'en';
const STORED = 'mydimos.language';

/** Greek unless the person chose English (kept for their next visit) — X-4. */
function initial(): Language {
  return localStorage.getItem(STORED) === 'en' ? 'en' : 'el';
}

i18n.use(initReactI18next).init({
  resources: { el: { translation: el }, en: { translation: en } },
  lng: initial(),
  fallbackLng: 'el',
  interpolation: { escapeValue: false }, // React escapes
});

/** The page's language follows the choice: <html lang>, the title, and what the API answers in. */
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  localStorage.setItem(STORED, language);
});
document.documentElement.lang = i18n.language;

export default i18n;
