/**
 * The .qwc schema: one entry per element, in the order Intuit's samples write them. Validation,
 * building, parsing, share links and the generator's form all read this list; nothing else names
 * an element, a rule, an allowed value or a link parameter.
 */
import type {QwcModel} from './model';

/**
 * How much an element is required:
 * - 'value': the element must be present and hold a value (empty means the Web Connector refuses the file);
 * - 'element': the element must be present but may be empty;
 * - 'no': the element may be left out, and an empty one counts as not set.
 */
export type QwcRequirement = 'value' | 'element' | 'no';

/**
 * What the value is, which decides its control in the form and how it is read from XML:
 * plain text, an address, a braced GUID, one of `allowed`, hexadecimal flags, true/false, or the
 * Scheduler with its child element.
 */
export type QwcKind = 'text' | 'url' | 'guid' | 'choice' | 'flags' | 'boolean' | 'scheduler';

export interface QwcElement {
  field: keyof QwcModel;
  /** The XML element name, exactly as the Web Connector expects it (case-sensitive). */
  element: string;
  required: QwcRequirement;
  kind: QwcKind;
  /** For 'choice': the values the Web Connector accepts, exactly as written. */
  allowed?: readonly string[];
  /**
   * The query parameter a shared link uses for it. Short and stable: never rename one, old links
   * use them. The Scheduler's parameters are per unit (SCHEDULER_UNITS).
   */
  share?: string;
  /** Shown in the form's Advanced section. */
  advanced: boolean;
  label: string;
  help: string;
}

export const QWC_SCHEMA = [
  {
    field: 'appName',
    element: 'AppName',
    required: 'value',
    kind: 'text',
    share: 'n',
    advanced: false,
    label: 'App name',
    help: "The name shown in the Web Connector and in QuickBooks' list of integrated applications. The Web Connector also uses it to recognise the app when the file is added again.",
  },
  {
    field: 'appId',
    element: 'AppID',
    required: 'element',
    kind: 'text',
    share: 'id',
    advanced: true,
    label: 'App ID',
    help: 'Passed to QuickBooks when the connection opens. QuickBooks does little with it, and it is usually left empty; the element is still written.',
  },
  {
    field: 'appUrl',
    element: 'AppURL',
    required: 'value',
    kind: 'url',
    share: 'url',
    advanced: false,
    label: 'App URL',
    help: 'The address of your SOAP service. It must start with https:// (http:// only works for localhost) and use a host name, not an IP address.',
  },
  {
    field: 'appDescription',
    element: 'AppDescription',
    required: 'element',
    kind: 'text',
    share: 'd',
    advanced: false,
    label: 'Description',
    help: 'One short sentence shown under the app name and in the authorization dialog. 80 characters or fewer display in full.',
  },
  {
    field: 'appSupport',
    element: 'AppSupport',
    required: 'value',
    kind: 'url',
    share: 'sup',
    advanced: false,
    label: 'Support URL',
    help: 'A page about your app on the same domain as the App URL. The Web Connector opens it when the file is added and needs it to answer with HTTP 200.',
  },
  {
    field: 'userName',
    element: 'UserName',
    required: 'value',
    kind: 'text',
    share: 'user',
    advanced: false,
    label: 'User name',
    help: 'The user name the Web Connector sends to your service. The password is not in the file: the user types it into the Web Connector.',
  },
  {
    field: 'ownerId',
    element: 'OwnerID',
    required: 'value',
    kind: 'guid',
    share: 'owner',
    advanced: true,
    label: 'Owner ID',
    help: 'A GUID in braces that identifies your application. Keep the same one for every file you issue for this app.',
  },
  {
    field: 'fileId',
    element: 'FileID',
    required: 'value',
    kind: 'guid',
    share: 'file',
    advanced: true,
    label: 'File ID',
    help: 'A GUID in braces that the Web Connector stamps into the company file the first time it connects. Use a new one for each company file.',
  },
  {
    field: 'qbType',
    element: 'QBType',
    required: 'value',
    kind: 'choice',
    allowed: ['QBFS', 'QBPOS'],
    share: 't',
    advanced: false,
    label: 'QuickBooks type',
    help: 'QBFS for QuickBooks Desktop (Financial Software), QBPOS for QuickBooks Point of Sale.',
  },
  {
    field: 'style',
    element: 'Style',
    required: 'no',
    kind: 'choice',
    allowed: ['Document', 'DocWrapped', 'RPC'],
    share: 'style',
    advanced: true,
    label: 'SOAP style',
    help: 'How the Web Connector encodes its SOAP calls: Document (the default), DocWrapped or RPC. Leave it unset unless your SOAP toolkit needs another style.',
  },
  {
    field: 'authFlags',
    element: 'AuthFlags',
    required: 'no',
    kind: 'flags',
    share: 'af',
    advanced: true,
    label: 'Allowed editions',
    help: 'Which QuickBooks editions may connect, in hexadecimal: 0x1 Simple Start, 0x2 Pro, 0x4 Premier, 0x8 Enterprise, added together. 0xF (or leaving it unset) allows all.',
  },
  {
    field: 'scheduler',
    element: 'Scheduler',
    required: 'no',
    kind: 'scheduler',
    advanced: false,
    label: 'Run every',
    help: 'How often the Web Connector runs the app while Auto-Run is on. The user can change it. Intervals in seconds show as Real Time.',
  },
  {
    field: 'isReadOnly',
    element: 'IsReadOnly',
    required: 'no',
    kind: 'boolean',
    share: 'ro',
    advanced: true,
    label: 'Read-only access',
    help: 'true asks QuickBooks for read-only access; false (or unset) asks to read and write.',
  },
  {
    field: 'personalDataPref',
    element: 'PersonalDataPref',
    required: 'no',
    kind: 'choice',
    allowed: ['pdpNotNeeded', 'pdpOptional', 'pdpRequired'],
    share: 'pdp',
    advanced: true,
    label: 'Personal data',
    help: 'Whether the app needs personal data such as Social Security numbers: pdpNotNeeded, pdpOptional or pdpRequired.',
  },
  {
    field: 'unattendedModePref',
    element: 'UnattendedModePref',
    required: 'no',
    kind: 'choice',
    allowed: ['umpRequired', 'umpOptional'],
    share: 'ump',
    advanced: true,
    label: 'Unattended mode',
    help: 'Whether the app must run while QuickBooks is closed: umpRequired or umpOptional.',
  },
  {
    field: 'notify',
    element: 'Notify',
    required: 'no',
    kind: 'boolean',
    share: 'notify',
    advanced: true,
    label: 'Tray notifications',
    help: 'true shows a pop-up in the Windows notification area after each update; anything else keeps them off.',
  },
  {
    field: 'appDisplayName',
    element: 'AppDisplayName',
    required: 'no',
    kind: 'text',
    share: 'dn',
    advanced: true,
    label: 'Display name',
    help: 'A name shown in the Web Connector in place of the App name. Updates still match on the App name.',
  },
  {
    field: 'appUniqueName',
    element: 'AppUniqueName',
    required: 'no',
    kind: 'text',
    share: 'un',
    advanced: true,
    label: 'Unique name',
    help: 'When set, adding the file again replaces the app directly instead of asking whether to clone or replace it.',
  },
  {
    field: 'certUrl',
    element: 'CertURL',
    required: 'no',
    kind: 'url',
    share: 'cert',
    advanced: true,
    label: 'Certificate URL',
    help: 'Only when your certificate is served from another server than the App URL. It must not require a login (QBWC1048).',
  },
] as const satisfies readonly QwcElement[];

