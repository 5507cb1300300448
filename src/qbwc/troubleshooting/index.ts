// The troubleshooting catalogue: its entries (entries.ts), the anchors support may link
// (anchors.ts), and finding an entry by code or message (lookup.ts).
export {TROUBLESHOOTING_PATH} from '../troubleshooting-path';
export {troubleshootingEntries, type TroubleshootingEntry} from './entries';
export {
  anchorForScenario,
  commonTroubleshootingIds,
  keptAnchors,
  supportAnchors,
  troubleshootingSections,
  type ConnectionScenario,
} from './anchors';
export {commonTroubleshootingEntries, findTroubleshootingEntry, normalizeSearchQuery, troubleshootingHref} from './lookup';
