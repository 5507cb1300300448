import {describe, expect, it} from 'vitest';
import {formatPageDate} from '../../../src/page-dates';

// The theme formats these dates with Intl in the site's locale ('en'); ours must print the same text.
const intl = (month: 'short' | 'long') =>
  new Intl.DateTimeFormat('en', {day: 'numeric', month, year: 'numeric', timeZone: 'UTC'});

describe('page dates written without Intl', () => {
  // Every day of a leap year and of a common year, and the edges of the UTC day.
  const days: Date[] = [];
  for (const year of [2024, 2026]) {
    for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) days.push(new Date(t));
  }
  days.push(new Date('2026-12-31T23:59:59.999Z'), new Date('2027-01-01T00:00:00.000Z'), new Date(0));

  for (const month of ['short', 'long'] as const) {
    it(`match Intl's en ${month} format for ${days.length} dates`, () => {
      const format = intl(month);
      for (const day of days) expect(formatPageDate(day, month), day.toISOString()).toBe(format.format(day));
    });
  }

  it('read dates as strings and epoch numbers as the theme receives them', () => {
    expect(formatPageDate('2026-12-01', 'long')).toBe(intl('long').format(new Date('2026-12-01')));
    expect(formatPageDate(1_796_156_003_126, 'short')).toBe(intl('short').format(new Date(1_796_156_003_126)));
  });
});
