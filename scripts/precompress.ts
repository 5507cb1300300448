// Part of `npm run build`: writes Brotli and gzip copies of the build's text files (see src/endpoint/node-precompress.ts).
import {precompressBuild} from '../src/endpoint/node-precompress';

async function main(dir: string): Promise<void> {
  const started = performance.now();
  const {files, bytes, brotliBytes, gzipBytes} = await precompressBuild(dir);
  const kB = (n: number) => (n / 1024).toFixed(0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Precompressed ${files} files in ${dir}: ${kB(bytes)} kB, Brotli ${kB(brotliBytes)} kB, gzip ${kB(gzipBytes)} kB (${seconds} s).`,
  );
}

main(process.argv[2] ?? 'build').catch((error: unknown) => {
  console.error(`Could not precompress the build: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
