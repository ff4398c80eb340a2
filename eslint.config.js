// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'cdk.out/', 'coverage/', '.crmflow/', 'docs/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests build deliberately broken inputs; typing each wrong shape would only hide what is broken.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // lib/core is the pure domain: no clock reads, no I/O, nothing of ours from outside it.
    files: ['lib/core/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'lib/core is pure: pass time in.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'lib/core is pure: pass time in.',
        },
        {
          selector: "CallExpression[callee.object.name='DateTime'][callee.property.name='now']",
          message: 'lib/core is pure: pass time in.',
        },
        {
          selector: "CallExpression[callee.object.name='DateTime'][callee.property.name='local'][arguments.length=0]",
          message: 'lib/core is pure: pass time in.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../lib/*', '../aws/*', '../crm/*', '../local/*', '../infra/*', '../../functions/*'],
              message: 'lib/core imports nothing of ours outside lib/core.',
            },
            {
              group: [
                '@aws-sdk/*',
                'aws-cdk-lib',
                'aws-cdk-lib/*',
                'jsforce',
                '@hubspot/*',
                'node:http',
                'node:https',
                'node:fs',
                'node:fs/promises',
                'node:net',
              ],
              message: 'lib/core is pure: no AWS, no HTTP, no file system.',
            },
          ],
        },
      ],
    },
  },
);
