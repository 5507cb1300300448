import {readdir, readFile, stat, writeFile} from 'node:fs/promises';
import {extname, join} from 'node:path';
import {promisify} from 'node:util';
import {brotliCompress, constants, gzip} from 'node:zlib';

/**
 * Compressing a production build once, at the best ratio, instead of on every request.
 *
 * Beside each text asset it writes `name.br` (Brotli at quality 11) and `name.gz` (gzip at level 9);
 * the Node server's static handler (sirv) sends one of those when the browser accepts it, and
 * compresses on the fly (Brotli quality 4) only what has no such copy. Quality 11 is too slow to
 * run per request but makes the framework bundle about 15% smaller than quality 4 does, and on a
 * phone's connection those bytes are the page's wait.
 */

/** Files smaller than this are sent as they are: compressing them gains less than the header costs. */
export const MIN_COMPRESSED_BYTES = 1024;

/** The text types a build holds; images other than SVG and fonts are compressed already. */
export const PRECOMPRESSED_EXTENSIONS: ReadonlySet<string> = new Set([
  '.html',
  '.js',
  '.css',
  '.json',
  '.svg',
  '.xml',
  '.txt',
  '.md',
]);

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export interface PrecompressResult {
  files: number;
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
}

async function* textFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* textFiles(path);
    else if (entry.isFile() && PRECOMPRESSED_EXTENSIONS.has(extname(entry.name))) yield path;
  }
}

/** Writes a .br and a .gz copy beside every text file of the build of at least MIN_COMPRESSED_BYTES. */
export async function precompressBuild(buildDir: string): Promise<PrecompressResult> {
  const result: PrecompressResult = {files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0};
  const jobs: Promise<void>[] = [];
  for await (const path of textFiles(buildDir)) {
    if ((await stat(path)).size < MIN_COMPRESSED_BYTES) continue;
    jobs.push(
      (async () => {
        const body = await readFile(path);
        const [br, gz] = await Promise.all([
          brotli(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          }),
          gzipAsync(body, {level: constants.Z_BEST_COMPRESSION}),
        ]);
        await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
        result.files++;
        result.bytes += body.length;
        result.brotliBytes += br.length;
        result.gzipBytes += gz.length;
      })(),
    );
  }
  await Promise.all(jobs);
  return result;
}
