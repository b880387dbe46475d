import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfSafe } from './render-map-pdf';

describe('PDF text', () => {
  it('keeps Dutch letters the standard font can show, and writes others without their accent', () => {
    expect(pdfSafe('Zoë, één, ideeën, café, Öztürk, coördinator')).toBe('Zoë, één, ideeën, café, Öztürk, coördinator');
    expect(pdfSafe('Doğan — “samen” €5')).toBe('Dogan — “samen” €5');
    expect(pdfSafe('日本')).toBe('??');
  });

  it('encodes ë, é and ï in standard Helvetica without failing', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage();
    expect(() => page.drawText(pdfSafe('Zoë heeft een ideeën-café: naïef? Doğan'), { font, size: 10 })).not.toThrow();
    expect(font.widthOfTextAtSize('ë', 10)).toBeGreaterThan(0);
  });
});
