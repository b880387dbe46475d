import { describe, expect, it } from 'vitest';
import { keyPaths, pick, split, type ChunkInfo } from './message-parts';

const groups = new Set(['app', 'nav', 'roles', 'library', 'caseloads', 'formats', 'home', 'resilience', 'errors']);

describe('message parts: the keys built code names', () => {
  it('reads keys from string literals, template heads and compiled JSX attributes', () => {
    const code = `t("library.edit");t(\`caseloads.formatLine.\${x}\`);jsx(Trans,{i18nKey:'home.hello'});t('formats.'+m);t(\`home.card\${n}\`);t('resilience.usages.could-use')`;
    expect(keyPaths(code, groups)).toEqual([['library', 'edit'], ['caseloads', 'formatLine'], ['home', 'hello'], ['formats'], ['home'], ['resilience', 'usages', 'could-use']]);
  });

  it('ignores literals of no group and bare group names (a query key, a route)', () => {
    expect(keyPaths(`["library"];"index.html";'/library/x';"sessions.x"`, groups)).toEqual([]);
  });

  it('picks a message with its plural forms, or a subtree whole, without touching the catalogue', () => {
    const messages = { home: { count_one: '1 ding', count_other: '{{count}} dingen', counter: 'x', title: 'Thuis', card: { a: 'A', b: 'B' } }, library: { edit: 'Bewerk' } };
    const before = JSON.stringify(messages);
    expect(pick(messages, [['home', 'count'], ['home', 'card', 'a']])).toEqual({ home: { count_one: '1 ding', count_other: '{{count}} dingen', card: { a: 'A' } } });
    expect(pick(messages, [['home', 'card'], ['home', 'card', 'b'], ['library']])).toEqual({ home: { card: { a: 'A', b: 'B' } }, library: { edit: 'Bewerk' } });
    expect(pick(messages, [['home', 'nothing', 'here'], ['nope']])).toEqual({});
    expect(JSON.stringify(messages)).toBe(before);
  });
});

describe('message parts: the split of a build', () => {
  const chunk = (fileName: string, code: string, imports: string[] = [], dynamicImports: string[] = [], isEntry = false): ChunkInfo => ({ fileName, code, imports, dynamicImports, isEntry });

  it('puts the keys the entry reaches (not through a page) into the shell, and a page’s own keys into its part', () => {
    const chunks = [
      chunk('entry.js', `t('nav.home');t('resilience.navTitle')`, ['shared.js'], ['home.js', 'map.js', 'field.js'], true),
      chunk('shared.js', `t('library.shared')`),
      chunk('field.js', `t('formats.date')`),
      chunk('home.js', `t('home.title');t('library.edit')`, ['shared.js', 'card.js'], ['lazy-chart.js']),
      chunk('card.js', `t('caseloads.card')`),
      chunk('lazy-chart.js', `t('errors.chart')`),
      chunk('map.js', `t('resilience.map')`, ['home.js']),
    ];
    const { shell, pages } = split(chunks, new Set(['home.js', 'map.js']), groups);
    expect(shell).toEqual(expect.arrayContaining([['app'], ['nav'], ['roles'], ['resilience', 'navTitle'], ['library', 'shared'], ['formats', 'date']]));
    expect(shell.some((p) => p[0] === 'home' || p[0] === 'caseloads' || p[0] === 'errors')).toBe(false);
    // The page's own code, what it imports statically or loads lazily; not the shell's shared code.
    expect(pages.get('home.js')).toEqual([['home', 'title'], ['library', 'edit'], ['caseloads', 'card'], ['errors', 'chart']]);
    // A page that imports another page's module statically uses that module's keys too.
    expect(pages.get('map.js')).toEqual([['resilience', 'map'], ['home', 'title'], ['library', 'edit'], ['caseloads', 'card'], ['errors', 'chart']]);
  });
});
