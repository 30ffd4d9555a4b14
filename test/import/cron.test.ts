import { describe, expect, it } from 'vitest';
import { cronRunsPerDay } from '../../src/import/cron.js';

/** Days in the 400-year Gregorian cycle, and how many of them are the 1st / 13th of a month or a Friday the 13th. */
const CYCLE = 146_097;
const MONTHS = 4_800;
const FRIDAYS = CYCLE / 7;
const FRIDAY_THIRTEENTHS = 688;

describe('cron schedules → runs a day', () => {
  it.each([
    ['*/15 * * * *', 96],
    ['*/2 * * * *', 720],
    ['* * * * *', 1440],
    ['0 * * * *', 24],
    ['0 */6 * * *', 4],
    ['5/15 * * * *', 96],
    ['0,30 8-17 * * *', 20],
    ['15 3 * * *', 1],
    ['@hourly', 24],
    ['@daily', 1],
    ['@midnight', 1],
    ['@weekly', 1 / 7],
    ['0 9 * * 1-5', 5 / 7],
    ['0 9 * * MON-FRI', 5 / 7],
    ['0 9 * * mon,wed,fri', 3 / 7],
    ['0 0 * * 0', 1 / 7],
    ['0 0 * * 7', 1 / 7],
    ['0 0 * * 1-7', 1],
    ['0 0 1 * *', MONTHS / CYCLE],
    ['@monthly', MONTHS / CYCLE],
    ['@yearly', 400 / CYCLE],
    ['@annually', 400 / CYCLE],
    ['0 0 1 JAN,JUL *', 800 / CYCLE],
    // Both day fields restricted: cron fires on either.
    ['0 0 13 * 5', (MONTHS + FRIDAYS - FRIDAY_THIRTEENTHS) / CYCLE],
    ['0 12 * * ?', 1],
    ['CRON_TZ=Europe/Berlin 0 * * * *', 24],
    ['TZ=UTC */30 * * * *', 48],
    ['@every 5m', 288],
    ['@every 1h30m', 16],
    ['@every 90s', 960],
  ] as [string, number][])('%s → %s', (schedule, expected) => {
    const result = cronRunsPerDay(schedule);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (result.ok) expect(result.runsPerDay).toBeCloseTo(expected, 9);
  });

  it('explains the count', () => {
    expect(cronRunsPerDay('*/15 * * * *')).toMatchObject({ explanation: '96 runs a day' });
    expect(cronRunsPerDay('0 9 * * 1-5')).toMatchObject({ explanation: '1 run on 5/7 of days' });
  });

  it.each([
    ['0 0 31 2 *', 'never fires'],
    ['0 0 30 2 *', 'never fires'],
    ['* * * *', 'five-field'],
    ['* * * * * *', 'five-field'],
    ['61 * * * *', 'not a valid minute'],
    ['0 24 * * *', 'not a valid hour'],
    ['0 0 0 * *', 'not a valid day of month'],
    ['0 0 * 13 *', 'not a valid month'],
    ['0 0 * * 8', 'not a valid day of week'],
    ['0 0 * * FUNDAY', 'not a valid day of week'],
    ['*/0 * * * *', 'step must be at least 1'],
    ['30-10 * * * *', 'backwards'],
    ['@every soon', 'cannot read the duration'],
    ['', 'five-field'],
  ])('rejects %s (%s)', (schedule, message) => {
    const result = cronRunsPerDay(schedule);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});
