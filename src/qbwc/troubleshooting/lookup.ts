/** Finding an entry: by id, by code however it is written, or by a message a user pasted. */
import {canonicalCode, normalizeCodesInQuery} from '../code-spellings';
import {TROUBLESHOOTING_PATH} from '../troubleshooting-path';
import {commonTroubleshootingIds} from './anchors';
import {troubleshootingEntries, type TroubleshootingEntry} from './entries';

const entriesById = new Map(troubleshootingEntries.map((e) => [e.id, e]));

/** The common entries themselves; an id the catalogue does not hold fails when this module loads. */
export const commonTroubleshootingEntries: readonly TroubleshootingEntry[] = commonTroubleshootingIds.map((id) => {
  const found = entriesById.get(id);
  if (!found) throw new Error(`commonTroubleshootingIds names "${id}", which is not in the catalogue.`);
  return found;
});

/** '/docs/troubleshooting#qbwc1039'. Throws on an id the catalogue does not hold, so a typo fails loudly. */
export function troubleshootingHref(id: string): string {
  if (!entriesById.has(id)) {
    throw new Error(`No troubleshooting entry has the id "${id}".`);
  }
  return `${TROUBLESHOOTING_PATH}#${id}`;
}

/** Lower case, straight quotes, single spaces, no trailing full stop: how pasted text is compared. */
function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.\s]+$/, '');
}

/** 'qbwc 1039', 'QBWC-1039', '1039' -> 'qbwc1039'; '80040408', '0X80040408' -> '0x80040408'; 'NVU' -> 'nvu'. */
function normalizeCode(text: string): string {
  return (canonicalCode(text) ?? text.trim().replace(/[\s_-]+/g, '')).toLowerCase();
}

/** Shortest pasted fragment that may match inside a longer message; shorter ones match far too much. */
const MIN_FRAGMENT_LENGTH = 4;

/**
 * The entry for a code ('QBWC1039', '80040408', 'nvu'), an entry id ('msg-404'), or a message a user
 * saw: the whole text, a longer paste that contains it, or a fragment of it. Case-insensitive.
 */
export function findTroubleshootingEntry(codeOrMessage: string): TroubleshootingEntry | undefined {
  const trimmed = codeOrMessage.trim().toLowerCase();
  if (trimmed === '') return undefined;
  const byId = entriesById.get(trimmed);
  if (byId) return byId;
  const code = normalizeCode(trimmed);
  const byCode = troubleshootingEntries.find((e) => e.codes.some((c) => normalizeCode(c) === code));
  if (byCode) return byCode;

  // A code quoted in a longer paste ("QBWC1042: Response is not well-formed XML") is the most specific clue.
  const quoted = /qbwc\s*-?\s*\d{4}|0x8004[0-9a-f]{4}/i.exec(codeOrMessage);
  if (quoted) {
    const quotedCode = normalizeCode(quoted[0]);
    const byQuoted = troubleshootingEntries.find((e) => e.codes.some((c) => normalizeCode(c) === quotedCode));
    if (byQuoted) return byQuoted;
  }

  const text = normalizeText(codeOrMessage);
  let best: {entry: TroubleshootingEntry; rank: number} | undefined;
  for (const e of troubleshootingEntries) {
    for (const message of e.messages.map(normalizeText)) {
      // Exact beats "the paste contains this message" (a longer message is more specific) beats "a fragment of it".
      let rank = -1;
      if (text === message) rank = Number.MAX_SAFE_INTEGER;
      else if (text.includes(message)) rank = 1000 + message.length;
      else if (text.length >= MIN_FRAGMENT_LENGTH && message.includes(text)) rank = 0;
      if (rank >= 0 && (!best || rank > best.rank)) best = {entry: e, rank};
    }
  }
  return best?.entry;
}

/** The QBWC and HRESULT codes the catalogue explains, in their printed form. */
const catalogueCodes: ReadonlySet<string> = new Set(
  troubleshootingEntries.flatMap((e) => e.codes.map(canonicalCode).filter((code): code is string => code !== undefined)),
);

/**
 * A search query with each catalogue code rewritten the way the pages print it ('qbwc 1039', 'QBWC-1039',
 * '1039' -> 'QBWC1039'; '80040400' -> '0x80040400'), for the local search, which matches whole words.
 */
export function normalizeSearchQuery(query: string): string {
  return normalizeCodesInQuery(query, catalogueCodes);
}
