import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { loadMessages } from 'virtual:peerkracht-messages';

export const LANGUAGE_KEY = 'peerkracht.language';

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_KEY);
const initial: 'nl' | 'en' = stored === 'en' ? 'en' : 'nl';
/** The language the app starts in (the choice remembered in this browser, else Dutch). */
export const initialLanguage = initial;

/** Fetches a language's messages once (#20 item 7: a browser loads only the language it shows). */
async function ensureLanguage(lng: 'nl' | 'en') {
  if (i18n.hasResourceBundle(lng, 'translation')) return;
  i18n.addResourceBundle(lng, 'translation', await loadMessages(lng));
}

/** Resolves once the first language's messages are there; the app renders after it. */
export const i18nReady: Promise<void> = i18n
  .use(initReactI18next)
  .init({
    resources: {},
    partialBundledLanguages: true,
    lng: initial,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    // No advertisement in the browser's console on every first load.
    showSupportNotice: false,
  })
  .then(() => ensureLanguage(initial))
  .then(() => {
    document.documentElement.lang = i18n.language;
  });

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

/**
 * An explicit choice by the person (the language switch), remembered in this browser at once —
 * before its messages are fetched, so that a page opened right after the tap (or a sign-in, which
 * then saves the choice to the profile) already knows it.
 */
export async function chooseLanguage(lng: 'nl' | 'en') {
  localStorage.setItem(LANGUAGE_KEY, lng);
  await showLanguage(lng);
}

/** Shows the app in a language (its messages fetched first), without remembering the choice. */
export async function showLanguage(lng: 'nl' | 'en') {
  await ensureLanguage(lng);
  await i18n.changeLanguage(lng);
}

export default i18n;
