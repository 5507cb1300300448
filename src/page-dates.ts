/**
 * The dates pages print ("Last updated on Dec 1, 2026", an update's "December 1, 2026"), written
 * without Intl.DateTimeFormat. The theme's own components make a formatter while the page
 * hydrates, and the first one a page makes loads the browser's locale data: on a phone that is a
 * single task of about 150 ms, the largest piece of a guide page's blocking time. The site is in
 * English only, and the text must match the server-rendered HTML exactly, so the dates are spelled
 * out here, in UTC as the theme does (tests/unit/site/page-dates.test.ts holds them to Intl's output).
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** How the month is written: "Dec" (a guide's last update) or "December" (an update's date). */
export type MonthStyle = 'short' | 'long';

/** "Dec 1, 2026" or "December 1, 2026": the en locale's numeric day, month and year, in UTC. */
export function formatPageDate(date: Date | string | number, month: MonthStyle): string {
  const at = new Date(date);
  const name = MONTHS[at.getUTCMonth()]!;
  return `${month === 'short' ? name.slice(0, 3) : name} ${at.getUTCDate()}, ${at.getUTCFullYear()}`;
}
