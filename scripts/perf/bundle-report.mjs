// Reads build/bundle-stats.json (written by `PERF_STATS=1 npm run build`) and prints, for the main
// chunk (or the chunk named on the command line), how many bytes of source each package brings.
// Sizes are Rspack's module sizes before minification, so they rank the parts, not measure them.
import {existsSync, readFileSync} from 'node:fs';

const STATS = 'build/bundle-stats.json';
if (!existsSync(STATS)) {
  console.error(`No ${STATS}: run \`PERF_STATS=1 npm run build\` first.`);
  process.exit(1);
}
const stats = JSON.parse(readFileSync(STATS, 'utf8'));
const wanted = process.argv[2] ?? 'main';
const chunk = stats.chunks.find((c) => (c.names ?? []).includes(wanted) || String(c.id) === wanted);
if (!chunk) {
  console.error(`No chunk named or numbered ${wanted}.`);
  process.exit(1);
}

const flat = [];
const walk = (modules) => {
  for (const m of modules ?? []) {
    if (m.modules?.length) walk(m.modules);
    else if (m.name) flat.push(m);
  }
};
walk(chunk.modules);

/** Groups a module path by package, and by folder for the theme and core packages. */
function groupOf(name) {
  const match = name.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/);
  if (!match) return name.split('/').slice(0, 3).join('/');
  const [, pkg, rest] = match;
  if (/^@docusaurus\/|docusaurus-search-local/.test(pkg)) return `${pkg}/${rest.split('/').slice(0, 3).join('/')}`;
  return pkg;
}
const groups = new Map();
for (const m of flat) groups.set(groupOf(m.name), (groups.get(groupOf(m.name)) ?? 0) + m.size);
const total = flat.reduce((a, m) => a + m.size, 0);
console.log(
  `chunk ${chunk.id} (${(chunk.names ?? []).join(', ')}): ${chunk.files.join(', ')}; ${flat.length} modules, ${(total / 1024).toFixed(1)} kB of source`,
);
for (const [name, size] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[3] ?? 60))) {
  console.log(`${(size / 1024).toFixed(1).padStart(8)} kB  ${name}`);
}
