import { describe, expect, it } from 'vitest';
import { inZone, pastProblem, resolveLocal, suggestedTime, timeZones } from './schedule';

describe('scheduling in a time zone', () => {
  it('suggests the next full hour but one, in the chosen zone', () => {
    const now = new Date('2026-12-02T16:29:10Z');
    expect(suggestedTime(now, 'Europe/Berlin')).toBe('2026-12-02T19:00');
    expect(suggestedTime(now, 'America/New_York')).toBe('2026-12-02T13:00');
  });

  it('turns wall-clock time in a zone into the instant, in winter and in summer', () => {
    const winter = resolveLocal('2026-12-07T18:00', 'Europe/Berlin');
    expect(winter.ok && winter.instant.toISOString()).toBe('2026-12-07T17:00:00.000Z');
    const summer = resolveLocal('2027-07-07T18:00', 'Europe/Berlin');
    expect(summer.ok && summer.instant.toISOString()).toBe('2027-07-07T16:00:00.000Z');
  });

  it('refuses a time the clocks skip when summer time starts', () => {
    const gap = resolveLocal('2027-03-28T02:30', 'Europe/Berlin');
    expect(gap.ok).toBe(false);
    expect(!gap.ok && gap.problem).toContain('does not exist in Europe/Berlin');
  });

  it('says which of a repeated time it posts at when clocks go back', () => {
    const twice = resolveLocal('2027-10-31T02:30', 'Europe/Berlin');
    expect(twice.ok).toBe(true);
    if (twice.ok) {
      expect(twice.instant.toISOString()).toBe('2027-10-31T00:30:00.000Z');
      expect(twice.note).toContain('happens twice');
      expect(twice.note).toContain('+02:00');
    }
    const ordinary = resolveLocal('2027-10-31T12:00', 'Europe/Berlin');
    expect(ordinary.ok && ordinary.note).toBeNull();
  });

  it('asks for a date and a time when either is missing', () => {
    expect(resolveLocal('', 'UTC')).toEqual({ ok: false, problem: 'Enter a date and a time.' });
    expect(resolveLocal('2026-12-07', 'UTC').ok).toBe(false);
  });

  it('refuses a time that has passed', () => {
    const now = new Date('2026-12-02T16:00:00Z');
    expect(pastProblem(new Date('2026-12-02T15:59:00Z'), now)).toContain('has passed');
    expect(pastProblem(new Date('2026-12-02T16:01:00Z'), now)).toBeNull();
  });

  it('shows the instant in another zone with its offset', () => {
    expect(inZone(new Date('2026-12-07T17:00:00Z'), 'Asia/Tokyo')).toBe('Tue 8 Dec 2026, 02:00 (UTC+09:00)');
  });

  it('lists the browser zones and keeps the current one', () => {
    expect(timeZones('Europe/Berlin')).toContain('Europe/Berlin');
    expect(timeZones('Mars/Olympus')[0]).toBe('Mars/Olympus');
  });
});
