// Lint guards the architecture, not only style: the domain stays pure, layers import downwards only.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const layerBan = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      // The architecture test lints probe files that exist only in memory (test/api/architecture.test.ts).
      parserOptions: {
        projectService: { allowDefaultProject: ['src/*/zz-architecture-probe.ts', 'src/*/*/zz-architecture-probe.ts', 'src/*/*/*/*/zz-architecture-probe.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      // Prettier wraps code at 160 columns (.prettierrc.json); this holds comments to it too. Long strings may run on.
      'max-len': ['error', { code: 160, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': layerBan([
        {
          group: ['**/infrastructure/**', '**/application/**'],
          message: 'The domain is pure: take what you need as a parameter instead of importing infrastructure or use cases.',
        },
        {
          group: ['**/http/**', 'fastify', '@fastify/*'],
          message: 'The domain knows nothing of HTTP: return a typed refusal ({ ok: false, error }) and let src/http map it.',
        },
        { group: ['react', 'react-dom', '@mantine/*', '**/web/**'], message: 'The domain is shared with the web app, never the other way round.' },
        { group: ['**/config/**'], message: 'Pass configuration values in as parameters; only src/config/env.ts reads the environment.' },
        { group: ['kysely', 'pg', '@electric-sql/*', 'node:fs', 'node:net', 'node:http'], message: 'No I/O in the domain.' },
      ]),
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Only src/config/env.ts reads process.env.' }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'No I/O in the domain.' }],
    },
  },
  {
    files: ['src/infrastructure/**/*.ts'],
    rules: {
      'no-restricted-imports': layerBan([
        {
          group: ['**/application/**'],
          message: 'Infrastructure is called by use cases, not the other way round: move the orchestration into src/application.',
        },
        { group: ['**/http/**', 'fastify', '@fastify/*'], message: 'Infrastructure knows nothing of HTTP routes.' },
        { group: ['react', 'react-dom', '@mantine/*', '**/web/**'], message: 'Infrastructure does not depend on the web app.' },
      ]),
    },
  },
  {
    files: ['src/application/**/*.ts'],
    rules: {
      'no-restricted-imports': layerBan([
        { group: ['**/http/**', 'fastify', '@fastify/*'], message: 'Use cases return Result values; src/http turns them into responses.' },
        { group: ['react', 'react-dom', '@mantine/*', '**/web/**'], message: 'Use cases do not depend on the web app.' },
      ]),
    },
  },
  {
    // The wire's shapes: zod schemas built from the domain's vocabulary, shared by routes, use cases and the web app.
    files: ['src/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': layerBan([
        {
          group: ['**/infrastructure/**', '**/application/**', '**/http/**', '**/web/**', '**/config/**'],
          message: 'The contract holds only shapes: zod and the domain, nothing that runs.',
        },
        {
          group: ['kysely', 'pg', 'fastify', '@fastify/*', 'react', 'node:*'],
          message: 'The contract holds only shapes: zod and the domain, nothing that runs.',
        },
      ]),
    },
  },
  {
    // Routes are thin: parse, call a use case, reply. The database is the use cases' business (issue 16).
    files: ['src/http/routes/**/*.ts'],
    rules: {
      'no-restricted-imports': layerBan([
        {
          group: ['kysely', 'pg', '@electric-sql/*', '**/infrastructure/db/**'],
          message: 'Routes do not query the database: call a use case in src/application.',
        },
        {
          group: ['**/infrastructure/pdf/**', '**/infrastructure/catalogue-xlsx*', 'exceljs', 'pdfkit'],
          message: 'Routes do not draw documents: a use case returns a DocumentFile (src/application/document-file.ts) and the route sends it.',
        },
        {
          group: ['**/infrastructure/**'],
          message:
            'Routes know use cases and the ports they declare (src/application), never an adapter: the composition root (src/bootstrap.ts) wires adapters in.',
        },
      ]),
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='db'][object.property.name='deps']",
          message: 'Routes do not query the database: call a use case in src/application.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/config/env.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through src/config/env.ts (loadConfig).' }],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': layerBan([
        {
          group: ['**/infrastructure/**', '**/application/**', '**/http/**', '**/config/**', 'fastify', 'kysely', 'pg'],
          message: 'The web app talks to the server through /api/v1 only; it may share src/domain.',
        },
      ]),
    },
  },
  {
    // The web app's API client is typed from src/contract (issue 16): no wire shape is restated by hand, so a change
    // of a route's shape is a type error in the browser code. Contract imports are type-only: zod stays on the server.
    files: ['src/web/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/contract/**'],
              allowTypeImports: true,
              message: 'Import the contract with `import type`: the browser bundle carries no zod. Shared values live in src/domain.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/features/*/api/**/*.ts', 'src/web/shared/*-api.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSInterfaceDeclaration',
          message: 'A wire shape is not written by hand in the web app: import its type from src/contract (z.infer / z.input).',
        },
        { selector: 'TSTypeLiteral', message: 'A wire shape is not written by hand in the web app: import its type from src/contract (z.infer / z.input).' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { ...globals.node } },
  },
);
