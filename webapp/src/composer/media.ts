/**
 * What the posting screen checks of a picked file before uploading it: TikTok's media limits (tiktok-api.md §3.3,
 * the same ones post-service enforces) that a browser can see without reading the file, so a creator learns at once
 * rather than after a long upload. post-service checks everything again from the bytes.
 */
import type { PostKind } from './rules';

export const VIDEO_TYPES = ['video/mp4', 'video/quicktime', 'video/webm'];
export const PHOTO_TYPES = ['image/jpeg', 'image/webp'];
export const MAX_VIDEO_BYTES = 4 * 1024 ** 3;
export const MAX_PHOTO_BYTES = 20 * 1024 ** 2;
export const MAX_PHOTOS = 35;

export function kindOf(file: File): PostKind | null {
  if (VIDEO_TYPES.includes(file.type)) return 'video';
  if (PHOTO_TYPES.includes(file.type)) return 'photo';
  return null;
}

/** Why these files cannot make one post, or null. `current` is the kind of what is already attached. */
export function pickProblem(files: File[], current: { kind: PostKind; count: number } | null): string | null {
  if (files.length === 0) return null;
  const kinds = files.map(kindOf);
  const unknown = files.find((_, i) => kinds[i] === null);
  if (unknown) {
    return `${unknown.name} is not a video TikTok takes (MP4, MOV or WebM) or a photo (JPEG or WebP).`;
  }
  const all = new Set([...kinds, ...(current ? [current.kind] : [])]);
  if (all.size > 1) {
    return 'A post carries one video or photos, not both.';
  }
  const kind = kinds[0] as PostKind;
  const count = files.length + (current?.count ?? 0);
  if (kind === 'video' && count > 1) {
    return 'A post carries one video. Remove the one attached to pick another.';
  }
  if (kind === 'photo' && count > MAX_PHOTOS) {
    return `A post carries at most ${MAX_PHOTOS} photos.`;
  }
  const tooBig = files.find((f) => f.size > (kind === 'video' ? MAX_VIDEO_BYTES : MAX_PHOTO_BYTES));
  if (tooBig) {
    return `${tooBig.name} is ${formatBytes(tooBig.size)}; TikTok takes ${kind === 'video' ? 'videos' : 'photos'} of at most ${formatBytes(kind === 'video' ? MAX_VIDEO_BYTES : MAX_PHOTO_BYTES)}.`;
  }
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function percent(loaded: number, total: number): number {
  return total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0;
}

/** Why one file cannot go into the media library, or null (the library takes any number of videos and photos). */
export function fileProblem(file: File): string | null {
  const kind = kindOf(file);
  if (kind === null) {
    return `${file.name} is not a video TikTok takes (MP4, MOV or WebM) or a photo (JPEG or WebP).`;
  }
  const max = kind === 'video' ? MAX_VIDEO_BYTES : MAX_PHOTO_BYTES;
  return file.size > max
    ? `${file.name} is ${formatBytes(file.size)}; TikTok takes ${kind === 'video' ? 'videos' : 'photos'} of at most ${formatBytes(max)}.`
    : null;
}
