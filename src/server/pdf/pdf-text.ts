/**
 * Text for PDFs drawn with pdf-lib's standard fonts (WinAnsi): what those fonts can show, and
 * words wrapped to a width. Shared by every PDF the server renders (the resilience map, the
 * impact report, the coach's portfolio).
 */
import type { PDFFont } from 'pdf-lib';

const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Keeps what the standard PDF fonts (WinAnsi) can show; strips accents from the rest (ğ → g), else '?'. */
export function pdfSafe(text: string): string {
  return [...text.replace(/[\r\t]/g, ' ')]
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      if (ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) return ch;
      if (ch === '→') return '->';
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      return base.length > 0 && [...base].every((c) => c.codePointAt(0)! < 0x7f) ? base : '?';
    })
    .join('');
}

/** The text's lines at this font and size within `width` points; each paragraph (`\n`) starts a new line. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of pdfSafe(text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) line = candidate;
      else {
        if (line) lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}
