import type { Plugin } from 'vite';
import { catalogues } from '../i18n/catalogue';

const ID = 'virtual:peerkracht-messages';
const RESOLVED = `\0${ID}`;

/**
 * The message catalogue of one language as a hashed JSON file next to the scripts (#20 item 7):
 * a browser fetches only the language it shows (about half the text), as data that parses faster
 * than the same text compiled into a script, cached for a year like every hashed asset. The Dutch
 * file (the default) is preloaded from index.html so it arrives alongside the scripts, not after.
 * In the dev server the module hands over the catalogues directly.
 */
export function messagesPlugin(): Plugin {
  let serve = false;
  return {
    name: 'peerkracht-messages',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      if (serve) return `import { catalogues } from '/../i18n/catalogue.ts';\nexport const loadMessages = async (lng) => catalogues[lng];`;
      const ref = (lng: 'nl' | 'en') => this.emitFile({ type: 'asset', name: `messages-${lng}.json`, source: JSON.stringify(catalogues[lng]) });
      const nl = ref('nl');
      const en = ref('en');
      return [
        `const urls = { nl: import.meta.ROLLUP_FILE_URL_${nl}, en: import.meta.ROLLUP_FILE_URL_${en} };`,
        'export async function loadMessages(lng) {',
        "  const response = await fetch(urls[lng], { credentials: 'same-origin' });",
        '  if (!response.ok) throw new Error(`messages ${lng}: ${response.status}`);',
        '  return response.json();',
        '}',
      ].join('\n');
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const nl = Object.values(context.bundle ?? {}).find((file) => file.type === 'asset' && file.names.includes('messages-nl.json'));
        if (!nl) return [];
        return [{ tag: 'link', attrs: { rel: 'preload', href: `/${nl.fileName}`, as: 'fetch', type: 'application/json', crossorigin: 'anonymous' }, injectTo: 'head' }];
      },
    },
  };
}
