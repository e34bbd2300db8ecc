// ESLint flat config: typescript-eslint's recommended rules, plus the layer boundaries of src/ (README,
// "Architecture"): imports flow cli → app → io/reporters → core, never back.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** `no-restricted-imports` patterns for the folders a layer must not reach. */
const forbid = (layer, folders, extra = []) => ({
  files: [`src/${layer}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...folders.map((folder) => ({
            group: [`**/${folder}/*`, `**/${folder}/**`, `**/${folder}.js`],
            message: `src/${layer} must not import from src/${folder} (see README, "Architecture").`,
          })),
          ...extra,
        ],
      },
    ],
  },
});

/** What keeps the core pure: no disk, processes, terminal or argument parsing. */
const IMPURE = [
  {
    group: [
      'node:fs',
      'node:fs/*',
      'node:child_process',
      'node:process',
      'node:os',
      'node:readline',
      'fs',
      'child_process',
    ],
    message: 'src/core is pure: do file and process work in src/io.',
  },
  {
    group: ['chalk', 'commander', 'cli-progress'],
    message: 'src/core is pure: terminal work belongs to src/cli and src/reporters.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**', 'catalogs/**', 'templates/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        structuredClone: 'readonly',
        document: 'readonly',
        window: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  forbid('core', ['io', 'app', 'cli', 'reporters', 'i18n'], IMPURE),
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/core is pure: pass what it needs in.' },
        { name: 'console', message: 'src/core does not print.' },
      ],
    },
  },
  forbid('io', ['app', 'cli', 'reporters']),
  forbid('reporters', ['io', 'cli']),
  forbid('app', ['cli']),
  forbid('i18n', ['io', 'app', 'cli', 'reporters']),
  {
    // Tests, benchmarks and scripts may print and reach every layer.
    files: ['test/**', 'bench/**', 'scripts/**', '*.config.*'],
    rules: { 'no-console': 'off', 'no-control-regex': 'off' },
  },
  prettier,
);
