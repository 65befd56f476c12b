import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { putPoster, uploadMedia, type Media } from '../api/client';
import { kindOf } from './media';
import { makePoster } from './poster';
import type { PostKind } from './rules';

/** One picked file on its way to TikTimer: its preview, its upload progress, and what post-service made of it. */
export interface Upload {
  key: string;
  file: File;
  kind: PostKind;
  /** An object URL of the local file: the preview shows exactly the bytes that are uploaded, nothing added. */
  previewUrl: string;
  loaded: number;
  state: 'uploading' | 'ready' | 'failed' | 'cancelled';
  media: Media | null;
  error: string | null;
  /** Seconds, read by the browser from the file before or while it uploads; null where it cannot play the file. */
  browserDurationSec: number | null;
}

let counter = 0;

/**
 * Gives the stored media its poster frame, made from the local file. A browser that cannot decode the file, or a
 * refused poster, leaves the media without one: the post does not need it, and its calendar entry has no thumbnail.
 */
async function withPoster(upload: Upload, media: Media): Promise<Media> {
  const poster = await makePoster(upload.file, upload.kind);
  if (!poster) return media;
  try {
    return await putPoster(media.id, poster);
  } catch {
    // the media is stored and usable; only its thumbnail is missing
    return media;
  }
}

/**
 * Uploads run one at a time in the order picked (a creator's uplink is the bottleneck; parallel uploads only slow
 * each other), each cancellable. Object URLs are revoked when a file is removed or the screen closes.
 */
export function useUploads() {
  const queryClient = useQueryClient();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const queue = useRef<Promise<void>>(Promise.resolve());
  const urls = useRef(new Set<string>());

  const patch = useCallback((key: string, change: Partial<Upload>) => {
    setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...change } : u)));
  }, []);

  useEffect(() => {
    const open = urls.current;
    const running = controllers.current;
    return () => {
      running.forEach((c) => c.abort());
      open.forEach((url) => URL.revokeObjectURL(url));
    };
  }, []);

  const add = useCallback(
    (files: File[]) => {
      const added = files.map<Upload>((file) => {
        const previewUrl = URL.createObjectURL(file);
        urls.current.add(previewUrl);
        return {
          key: `upload-${++counter}`,
          file,
          kind: kindOf(file) ?? 'video',
          previewUrl,
          loaded: 0,
          state: 'uploading',
          media: null,
          error: null,
          browserDurationSec: null,
        };
      });
      setUploads((all) => [...all, ...added]);
      for (const upload of added) {
        const controller = new AbortController();
        controllers.current.set(upload.key, controller);
        queue.current = queue.current.then(async () => {
          if (controller.signal.aborted) return;
          try {
            const media = await uploadMedia(upload.file, (p) => patch(upload.key, { loaded: p.loaded }), controller.signal);
            patch(upload.key, { state: 'ready', media, loaded: upload.file.size });
            // beside the queue: a file the browser cannot decode must not hold up the next upload
            void withPoster(upload, media).then((stored) => {
              if (stored === media) return;
              patch(upload.key, { media: stored });
              queryClient.invalidateQueries({ queryKey: ['media'] });
            });
          } catch (error) {
            if (error instanceof DOMException && error.name === 'AbortError') {
              // a refused file keeps its reason; only a still-running one becomes "cancelled"
              setUploads((all) =>
                all.map((u) => (u.key === upload.key && u.state === 'uploading' ? { ...u, state: 'cancelled' } : u)),
              );
            } else {
              patch(upload.key, { state: 'failed', error: error instanceof Error ? error.message : String(error) });
            }
          } finally {
            controllers.current.delete(upload.key);
          }
        });
      }
      return added;
    },
    [patch, queryClient],
  );

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    setUploads((all) => {
      const gone = all.find((u) => u.key === key);
      if (gone) {
        URL.revokeObjectURL(gone.previewUrl);
        urls.current.delete(gone.previewUrl);
      }
      return all.filter((u) => u.key !== key);
    });
  }, []);

  const setBrowserDuration = useCallback((key: string, seconds: number) => patch(key, { browserDurationSec: seconds }), [patch]);

  /** Stops an upload the screen refuses (e.g. a video longer than the account may post) and says why. */
  const refuse = useCallback(
    (key: string, reason: string) => {
      patch(key, { state: 'failed', error: reason });
      controllers.current.get(key)?.abort();
    },
    [patch],
  );

  return { uploads, add, remove, refuse, setBrowserDuration };
}
