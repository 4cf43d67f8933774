/**
 * Lint rules that keep the layers apart (run by `npm run lint` and by .ci/run after the type
 * check). The HTTP and socket layer (src/server) parses, asks a policy, calls one command or
 * query and presents: it never queries the database itself, so neither drizzle nor src/db may be
 * imported there, not even as types (take `Context['db']` or the narrow shape you need).
 */
import tseslint from 'typescript-eslint';

const databaseImports = {
  patterns: [
    { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'Routes and sockets do not query: call a command or query in a domain folder under src/ (README, "How a route is written").' },
    { group: ['**/db', '**/db/*'], message: 'Routes and sockets do not reach src/db: call a command or query in a domain folder under src/.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**'] },
  {
    files: ['src/server/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: { '@typescript-eslint/no-restricted-imports': ['error', databaseImports] },
  },
);
