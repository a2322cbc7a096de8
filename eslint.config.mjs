// ESLint for the front end's TypeScript (frontend/**/*.ts; the generated files are Vaadin's). The linter and its
// plugins are pinned in tools/eslint/package.json (kept apart from the package.json Vaadin manages); .ci/run does
//   npm ci --prefix tools/eslint && tools/eslint/node_modules/.bin/eslint frontend
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const tools = createRequire(new URL('./tools/eslint/package.json', import.meta.url));
const load = async (name) => (await import(pathToFileURL(tools.resolve(name)).href)).default;
const js = await load('@eslint/js');
const tseslint = await load('typescript-eslint');

export default tseslint.config(
  { ignores: ['frontend/generated/**'] },
  {
    files: ['frontend/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.strict],
  },
);
