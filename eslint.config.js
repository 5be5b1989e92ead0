// ESLint: typescript-eslint strict-ish rules, React hooks for the UI, and the
// architectural boundaries: the pure core (lang, engine, server) may not import
// Node, DOM-only or worker modules, nor the adapters (runtime, cli, ui).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const coreBoundary = {
  patterns: [
    {
      group: ['node:*', 'fs', 'path', 'os', 'worker_threads', 'child_process'],
      message: 'The core is pure: no Node APIs.',
    },
    {
      group: ['react', 'react-dom', 'comlink', 'zustand', 'monaco-editor'],
      message: 'The core is pure: no UI or transport libraries.',
    },
    {
      group: ['**/runtime/**', '**/cli/**', '**/ui/**'],
      message: 'The core may not depend on its adapters.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-web/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  {
    files: ['bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', URL: 'readonly' } },
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: [
      'src/lang/**/*.ts',
      'src/engine/**/*.ts',
      'src/server/**/*.ts',
      'src/share/**/*.ts',
      'src/demos/**/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', coreBoundary] },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
