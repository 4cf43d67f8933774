// Offline advisory check: every installed copy of a package listed in dependency-floors.json must
// satisfy its range. A runtime dependency below its floor fails CI; a dev-only one is a warning
// (it never ships), so the run still says what to bump.
import fs from 'node:fs';
import semver from 'semver';

const { floors } = JSON.parse(fs.readFileSync(new URL('./dependency-floors.json', import.meta.url), 'utf8'));
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')).packages;
let failed = 0;
for (const f of floors) {
  const copies = Object.entries(lock).filter(([p]) => p === `node_modules/${f.package}` || p.endsWith(`/node_modules/${f.package}`));
  for (const [where, info] of copies) {
    if (semver.satisfies(info.version, f.range)) continue;
    const runtime = !info.dev;
    if (runtime) failed++;
    console.log(`${runtime ? 'BELOW FLOOR' : 'below floor (dev only)'}: ${f.package}@${info.version} at ${where} — needs ${f.range}: ${f.advisory}`);
  }
}
console.log(`dependency floors: ${floors.length} packages checked, ${failed} runtime package(s) below their floor`);
process.exit(failed ? 1 : 0);
