import {createHash} from 'node:crypto';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi;

/** base64 SHA-256 of every distinct inline script in the HTML pages under `dir` (for the CSP). */
export function inlineScriptHashes(dir: string): string[] {
  const hashes = new Set<string>();
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, {withFileTypes: true})) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'assets') visit(path);
      } else if (entry.name.endsWith('.html')) {
        for (const match of readFileSync(path, 'utf8').matchAll(INLINE_SCRIPT)) {
          if (match[1]!.trim() !== '') hashes.add(createHash('sha256').update(match[1]!, 'utf8').digest('base64'));
        }
      }
    }
  };
  visit(dir);
  return [...hashes].sort();
}
