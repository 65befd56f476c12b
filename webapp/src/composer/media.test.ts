import { describe, expect, it } from 'vitest';
import { fileProblem, formatBytes, kindOf, MAX_PHOTOS, percent, pickProblem } from './media';

const file = (name: string, type: string, size = 1000) => {
  const f = new File(['x'], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
};

describe('picking media for a post', () => {
  it('knows videos and photos by their type', () => {
    expect(kindOf(file('a.mp4', 'video/mp4'))).toBe('video');
    expect(kindOf(file('a.mov', 'video/quicktime'))).toBe('video');
    expect(kindOf(file('a.jpg', 'image/jpeg'))).toBe('photo');
    expect(kindOf(file('a.png', 'image/png'))).toBeNull();
  });

  it('refuses what TikTok does not take, naming the file', () => {
    expect(pickProblem([file('clip.avi', 'video/x-msvideo')], null)).toBe(
      'clip.avi is not a video TikTok takes (MP4, MOV or WebM) or a photo (JPEG or WebP).',
    );
  });

  it('keeps one post to one video, or to photos only', () => {
    expect(pickProblem([file('a.mp4', 'video/mp4'), file('b.mp4', 'video/mp4')], null)).toContain('one video');
    expect(pickProblem([file('a.jpg', 'image/jpeg')], { kind: 'video', count: 1 })).toContain('not both');
    expect(pickProblem([file('a.mp4', 'video/mp4')], null)).toBeNull();
    const photos = Array.from({ length: MAX_PHOTOS }, (_, i) => file(`${i}.jpg`, 'image/jpeg'));
    expect(pickProblem(photos, null)).toBeNull();
    expect(pickProblem(photos, { kind: 'photo', count: 1 })).toContain(`at most ${MAX_PHOTOS} photos`);
  });

  it('refuses files over TikTok\'s size limits before uploading them', () => {
    expect(pickProblem([file('big.jpg', 'image/jpeg', 21 * 1024 ** 2)], null)).toBe(
      'big.jpg is 21 MB; TikTok takes photos of at most 20 MB.',
    );
    expect(pickProblem([file('huge.mp4', 'video/mp4', 5 * 1024 ** 3)], null)).toContain('at most 4.0 GB');
  });

  it('formats sizes and progress for people', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(5_000_000)).toBe('4.8 MB');
    expect(percent(50, 200)).toBe(25);
    expect(percent(0, 0)).toBe(0);
  });
});

describe('the media library', () => {
  it('takes any number of videos and photos, each checked on its own', () => {
    expect(fileProblem(file('a.mp4', 'video/mp4'))).toBeNull();
    expect(fileProblem(file('a.webp', 'image/webp'))).toBeNull();
    expect(fileProblem(file('a.gif', 'image/gif'))).toContain('a.gif is not a video');
    expect(fileProblem(file('big.webp', 'image/webp', 25 * 1024 ** 2))).toBe('big.webp is 25 MB; TikTok takes photos of at most 20 MB.');
  });
});
