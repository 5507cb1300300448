/** Share links: a model as URL query parameters and back, with the parameter names from the schema. */
import type {QwcModel} from './model';
import {QWC_SCHEMA, SCHEDULER_UNITS, schedulerUnit} from './schema';

/** The model as URL query parameters (no leading '?'), for a link that reopens the generator with it. */
export function encodeQwcShareParams(model: QwcModel): string {
  const params = new URLSearchParams();
  for (const entry of QWC_SCHEMA) {
    if (entry.kind === 'scheduler') continue;
    const value = model[entry.field];
    if (typeof value === 'boolean') params.set(entry.share, value ? 'true' : 'false');
    else if (typeof value === 'string' && (value !== '' || entry.required !== 'no')) params.set(entry.share, value);
  }
  if (model.scheduler) params.set(schedulerUnit(model.scheduler.unit).share, String(model.scheduler.every));
  return params.toString();
}

/** The fields a shared link carries; unknown parameters and unreadable values are skipped. */
export function decodeQwcShareParams(query: string): Partial<QwcModel> {
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const model: Partial<QwcModel> = {};
  for (const entry of QWC_SCHEMA) {
    if (entry.kind === 'scheduler') continue;
    const value = params.get(entry.share);
    if (value === null) continue;
    if (entry.kind === 'boolean') {
      if (value === 'true' || value === 'false') model[entry.field] = value === 'true';
    } else {
      model[entry.field] = value;
    }
  }
  for (const {unit, share} of SCHEDULER_UNITS) {
    const value = params.get(share);
    if (value !== null && /^\d+$/.test(value)) {
      model.scheduler = {unit, every: Number(value)};
      break;
    }
  }
  return model;
}
