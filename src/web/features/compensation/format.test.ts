import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centsFromText, moneyText } from './format';

describe('amounts as a coordinator types them', () => {
  it('reads Dutch and English decimals, a euro sign and whole euros', () => {
    expect(centsFromText('2,50')).toBe(250);
    expect(centsFromText('2.5')).toBe(250);
    expect(centsFromText('€ 5')).toBe(500);
    expect(centsFromText(' 5,05 ')).toBe(505);
    expect(centsFromText('2100')).toBe(210000);
  });

  it('refuses what is not an amount with at most two decimals', () => {
    for (const text of ['', 'drie', '2,505', '-1', '2.100,00', '1e3', '2,', ',50']) expect(centsFromText(text), text).toBeNaN();
  });

  it('reads back what it shows, in both languages', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.constantFrom('nl', 'en'), (cents, lang) => {
        expect(centsFromText(moneyText(cents, lang))).toBe(cents);
      }),
    );
    expect(moneyText(250, 'nl')).toBe('2,50');
    expect(moneyText(250, 'en')).toBe('2.50');
  });
});
