import { describe, expect, it } from 'vitest';
import { dayRange } from './dayRange';

describe('the posts list\'s day range', () => {
  it('covers whole days in the viewer\'s zone, the last one included', () => {
    const range = dayRange('2026-12-01', '2026-12-31', 'Europe/Berlin');
    expect(range.from?.toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(range.to?.toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });

  it('covers a day when the clocks change exactly (23 hours)', () => {
    const range = dayRange('2027-03-28', '2027-03-28', 'Europe/Berlin');
    expect(range.to!.getTime() - range.from!.getTime()).toBe(23 * 3_600_000);
  });

  it('leaves an open end open', () => {
    expect(dayRange('', '2026-12-31', 'UTC')).toEqual({ from: undefined, to: new Date('2027-01-01T00:00:00Z') });
    expect(dayRange('', '', 'UTC')).toEqual({ from: undefined, to: undefined });
  });

  it('says what is wrong with a reversed or unreadable range', () => {
    expect(dayRange('2026-12-31', '2026-12-01', 'UTC').problem).toBe('"From" must not be after "To".');
    expect(dayRange('31.12.2026', '', 'UTC').problem).toContain('as dates');
  });
});
