/**
 * GUIDs as the Web Connector wants them in OwnerID and FileID: registry format, in braces.
 */

/** The form a .qwc needs: `{8-4-4-4-12}` hex digits, any case. */
export const BRACED_GUID = /^\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}$/;

const BARE_GUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

/** A fresh random GUID in braces with upper-case hex, e.g. `{57F3B9B1-86F1-4FCC-B1EE-566DE1813D20}`. */
export function newGuid(): string {
  const {crypto} = globalThis;
  // randomUUID only exists in secure contexts; a page served over plain http still has getRandomValues.
  if (typeof crypto.randomUUID === 'function') return `{${crypto.randomUUID().toUpperCase()}}`;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40; // version 4
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}}`;
}

export function isBracedGuid(value: string): boolean {
  return BRACED_GUID.test(value);
}

/**
 * The braced form of a value that is a GUID apart from its wrapping (missing braces, one brace,
 * surrounding spaces), or undefined when the inside is not a GUID, so a fix is only offered when
 * it cannot change the identifier.
 */
export function bracedGuidFix(value: string): string | undefined {
  const inside = value.trim().replace(/^\{/, '').replace(/\}$/, '').trim();
  if (!BARE_GUID.test(inside)) return undefined;
  const fixed = `{${inside}}`;
  return fixed === value ? undefined : fixed;
}

/** Two GUIDs are the same identifier whatever their case or braces. */
export function sameGuid(a: string, b: string): boolean {
  const bare = (value: string) => value.trim().replace(/^\{/, '').replace(/\}$/, '').toUpperCase();
  return bare(a) !== '' && bare(a) === bare(b);
}
