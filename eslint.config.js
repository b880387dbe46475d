// Lint enforces the architecture (docs/ARCHITECTURE.md): the domain is pure, imports flow one
// way (domain ← contracts ← server / web / cli), and type-aware rules catch floating promises
// and non-exhaustive switches. Zero warnings allowed (npm run lint).
import path from 'node:path';
import tseslint from 'typescript-eslint';

const restrict = (patterns, message) => ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }];

// Module faces (ADR 0008): a server module's files are private to it; other code imports only its
// face, `src/server/modules/<context>/public.ts`. The composition root (app.ts, main.ts,
// job-handlers.ts) may also import each module's routes.ts. Tests may import anything.
const MODULES = path.join(import.meta.dirname, 'src/server/modules') + path.sep;
const COMPOSITION_ROOT = ['app.ts', 'main.ts', 'job-handlers.ts'].map((f) => path.join(import.meta.dirname, 'src/server', f));
const moduleFaces = {
  meta: { type: 'problem', schema: [], messages: { internal: "'{{source}}' is private to the {{module}} module: import '{{module}}/public' (its face) instead — ADR 0008." } },
  create(context) {
    const file = context.filename;
    const own = file.startsWith(MODULES) ? file.slice(MODULES.length).split(path.sep)[0] : null;
    const check = (node) => {
      const source = node.source && typeof node.source.value === 'string' ? node.source.value : null;
      if (!source || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source);
      if (!target.startsWith(MODULES)) return;
      const [module, ...rest] = target.slice(MODULES.length).split(path.sep);
      const inner = rest.join('/').replace(/\.ts$/, '');
      if (module === own || inner === 'public') return;
      if (inner === 'routes' && COMPOSITION_ROOT.includes(file)) return;
      context.report({ node: node.source, messageId: 'internal', data: { source, module } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

// Web features never import each other's files: a feature is composed with others in src/web/app/
// (as bulletproof-react does), and what several features share lives in src/web/components/.
const WEB_FEATURES = path.join(import.meta.dirname, 'src', 'web', 'features');
const featureOf = (file) => {
  const relative = path.relative(WEB_FEATURES, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? null : relative.split(path.sep)[0];
};
const webFeatures = {
  rules: {
    'no-cross-feature-imports': {
      meta: {
        type: 'problem',
        schema: [],
        messages: {
          crossFeature:
            "Feature '{{own}}' imports feature '{{target}}': features never import each other. Compose them in src/web/app/, or move what they share to src/web/components/.",
        },
      },
      create(context) {
        const own = featureOf(context.filename);
        const check = (node) => {
          const source = node.source && node.source.type === 'Literal' ? node.source.value : null;
          if (!own || typeof source !== 'string' || !source.startsWith('.')) return;
          const target = featureOf(path.resolve(path.dirname(context.filename), source));
          if (target && target !== own) context.report({ node: node.source, messageId: 'crossFeature', data: { own, target } });
        };
        return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
      },
    },
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', '.tmp/', 'drizzle/', 'coverage/', 'build/'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Fastify plugins and route loaders are async by contract, with or without an await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['**/server/**', '**/web/**', '**/cli/**', '**/contracts/**', 'fastify*', 'drizzle-orm*', 'pg', '@electric-sql/*', 'react*', 'node:fs*', 'node:net', 'node:http*'],
        'The domain is pure: no I/O, no framework, no database, no outer layer.',
      ),
    },
  },
  {
    files: ['src/contracts/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(['**/server/**', '**/web/**', '**/cli/**'], 'Contracts depend only on the domain.') },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(['**/server/**', '**/cli/**', 'drizzle-orm*', 'pg', 'fastify*'], 'The web client talks to the server over HTTP only.'),
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(['**/web/**', '**/cli/**'], 'The server does not import the web client or the CLI.') },
  },
  {
    files: ['src/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['**/*.test.ts'],
    plugins: { peerkracht: { rules: { 'module-faces': moduleFaces } } },
    rules: { 'peerkracht/module-faces': 'error' },
  },
  {
    // Dates and times on screen: Amsterdam time, the chosen language, no seconds — src/web/format.ts.
    files: ['src/web/**/*.{ts,tsx}'],
    ignores: ['src/web/format.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^toLocale(Date|Time)String$/]", message: 'Format dates with src/web/format.ts (Amsterdam time, the chosen language).' },
        { selector: "CallExpression[callee.property.name='toLocaleString'][callee.object.type='NewExpression'][callee.object.callee.name='Date']", message: 'Format dates with src/web/format.ts (Amsterdam time, the chosen language).' },
        { selector: "NewExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']", message: 'Format dates with src/web/format.ts (Amsterdam time, the chosen language).' },
      ],
    },
  },
  {
    files: ['src/web/features/**/*.{ts,tsx}'],
    plugins: { 'web-features': webFeatures },
    rules: { 'web-features/no-cross-feature-imports': 'error' },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
