/** How a .qwc file is saved: its media type and a file name every browser and Windows accept. */

export const QWC_MIME_TYPE = 'application/x-qwc';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** `<AppName>.qwc`, without the characters Windows and browsers reject. */
export function qwcFileName(appName: string): string {
  const base = appName
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[<>:"/\\|?*\u0000-\u001F\u007F]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/-{2,}/g, '-')
    .trim()
    .replace(/^[.\s-]+|[.\s-]+$/g, '')
    .slice(0, 100)
    .trim();
  if (base === '') return 'web-connector-app.qwc';
  return `${WINDOWS_RESERVED.test(base) ? `${base}-app` : base}.qwc`;
}
