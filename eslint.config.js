// @ts-check
import path from 'node:path';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Architecture rules of this project (docs/ARCHITECTURE.md), as two tiny local lint rules. */
const local = {
  rules: {
    // Only repositories (and table definitions, the db folder, the data-scope predicate builder) touch Drizzle.
    'drizzle-only-in-repositories': {
      meta: { type: 'problem', messages: { orm: 'Only *.repository.ts, *.table.ts and server/src/db may import drizzle-orm (STYLE.md habit 4).' } },
      create(context) {
        const file = context.filename.replaceAll('\\', '/');
        const allowed =
          /\.(repository|table)\.ts$/.test(file) ||
          file.includes('/server/src/db/') ||
          file.endsWith('/platform/data-scope/data-scope.ts') ||
          file.includes('/server/src/test/') ||
          file.includes('/bench/');
        return {
          ImportDeclaration(node) {
            if (!allowed && String(node.source.value).startsWith('drizzle-orm') && node.importKind !== 'type') {
              context.report({ node, messageId: 'orm' });
            }
          },
        };
      },
    },
    // A web feature never imports another feature (bulletproof-react); shared code lives in components/ or lib/.
    'no-cross-feature-imports': {
      meta: { type: 'problem', messages: { cross: 'Feature "{{from}}" must not import feature "{{to}}"; move shared code to components/ or lib/.' } },
      create(context) {
        const file = context.filename.replaceAll('\\', '/');
        const m = /\/web\/src\/features\/([^/]+)\//.exec(file);
        if (!m) return {};
        const from = m[1];
        return {
          ImportDeclaration(node) {
            const spec = String(node.source.value);
            const target = spec.startsWith('.') ? path.posix.resolve(path.posix.dirname(file), spec) : spec.startsWith('@/') ? `/web/src/${spec.slice(2)}` : '';
            const t = /\/web\/src\/features\/([^/]+)/.exec(target);
            if (t && t[1] !== from) context.report({ node, messageId: 'cross', data: { from, to: t[1] } });
          },
        };
      },
    },
  },
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', 'test-results/', 'playwright-report/', 'server/src/db/migrations/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { local },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'local/drizzle-only-in-repositories': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, local },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'local/no-cross-feature-imports': 'error',
    },
  },
);
