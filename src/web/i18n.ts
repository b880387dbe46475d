import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { loadPart, loadShell, pageParts } from 'virtual:peerkracht-messages';

export const LANGUAGE_KEY = 'peerkracht.language';

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_KEY);
// index.html comes in a signed-in person's profile language (<html lang>, src/server/http/index-html.ts).
const served = typeof document === 'undefined' ? null : document.documentElement.lang;
const initial: 'nl' | 'en' = stored === 'en' || stored === 'nl' ? stored : served === 'en' ? 'en' : 'nl';
/** The language the app starts in: the choice remembered in this browser, else the document's (the profile's), else Dutch. */
export const initialLanguage = initial;

type Language = 'nl' | 'en';

/**
 * The messages are fetched in parts (#20 item 7, messages-plugin.ts): a language's shell part at
 * start, and a page's part when the page is first shown. Each part is fetched once per language
 * and merged into the one 'translation' bundle.
 */
const fetched = new Map<string, Promise<void>>();
/** The parts of the pages shown so far: a language switch fetches them in the new language too. */
const wanted = new Set<string>();
/** The language being switched to, while its messages are fetched. */
let switching: Language | null = null;

function ensure(lng: Language, part: string | null): Promise<void> {
  const key = `${lng} ${part ?? ''}`;
  let done = fetched.get(key);
  if (!done) {
    done = (part === null ? loadShell(lng) : loadPart(lng, part)).then((messages) => {
      i18n.addResourceBundle(lng, 'translation', messages, true, true);
    });
    // A failed fetch may be tried again (the page's reload button, the next navigation).
    done.catch(() => fetched.delete(key));
    fetched.set(key, done);
  }
  return done;
}

/** Fetches a language's shell part and the parts of the pages already shown in another language. */
async function ensureLanguage(lng: Language) {
  await Promise.all([ensure(lng, null), ...[...wanted].map((part) => ensure(lng, part))]);
}

/**
 * Fetches the part of the messages a page's code names (by the name `lazyPage` gives it), in the
 * language shown and the one being switched to; `lazyPage` renders the page once it is there.
 */
export async function ensurePageMessages(page: string) {
  const parts = pageParts(page);
  if (parts.length === 0) return;
  for (const part of parts) wanted.add(part);
  const languages = new Set<Language>([(i18n.language as Language | undefined) ?? initial, ...(switching ? [switching] : [])]);
  await Promise.all([...languages].flatMap((lng) => parts.map((part) => ensure(lng, part))));
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
  switching = lng;
  try {
    await ensureLanguage(lng);
    await i18n.changeLanguage(lng);
  } finally {
    if (switching === lng) switching = null;
  }
}

export default i18n;
