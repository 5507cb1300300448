// Pushes one Algolia record per page section of the production build (npm run search:push).
// Needs ALGOLIA_APP_ID, ALGOLIA_ADMIN_API_KEY and ALGOLIA_INDEX_NAME; `--dry-run` only counts.
import {readFileSync, existsSync} from 'node:fs';
import {join, relative, sep} from 'node:path';
import {algoliasearch} from 'algoliasearch';
import {XMLParser} from 'fast-xml-parser';
import {assertPushable, extractSectionRecords, withCodeSpellings, type SectionRecord} from './search/section-records';
import {TROUBLESHOOTING_PATH, troubleshootingEntries} from '../src/qbwc/troubleshooting';

const buildDir = join(__dirname, '..', 'build');
const dryRun = process.argv.includes('--dry-run');

function categoryOf(path: string): string {
  if (path.startsWith('/docs/troubleshooting')) return 'Troubleshooting';
  if (path.startsWith('/docs/tools')) return 'Tools';
  if (path.startsWith('/docs/reference')) return 'Reference';
  if (path.startsWith('/updates')) return 'Updates';
  return 'Guides';
}

function htmlFileFor(path: string): string | null {
  const candidates = [join(buildDir, `${path}.html`), join(buildDir, path, 'index.html')];
  return candidates.find((file) => existsSync(file)) ?? null;
}

function collectRecords(): SectionRecord[] {
  const sitemap = join(buildDir, 'sitemap.xml');
  if (!existsSync(sitemap)) throw new Error('No production build found: run "npm run build" first.');
  const parsed = new XMLParser({isArray: (name) => name === 'url'}).parse(readFileSync(sitemap, 'utf8')) as {
    urlset: {url: {loc: string}[]};
  };
  const records: SectionRecord[] = [];
  let troubleshootingUrl = '';
  for (const {loc} of parsed.urlset.url) {
    const path = new URL(loc).pathname;
    if (path === TROUBLESHOOTING_PATH) troubleshootingUrl = loc;
    const file = htmlFileFor(path);
    if (!file) continue;
    records.push(...extractSectionRecords(readFileSync(file, 'utf8'), loc, categoryOf(path)));
  }
  return withCodeSpellings(records, troubleshootingEntries, troubleshootingUrl);
}

async function main(): Promise<void> {
  const records = collectRecords();
  assertPushable(records);
  const pages = new Set(records.map((r) => r.url_without_anchor)).size;
  console.log(`${records.length} section records from ${pages} pages in ${relative(process.cwd(), buildDir) || '.'}${sep}`);
  if (dryRun) {
    console.log(JSON.stringify(records.find((r) => r.anchor === 'qbwc1039') ?? records[0], null, 2));
    return;
  }
  const {ALGOLIA_APP_ID: appId, ALGOLIA_ADMIN_API_KEY: apiKey, ALGOLIA_INDEX_NAME: indexName} = process.env;
  if (!appId || !apiKey || !indexName) {
    console.error('Set ALGOLIA_APP_ID, ALGOLIA_ADMIN_API_KEY and ALGOLIA_INDEX_NAME (or pass --dry-run).');
    process.exit(1);
  }
  const client = algoliasearch(appId, apiKey);
  await client.setSettings({
    indexName,
    indexSettings: {
      searchableAttributes: [
        'unordered(hierarchy.lvl0)',
        'unordered(hierarchy.lvl1)',
        'unordered(hierarchy.lvl2)',
        'unordered(hierarchy.lvl3)',
        'unordered(keywords)',
        'content',
      ],
      attributesForFaceting: ['type'],
      distinct: true,
      attributeForDistinct: 'url',
    },
  });
  await client.replaceAllObjects({indexName, objects: records as unknown as Record<string, unknown>[]});
  console.log(`Pushed ${records.length} records to ${indexName}.`);
}

main().catch((error: unknown) => {
  console.error(`search:push failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
