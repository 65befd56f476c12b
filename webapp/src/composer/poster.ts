/**
 * Poster frames: a small JPEG of a video's opening frame (or of a photo) that stands for the media where the media
 * does not fit, such as a calendar entry. Made in the browser that uploads the file, because the browser already has
 * the file and a decoder for it; TikTimer's server has no video decoder and should not run one on users' uploads.
 */

/** The longest side of a poster frame: sharp in a calendar entry and a library card on a high-density screen. */
export const POSTER_SIDE = 480;

/** How long a browser may take to open the file and find the frame before TikTimer goes on without a poster. */
const POSTER_TIMEOUT_MS = 8_000;

/** The poster's size: the media's aspect ratio within POSTER_SIDE, never larger than the media itself. */
export function posterSize(width: number, height: number, side = POSTER_SIDE): { width: number; height: number } {
  if (!(width > 0 && height > 0)) throw new RangeError(`no picture size: ${width}x${height}`);
  const scale = Math.min(1, side / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * The moment a video's poster shows: half a second in, past a fade from black, or the middle of a shorter video.
 * A duration the browser cannot tell (NaN, Infinity) means the first frame.
 */
export function posterMoment(durationSec: number): number {
  return Number.isFinite(durationSec) && durationSec > 0 ? Math.min(0.5, durationSec / 2) : 0;
}

/**
 * A poster frame of a local file, or of stored media by its presigned address (S3 answers the app's origin with
 * CORS, so the frame may be read back from the canvas); null where this browser cannot decode it.
 */
export async function makePoster(source: Blob | string, kind: 'video' | 'photo'): Promise<Blob | null> {
  try {
    return await withTimeout(kind === 'photo' ? photoPoster(source) : videoPoster(source), POSTER_TIMEOUT_MS);
  } catch {
    return null;
  }
}

async function photoPoster(source: Blob | string): Promise<Blob | null> {
  const file = typeof source === 'string' ? await (await fetch(source)).blob() : source;
  const bitmap = await createImageBitmap(file);
  try {
    return await toJpeg(bitmap, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}

async function videoPoster(source: Blob | string): Promise<Blob | null> {
  const url = typeof source === 'string' ? source : URL.createObjectURL(source);
  const video = document.createElement('video');
  try {
    // without it a frame of another origin's video taints the canvas and cannot be read back
    video.crossOrigin = 'anonymous';
    video.muted = true;
    video.playsInline = true;
    video.preload = 'auto';
    video.src = url;
    await once(video, 'loadeddata');
    video.currentTime = posterMoment(video.duration);
    await once(video, 'seeked');
    return await toJpeg(video, video.videoWidth, video.videoHeight);
  } finally {
    video.removeAttribute('src');
    video.load();
    if (typeof source !== 'string') URL.revokeObjectURL(url);
  }
}

function toJpeg(source: CanvasImageSource, width: number, height: number): Promise<Blob | null> {
  const size = posterSize(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) return Promise.resolve(null);
  context.drawImage(source, 0, 0, size.width, size.height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.82));
}

function once(target: HTMLMediaElement, event: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      target.removeEventListener('error', failed);
      resolve();
    };
    const failed = () => {
      target.removeEventListener(event, done);
      reject(new Error(target.error?.message || 'the browser cannot decode this file'));
    };
    target.addEventListener(event, done, { once: true });
    target.addEventListener('error', failed, { once: true });
  });
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
