/** The .qwc file: its schema, model, validation, XML and share links. Import from here. */
export type {QbType, QwcField, QwcIssue, QwcModel, QwcParseResult, QwcScheduler} from './model';
export {
  QWC_BOOLEAN_FIELDS,
  QWC_REQUIRED_FIELDS,
  QWC_SCHEMA,
  QWC_TEXT_FIELDS,
  SCHEDULER_UNITS,
  allowedValues,
  qwcElement,
  schedulerUnit,
  type QwcBooleanField,
  type QwcChoiceField,
  type QwcElement,
  type QwcKind,
  type QwcRequirement,
  type QwcTextField,
} from './schema';
export {defaultQwc, emptyQwc} from './defaults';
export {QWC_MIME_TYPE, qwcFileName} from './file-name';
export {missingElementIssue, validateQwc} from './validate';
export {buildQwc, parseQwc} from './xml';
export {decodeQwcShareParams, encodeQwcShareParams} from './share';
export {newGuid} from '../guid';