type SchemaEntry = (typeof QWC_SCHEMA)[number];

/** Fields whose value is a string in the model (everything but the Scheduler and the two booleans). */
export type QwcTextField = Exclude<SchemaEntry, {kind: 'boolean' | 'scheduler'}>['field'];
export type QwcBooleanField = Extract<SchemaEntry, {kind: 'boolean'}>['field'];
export type QwcChoiceField = Extract<SchemaEntry, {kind: 'choice'}>['field'];

// Every model field has exactly one entry: a field added to QwcModel without one fails to compile.
type Unlisted = Exclude<keyof QwcModel, SchemaEntry['field']>;
const everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFieldListed;

/** The Scheduler's two child elements, one per unit, with their share-link parameters. */
export const SCHEDULER_UNITS = [
  {unit: 'minutes', element: 'RunEveryNMinutes', share: 'min'},
  {unit: 'seconds', element: 'RunEveryNSeconds', share: 'sec'},
] as const satisfies readonly {unit: 'minutes' | 'seconds'; element: string; share: string}[];

export type SchedulerUnitEntry = (typeof SCHEDULER_UNITS)[number];

const BY_FIELD = new Map<keyof QwcModel, QwcElement>(QWC_SCHEMA.map((entry) => [entry.field, entry]));

/** The schema entry of a field. */
export function qwcElement(field: keyof QwcModel): QwcElement {
  const entry = BY_FIELD.get(field);
  if (!entry) throw new Error(`No .qwc element for the field "${field}".`);
  return entry;
}

export function schedulerUnit(unit: 'minutes' | 'seconds'): SchedulerUnitEntry {
  return unit === 'seconds' ? SCHEDULER_UNITS[1] : SCHEDULER_UNITS[0];
}

function isTextEntry(entry: SchemaEntry): entry is Extract<SchemaEntry, {field: QwcTextField}> {
  return entry.kind !== 'boolean' && entry.kind !== 'scheduler';
}

/** The string-valued fields, in schema order. */
export const QWC_TEXT_FIELDS: readonly QwcTextField[] = QWC_SCHEMA.filter(isTextEntry).map((entry) => entry.field);

/** The true/false fields, in schema order. */
export const QWC_BOOLEAN_FIELDS: readonly QwcBooleanField[] = QWC_SCHEMA.filter(
  (entry): entry is Extract<SchemaEntry, {kind: 'boolean'}> => entry.kind === 'boolean',
).map((entry) => entry.field);

/** The fields whose element must be in every file (even when it may be empty). */
export const QWC_REQUIRED_FIELDS: readonly (keyof QwcModel)[] = QWC_SCHEMA.filter((entry) => entry.required !== 'no').map(
  (entry) => entry.field,
);

/** The values a 'choice' field accepts. */
export function allowedValues(field: QwcChoiceField): readonly string[] {
  return qwcElement(field).allowed ?? [];
}
