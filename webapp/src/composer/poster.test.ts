import { describe, expect, it } from 'vitest';
import { POSTER_SIDE, posterMoment, posterSize } from './poster';

describe('poster frames', () => {
  it('keep the media’s shape within the poster size', () => {
    expect(posterSize(1080, 1920)).toEqual({ width: 270, height: POSTER_SIDE });
    expect(posterSize(1920, 1080)).toEqual({ width: POSTER_SIDE, height: 270 });
    expect(posterSize(4000, 4000)).toEqual({ width: POSTER_SIDE, height: POSTER_SIDE });
  });

  it('never enlarge a small picture and never round a side away', () => {
    expect(posterSize(360, 200)).toEqual({ width: 360, height: 200 });
    expect(posterSize(5000, 3)).toEqual({ width: POSTER_SIDE, height: 1 });
  });

  it('refuse a picture without a size rather than draw nothing', () => {
    expect(() => posterSize(0, 1920)).toThrow(RangeError);
    expect(() => posterSize(NaN, 10)).toThrow(RangeError);
  });

  it('show a video half a second in, the middle of a shorter one, the first frame when the length is unknown', () => {
    expect(posterMoment(12)).toBe(0.5);
    expect(posterMoment(0.6)).toBeCloseTo(0.3);
    expect(posterMoment(Number.NaN)).toBe(0);
    expect(posterMoment(Number.POSITIVE_INFINITY)).toBe(0);
  });
});
