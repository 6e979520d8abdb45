import { ValidationError } from '../errors';
import { describeOpening, isOpen, nextOpening, validateBusinessHours, type BusinessHours } from './business-hours';

const paris: BusinessHours = {
  timezone: 'Europe/Paris',
  weekly: { mon: [['09:00', '12:00'], ['13:00', '17:30']], tue: [['09:00', '17:30']], fri: [['09:00', '24:00']] },
  holidays: ['2026-12-29'],
};

describe('business hours', () => {
  it('answers "open now?" in the inbox time zone', () => {
    // Monday 30 November 2026: Paris is UTC+1 in winter.
    expect(isOpen(paris, new Date('2026-11-30T08:00:00Z'))).toBe(true); // 09:00 in Paris
    expect(isOpen(paris, new Date('2026-11-30T07:59:00Z'))).toBe(false);
    expect(isOpen(paris, new Date('2026-11-30T11:30:00Z'))).toBe(false); // lunch
    expect(isOpen(paris, new Date('2026-11-30T16:29:00Z'))).toBe(true);
    expect(isOpen(paris, new Date('2026-11-30T16:30:00Z'))).toBe(false);
    expect(isOpen(paris, new Date('2026-12-29T10:00:00Z'))).toBe(false); // a Tuesday holiday
    expect(isOpen(null, new Date())).toBe(true);
  });

  it('finds the next opening, across lunch, nights, weekends and holidays', () => {
    expect(nextOpening(paris, new Date('2026-11-30T11:10:00Z'))?.toISOString()).toBe('2026-11-30T12:00:00.000Z');
    expect(nextOpening(paris, new Date('2026-11-30T20:00:00Z'))?.toISOString()).toBe('2026-12-01T08:00:00.000Z');
    // Saturday: next is Monday 09:00.
    expect(nextOpening(paris, new Date('2026-12-05T10:00:00Z'))?.toISOString()).toBe('2026-12-07T08:00:00.000Z');
    // Monday 28 Dec after hours, Tuesday 29 is a holiday: Friday 1 Jan.
    expect(nextOpening(paris, new Date('2026-12-28T17:00:00Z'))?.toISOString()).toBe('2027-01-01T08:00:00.000Z');
    const open = new Date('2026-12-01T10:00:00Z');
    expect(nextOpening(paris, open)).toBe(open);
    expect(nextOpening({ timezone: 'UTC', weekly: {} }, open)).toBeNull();
  });

  it('follows daylight saving time', () => {
    // Monday 29 June 2026: Paris is UTC+2.
    expect(isOpen(paris, new Date('2026-06-29T07:00:00Z'))).toBe(true);
    expect(isOpen(paris, new Date('2026-06-29T06:59:00Z'))).toBe(false);
  });

  it('describes an opening in the inbox time zone', () => {
    expect(describeOpening(new Date('2026-12-07T08:00:00Z'), 'Europe/Paris')).toBe('Monday 09:00 (Europe/Paris)');
  });

  it('names the bad path of invalid hours', () => {
    const field = (value: unknown) => {
      try {
        validateBusinessHours(value);
      } catch (error) {
        if (error instanceof ValidationError) return error.field;
        throw error;
      }
      return 'accepted';
    };
    expect(field(paris)).toBe('accepted');
    expect(field({ ...paris, timezone: 'Mars/Olympus' })).toBe('businessHours.timezone');
    expect(field({ ...paris, weekly: { mon: [['17:00', '09:00']] } })).toBe('businessHours.weekly.mon.0');
    expect(field({ ...paris, weekly: { someday: [] } })).toBe('businessHours.weekly.someday');
    expect(field({ ...paris, holidays: ['tomorrow'] })).toBe('businessHours.holidays');
  });
});
