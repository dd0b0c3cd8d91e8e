import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layout of src/ (bulletproof-react): app/ composes the features; each features/<name>/ owns its api, components
// and lib; components/, hooks/ and lib/ are shared by all. Imports flow one way — app -> features -> shared — and
// a feature never reaches into another feature: what two features need moves to the shared folders.
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const appOnly = { group: ['@/app/*', '@/app'], message: 'only main.tsx mounts the app shell; nothing imports from src/app.' };
const noFeatures = {
  group: ['@/features/*', '**/features/*'],
  message: 'shared code (components, hooks, lib) must not depend on a feature: move what both need into the shared folders.',
};

const featureBoundaries = features.map((feature) => ({
  files: [`src/features/${feature}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          appOnly,
          {
            group: ['@/features/*', `!@/features/${feature}`],
            message: `features do not import each other (${feature} may import only @/features/${feature}/... and the shared folders).`,
          },
          {
            group: ['../../*'],
            message: 'leave a feature through @/components, @/hooks or @/lib, not a relative path into another folder.',
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', '.e2e'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Unused names are already compile errors (noUnusedLocals/noUnusedParameters in tsconfig); `_` marks one kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The rules of hooks for the app's React code (e2e/ is Playwright, whose fixtures call a `use` that is not React's).
    // The plugin's other recommended rules judge code for the React Compiler, which this build does not use.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/components/**/*.{ts,tsx}', 'src/hooks/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}', 'src/testing/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [appOnly, noFeatures] }] },
  },
  ...featureBoundaries,
);
