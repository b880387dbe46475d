/** The coach handbook (#21 item 6, §2.2 "kreeg ik een handleiding"): content/handbook.json in the reader's language. */
import type { HandbookResponse } from '../../../contracts/growth';
import type { Locale } from '../../../i18n/translate';
import type { Services } from '../../context';

export function getHandbook({ services, locale }: { services: Services; locale: Locale }): HandbookResponse {
  const h = services.content.handbook;
  return {
    version: h.version,
    title: h.title[locale],
    intro: h.intro[locale],
    sections: h.sections.map((s) => ({ id: s.id, title: s.title[locale], paragraphs: s.paragraphs.map((p) => p[locale]) })),
  };
}
