/** The models a file starts from: empty (what a parsed or shared file fills in) and the generator's defaults. */
import {newGuid} from '../guid';
import type {QwcModel} from './model';
import {QWC_REQUIRED_FIELDS} from './schema';

/** A model with every required element present and empty. */
export function emptyQwc(): QwcModel {
  return Object.fromEntries(QWC_REQUIRED_FIELDS.map((field) => [field, ''])) as unknown as QwcModel;
}

/**
 * A new model with fresh GUIDs for QuickBooks Desktop. The scheduler defaults to every 15 minutes:
 * it is only the starting value the user can change, frequent enough that data is rarely stale and
 * far from the 1,440 sessions a day a one-minute default would put on the service per customer.
 */
export function defaultQwc(options: {
  appName: string;
  appUrl: string;
  appSupport: string;
  userName?: string;
  appDescription?: string;
}): QwcModel {
  const appName = options.appName.trim();
  return {
    ...emptyQwc(),
    appName,
    appUrl: options.appUrl.trim(),
    appDescription: options.appDescription ?? (appName === '' ? '' : `Exchanges data between QuickBooks and ${appName}`),
    appSupport: options.appSupport.trim(),
    userName: options.userName ?? 'quickbooks',
    ownerId: newGuid(),
    fileId: newGuid(),
    qbType: 'QBFS',
    scheduler: {unit: 'minutes', every: 15},
  };
}
