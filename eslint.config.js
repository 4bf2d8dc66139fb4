// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // The core never prints: it gets an injected logger or returns replies.
    files: ['src/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@slack/*', 'discord.js', '@discordjs/*'], message: 'src/ is platform-free: chat SDKs belong in adapters/.' },
          { group: ['**/adapters/**', '../adapters/*', '../../adapters/*'], message: 'src/ must not depend on adapters/.' },
        ],
      }],
    },
  },
  {
    files: ['src/config/**/*.ts'],
    rules: {},
  },
);
