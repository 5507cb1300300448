/**
 * Every anchor ever published: the union of tests/anchors.snapshot.json as it is now and as every
 * commit in the history (of HEAD, main and origin/main) recorded it. Deleting an anchor together
 * with its snapshot line therefore still fails the test, as long as the clone has its history.
 */
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';

export const SNAPSHOT_PATH = 'tests/anchors.snapshot.json';

export interface Anchor {
  path: string;
  id: string;
}

export const keyOf = (a: Anchor): string => `${a.path}#${a.id}`;

export interface PublishedAnchors {
  keys: Set<string>;
  /** How many committed versions of the snapshot were read (0 without git history). */
  versions: number;
  /** Why history could not be read, or is incomplete, when that is so. */
  note?: string;
}

function git(repo: string, args: string[]): string | null {
  try {
    return execFileSync('git', args, {cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']});
  } catch {
    return null;
  }
}

function parse(text: string): Anchor[] {
  const value = JSON.parse(text) as unknown;
  return Array.isArray(value) ? (value as Anchor[]) : [];
}

export function publishedAnchors(repo: string): PublishedAnchors {
  const keys = new Set<string>();
  const file = join(repo, SNAPSHOT_PATH);
  if (existsSync(file)) for (const anchor of parse(readFileSync(file, 'utf8'))) keys.add(keyOf(anchor));

  const refs = ['HEAD', 'main', 'origin/main'].filter((ref) =>
    git(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]),
  );
  if (refs.length === 0) return {keys, versions: 0, note: 'not a git clone: only the snapshot file itself is compared'};
  const commits = (git(repo, ['log', '--format=%H', ...refs, '--', SNAPSHOT_PATH]) ?? '').split('\n').filter(Boolean);
  let versions = 0;
  for (const commit of commits) {
    const text = git(repo, ['show', `${commit}:${SNAPSHOT_PATH}`]);
    if (text === null) continue; // the commit that deleted the file
    versions++;
    for (const anchor of parse(text)) keys.add(keyOf(anchor));
  }
  const shallow = git(repo, ['rev-parse', '--is-shallow-repository'])?.trim() === 'true';
  return {
    keys,
    versions,
    note: shallow
      ? 'shallow clone: only the history present is compared (clone with full history, e.g. fetch-depth: 0)'
      : undefined,
  };
}
