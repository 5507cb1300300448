/**
 * What a person most likely meant when an address found no page. Kept apart from redirects.ts,
 * which a client module loads on every page: this one needs the whole catalogue, and only the
 * "page not found" page loads it.
 */
import {movedAnchors, movedAnchorTarget, type MovedAnchor} from './redirects';
import {
  findTroubleshootingEntry,
  troubleshootingEntries,
  keptAnchors,
  TROUBLESHOOTING_PATH,
  type TroubleshootingEntry,
} from './qbwc/troubleshooting';

const byId = (id: string): TroubleshootingEntry | undefined => troubleshootingEntries.find((entry) => entry.id === id);

/** Looks like a code people quote: QBWC1039, qbwc-1039, 0x80040408, 80040408. */
const CODE_SEGMENT = /^(?:qbwc[-_]?\d{4}|(?:0x)?8004[0-9a-f]{4})$/;

export interface SuggestedTarget {
  /** A path with hash, e.g. '/docs/troubleshooting#qbwc1039'. */
  href: string;
  /** The catalogue entry it lands on, when it is one (a moved anchor may lead to another page). */
  entry?: TroubleshootingEntry;
}

/**
 * For an address that found no page: the troubleshooting entry its last segment names, or
 * undefined. '/docs/qbwc1039' and '/docs/troubleshooting/QBWC1039' both mean
 * '/docs/troubleshooting#qbwc1039'; an entry id, a kept or moved anchor, or a code all count. The
 * "page not found" page offers it as a link ("Did you mean …"), never as a silent redirect.
 */
export function suggestedTroubleshootingTarget(
  path: string,
  moved: readonly MovedAnchor[] = movedAnchors,
): SuggestedTarget | undefined {
  let segment: string;
  try {
    segment = decodeURIComponent(
      path
        .replace(/[?#].*$/, '')
        .replace(/\/+$/, '')
        .split('/')
        .pop() ?? '',
    );
  } catch {
    return undefined;
  }
  const id = segment.replace(/\.html?$/i, '').toLowerCase();
  if (id === '') return undefined;
  const movedTarget = movedAnchorTarget(TROUBLESHOOTING_PATH, id, moved);
  if (movedTarget) {
    const [page, hash = ''] = movedTarget.split('#');
    const entry = page === TROUBLESHOOTING_PATH ? byId(hash) : undefined;
    return entry ? {href: movedTarget, entry} : {href: movedTarget};
  }
  const kept = keptAnchors.find((anchor) => anchor.id === id);
  const entry = byId(kept?.entryId ?? id) ?? (CODE_SEGMENT.test(id) ? findTroubleshootingEntry(id) : undefined);
  if (!entry) return undefined;
  // A kept anchor still exists on the page (a note at the top of the entry), so the old id is linked as it was.
  return {href: `${TROUBLESHOOTING_PATH}#${kept ? kept.id : entry.id}`, entry};
}
