declare module 'virtual:peerkracht-messages' {
  import type { Messages } from '../i18n/catalogue';
  /** The shell part of a language's messages (see messages-plugin.ts; the whole catalogue in the dev server). */
  export function loadShell(lng: 'nl' | 'en'): Promise<Messages>;
  /** One feature part of a language's messages (a top-level key of the catalogue). */
  export function loadPart(lng: 'nl' | 'en', part: string): Promise<Messages>;
  /** The feature parts a page's code uses, by the name `lazyPage` is given in the router. */
  export function pageParts(page: string): string[];
}
