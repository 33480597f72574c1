import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'storybook-static/', 'node_modules/', 'custom-elements.json', 'data/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  litA11y.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='innerHTML']", message: 'User text is text: no innerHTML.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'User text is text.' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['lit/directives/unsafe-*'], message: 'User text is text: no unsafe directives.' }] },
      ],
    },
  },
  {
    // MemoryBackend may share the contract's pure functions, but never zod.
    files: ['src/testing/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'zod', message: 'src/ never imports zod.' }] }],
    },
  },
  {
    // chai's property assertions (`.to.be.true`) are expressions.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // Widgets and the data layer run in the browser: they may use the contract's types only, never zod.
    files: ['src/components/**', 'src/core/**'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['zod', '../server/*', '../../server/*'], message: 'src/ never imports zod or server/.' },
            {
              // rules.ts and problems.ts are zod-free: limits, fixed sets and problem types widgets need at run time.
              group: [
                '**/contract/*',
                '!**/contract/rules.js',
                '!**/contract/problems.js',
                '!**/contract/feedback-rules.js',
              ],
              allowTypeImports: true,
              message: 'Import the contract with `import type` (its zod-free limits come from contract/rules.js).',
            },
          ],
        },
      ],
    },
  },
);
