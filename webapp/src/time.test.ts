import { describe, expect, it } from 'vitest';
import { formatInZone, isoInZone } from './time';

describe('times in the user\'s zone', () => {
  it('shows an instant as wall-clock time in the chosen IANA zone', () => {
    expect(formatInZone('2026-12-01T17:30:00Z', 'Europe/Berlin')).toBe('Tue 1 Dec 2026, 18:30');
    expect(formatInZone('2026-12-01T17:30:00Z', 'America/New_York')).toBe('Tue 1 Dec 2026, 12:30');
  });

  it('follows daylight saving time across the change', () => {
    // Europe/Berlin moves from +01:00 to +02:00 at 01:00 UTC on 29 March 2026.
    expect(isoInZone('2026-03-29T00:30:00Z', 'Europe/Berlin')).toBe('2026-03-29T01:30+01:00');
    expect(isoInZone('2026-03-29T01:30:00Z', 'Europe/Berlin')).toBe('2026-03-29T03:30+02:00');
  });
});

describe('times with seconds', () => {
  it('shows the seconds in the viewer\'s zone', async () => {
    expect(formatInZone('2026-12-02T18:16:07Z', 'Europe/Berlin', true)).toBe('Wed 2 Dec 2026, 19:16:07');
  });
});
