// Entry of the embedded database's thread (./pglite-in-thread.ts) when running from TypeScript:
// a new thread does not inherit the loader of whatever started the process, so it registers tsx.
require('tsx/cjs/api').register();
require('./pglite-thread.ts');
