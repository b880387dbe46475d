/**
 * The SEPA character set (EPC guidance, and ../shared/standards/iso20022/README.md): banks accept
 * only a–z A–Z 0–9 / - ? : ( ) . , ' + and space in names and texts. Everything else is
 * transliterated (é → e, ł → l, ß → ss, ø → o, æ → ae, …) or, when there is no Latin equivalent,
 * replaced by a space; runs of spaces collapse and the result is cut to the field's length.
 */

/** Letters that Unicode decomposition does not reduce to a base letter plus marks. */
const SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss', ẞ: 'SS', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th',
  æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ı: 'i', ħ: 'h', Ħ: 'H', ŀ: 'l', Ŀ: 'L', ŋ: 'n', Ŋ: 'N', ĸ: 'k',
  '&': '+', '€': 'EUR', '‘': "'", '’': "'", '‚': "'", '`': "'", '´': "'", '“': "'", '”': "'", '"': "'",
  '–': '-', '—': '-', '_': '-', '#': '', '*': '', ';': ',', '!': '.', '@': '(at)',
};

const ALLOWED = /^[A-Za-z0-9/\-?:().,'+ ]*$/;
const ALLOWED_CHAR = /[A-Za-z0-9/\-?:().,'+ ]/;

/** Whether a text uses only the SEPA character set. */
export const isSepaText = (text: string) => ALLOWED.test(text);

/** The text in the SEPA character set, at most `maxLength` characters, trimmed. */
export function toSepaText(text: string, maxLength: number): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (ALLOWED_CHAR.test(ch)) {
      out += ch;
      continue;
    }
    const special = SPECIAL[ch];
    if (special !== undefined) {
      out += special;
      continue;
    }
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    out += [...base].every((c) => ALLOWED_CHAR.test(c)) && base.length > 0 ? base : ' ';
  }
  return out.replace(/\s+/g, ' ').trim().slice(0, maxLength).trim();
}
