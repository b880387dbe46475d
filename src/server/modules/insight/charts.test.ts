import { describe, expect, it } from 'vitest';
import { barChart, heatMap, lineChart, meansChart } from './charts';

const evil = '<img src=x onerror="alert(1)"> & "Noord"';

describe('server-rendered charts', () => {
  it('are labelled SVG pictures that scale to the width of a phone', () => {
    const svg = barChart({ label: 'Bijeenkomsten per maand', categories: ['2026-09', '2026-10'], series: [{ name: 'Gepland', values: [20, 10] }, { name: 'Gehouden', values: [19, null] }] });
    expect(svg).toMatch(/^<svg[^>]* viewBox="0 0 720 320"[^>]* role="img" aria-label="Bijeenkomsten per maand"><title>Bijeenkomsten per maand<\/title>/);
    expect(svg).toContain('width="100%"');
  });

  it('escape every text they draw, so a community name cannot inject markup', () => {
    for (const svg of [
      heatMap({ label: evil, rows: [evil], columns: ['09-07'], cells: [{ row: 0, column: 0, value: 80 }] }),
      lineChart({ label: evil, categories: [evil], series: [{ name: evil, values: [50] }] }),
      barChart({ label: evil, categories: [evil], series: [{ name: evil, values: [1] }] }),
      meansChart({ label: evil, questions: [evil], series: [{ name: evil, values: [2] }], max: 5, suppressedText: '<5', notAskedText: 'niet gevraagd', noAnswersText: 'nog geen antwoorden' }),
    ]) {
      expect(svg).not.toContain('<img');
      expect(svg).not.toMatch(/\son\w+\s*=\s*["']/);
    }
  });

  it('the evaluation chart says "not asked" where nobody was asked, "<5" where fewer than five answered and "no answers yet" where nobody did, never a bar of zero', () => {
    const svg = meansChart({
      label: 'Gemiddelde per vraag',
      questions: ['Ik voel me thuis', 'Ik begeleid mijn groep goed'],
      series: [
        { name: 'T0', values: [3.4, 'notAsked'] },
        { name: 'T1', values: [null, 4.2] },
        { name: 'T2', values: ['noAnswers', 'noAnswers'] },
      ],
      max: 5,
      suppressedText: '<5',
      notAskedText: 'niet gevraagd',
      noAnswersText: 'nog geen antwoorden',
    });
    expect(svg.match(/>niet gevraagd</g)).toHaveLength(1);
    expect(svg.match(/>&lt;5</g)).toHaveLength(1);
    expect(svg.match(/>nog geen antwoorden</g)).toHaveLength(2);
    expect(svg).toContain('>3.4<');
    expect(svg).toContain('>4.2<');
  });
});
