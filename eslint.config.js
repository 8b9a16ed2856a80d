import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import testingLibrary from 'eslint-plugin-testing-library';
import jestDom from 'eslint-plugin-jest-dom';
import playwright from 'eslint-plugin-playwright';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** Modules that must stay framework-free (architecture.md: one-way deps). */
const frameworkFree = ['react', 'react-dom', 'zustand', 'react-*'];
const appLayers = [
  '@/app/*',
  '@/features/*',
  '@/store/*',
  '@/storage/*',
  '@/components/*',
];

const restrict = (patterns, message) => ({
  'no-restricted-imports': [
    'error',
    { patterns: [{ group: patterns, message }] },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'dist',
      'coverage',
      'playwright-report',
      'test-results',
      'bench-results',
      'public',
    ],
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [
      js.configs.recommended,
      ...tseslint.configs.recommendedTypeChecked,
    ],
    languageOptions: {
      ecmaVersion: 2023,
      globals: { ...globals.browser },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: {
      'react-hooks': reactHooks,
      'react-refresh': reactRefresh,
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': [
        'warn',
        { allowConstantExport: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  // Boundaries: api, results and emulator import nothing of the app.
  {
    files: ['src/api/**/*.ts', 'src/results/**/*.ts', 'src/emulator/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      [...frameworkFree, ...appLayers],
      'api, results and emulator are framework-free and import nothing of the app.',
    ),
  },
  {
    files: ['src/storage/**/*.ts', 'src/lib/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      [...frameworkFree, ...appLayers, '@/emulator/*'],
      'storage and lib stay framework-free and know nothing of the UI.',
    ),
  },
  {
    files: ['src/store/**/*.{ts,tsx}'],
    ignores: ['**/*.test.*'],
    rules: restrict(
      ['@/app/*', '@/features/*', '@/components/*'],
      'stores do not import UI.',
    ),
  },
  {
    files: ['src/components/**/*.{ts,tsx}'],
    ignores: ['**/*.test.*'],
    rules: restrict(
      ['@/app/*', '@/features/*', '@/store/*', 'zustand'],
      'shared components are presentational.',
    ),
  },
  // zustand is wrapped: only src/store may import it.
  {
    files: ['src/features/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}'],
    rules: restrict(['zustand', 'zustand/*'], 'use the hooks from @/store.'),
  },
  // Features never import each other: each feature folder may only reach
  // its own files by relative path.
  ...[
    'upload',
    'pipelines',
    'runs',
    'compare',
    'history',
    'settings',
    'document',
  ].map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: restrict(
      ['zustand', 'zustand/*', '@/app/*', '@/features/*', '../../*'],
      `features never import each other; go through @/store or compose in @/app (${feature}).`,
    ),
  })),
  {
    files: ['**/*.test.tsx', 'test/dom/**/*.{ts,tsx}'],
    ...testingLibrary.configs['flat/react'],
  },
  {
    files: ['**/*.test.tsx', 'test/dom/**/*.{ts,tsx}'],
    ...jestDom.configs['flat/recommended'],
  },
  {
    files: ['test/e2e/**/*.ts'],
    ...playwright.configs['flat/recommended'],
  },
  {
    files: ['scripts/**/*.{ts,mjs,js}', '*.config.{ts,js}', 'test/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  prettier,
);
