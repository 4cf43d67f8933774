// Entry of a triage worker thread (./pool.ts). A new thread does not inherit the TypeScript
// loader of whatever started the process (tsx, jest), so it registers tsx itself.
require('tsx/cjs/api').register();
module.exports = require('./thread.ts');
