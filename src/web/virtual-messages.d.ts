declare module 'virtual:peerkracht-messages' {
  import type { Messages } from '../i18n/catalogue';
  /** The message catalogue of one language (see messages-plugin.ts). */
  export function loadMessages(lng: 'nl' | 'en'): Promise<Messages>;
}
