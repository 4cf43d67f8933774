// Entry of a cross-validation thread (./cross-validate.ts). A new thread does not inherit the
// TypeScript loader of whatever started the process (tsx, jest), so it registers tsx itself.
require('tsx/cjs/api').register();
require('./fold-thread.ts');
