/**
 * The types of a .qwc file as the generator edits it and the parser reads it. The elements
 * themselves (names, rules, labels) are described once, in schema.ts.
 */

export type QbType = 'QBFS' | 'QBPOS';

export interface QwcScheduler {
  unit: 'minutes' | 'seconds';
  every: number;
}

/** One .qwc file. Required elements are strings (possibly empty); optional ones are absent when not set. */
export interface QwcModel {
  appName: string;
  appId: string;
  appUrl: string;
  appDescription: string;
  appSupport: string;
  userName: string;
  ownerId: string;
  fileId: string;
  /** A string, not QbType, so that a file's wrong value can be held and reported. */
  qbType: string;
  scheduler?: QwcScheduler;
  isReadOnly?: boolean;
  personalDataPref?: string;
  unattendedModePref?: string;
  authFlags?: string;
  notify?: boolean;
  appDisplayName?: string;
  appUniqueName?: string;
  certUrl?: string;
  style?: string;
}

export type QwcField = keyof QwcModel | 'document';

export interface QwcIssue {
  field: QwcField;
  severity: 'error' | 'warning';
  /** The rule in plain words, naming the value. */
  message: string;
  /** The Web Connector error the rule prevents, e.g. 'QBWC1010'. */
  code?: string;
  /** The troubleshooting anchor id that explains it, e.g. 'qbwc1010'. */
  anchor?: string;
  /** An automatic fix, offered only when applying it cannot change what the user meant. */
  fix?: Partial<QwcModel>;
}

export interface QwcParseResult {
  model: QwcModel | null;
  issues: QwcIssue[];
}
