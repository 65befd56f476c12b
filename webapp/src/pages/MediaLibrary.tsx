import { useEffect, useState, type DragEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { deleteMedia, listMedia, mediaPreview, putPoster, type Media } from '../api/client';
import { useTitle } from '../components/useTitle';
import { fileProblem, formatBytes, percent, PHOTO_TYPES, VIDEO_TYPES } from '../composer/media';
import { makePoster } from '../composer/poster';
import { useUploads, type Upload } from '../composer/useUploads';
import { browserTimeZone, formatInZone } from '../time';

/**
 * The user's videos and photos: upload many at once (each with its own progress bar; large files straight to S3
 * with a presigned PUT), see what post-service read from each (duration, resolution, frame rate, codec) with the
 * video's first frame, and delete what no unfinished post uses (post-service says why otherwise).
 */
export function MediaLibrary() {
  useTitle('Media library');
  const queryClient = useQueryClient();
  const media = useQuery({ queryKey: ['media'], queryFn: listMedia });
  const { uploads, add, remove } = useUploads();
  const [problems, setProblems] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const finished = uploads.filter((u) => u.state === 'ready').length;

  // a finished upload appears in the library below; its progress row then goes
  useEffect(() => {
    if (finished === 0) return;
    queryClient.invalidateQueries({ queryKey: ['media'] });
    uploads.filter((u) => u.state === 'ready').forEach((u) => remove(u.key));
  }, [finished, uploads, remove, queryClient]);

  function pick(files: File[]) {
    const refused = files.map(fileProblem).filter((p): p is string => p !== null);
    setProblems(refused);
    const accepted = files.filter((f) => fileProblem(f) === null);
    if (accepted.length) add(accepted);
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    pick(Array.from(event.dataTransfer.files));
  }

  return (
    <div className="page">
      <h1>Media library</h1>
      <div className={dragging ? 'dropzone over' : 'dropzone'}
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }} onDragLeave={() => setDragging(false)} onDrop={drop}>
        <label htmlFor="library-file" className="button">Upload videos or photos</label>
        <input id="library-file" type="file" multiple className="visually-hidden" aria-describedby="library-limits"
          accept={[...VIDEO_TYPES, ...PHOTO_TYPES].join(',')}
          onChange={(e) => { pick(Array.from(e.target.files ?? [])); e.target.value = ''; }} />
        <p id="library-limits" className="hint">
          or drop files here. Videos: MP4, MOV or WebM, up to 4 GB, 1 s to 10 min. Photos: JPEG or WebP, up to 20 MB.
          TikTimer checks each file as TikTok would.
        </p>
      </div>
      {problems.map((p) => <p key={p} role="alert" className="error">{p}</p>)}
      {uploads.length > 0 && (
        <ul className="uploads" aria-label="Uploads">
          {uploads.map((u) => <UploadRow key={u.key} upload={u} onRemove={() => remove(u.key)} />)}
        </ul>
      )}
      {media.isPending && <p role="status">Loading…</p>}
      {media.isError && <p role="alert" className="alert">Your media could not be loaded: {media.error.message}</p>}
      {media.data && media.data.length === 0 && <p>No media yet. Upload a video or photos, or add them in a new post.</p>}
      {media.data && media.data.length > 0 && (
        <ul className="library" aria-label="Your media">
          {media.data.map((m) => <MediaCard key={m.id} media={m} />)}
        </ul>
      )}
    </div>
  );
}

function UploadRow({ upload, onRemove }: { upload: Upload; onRemove: () => void }) {
  const name = upload.file.name;
  const progress = percent(upload.loaded, upload.file.size);
  return (
    <li className={`upload ${upload.state}`}>
      <div className="upload-facts">
        <div className="filename">{name}</div>
        <div className="small">{formatBytes(upload.file.size)}</div>
        {upload.state === 'uploading' && (
          <>
            <progress max={100} value={progress} aria-label={`Uploading ${name}`} />
            <span className="small" aria-live="polite">{progress}% uploaded</span>
          </>
        )}
        {upload.state === 'failed' && <p className="error" role="alert">{name}: {upload.error}</p>}
      </div>
      <button type="button" className="secondary" onClick={onRemove}
        aria-label={upload.state === 'uploading' ? `Cancel uploading ${name}` : `Dismiss ${name}`}>
        {upload.state === 'uploading' ? 'Cancel' : 'Dismiss'}
      </button>
    </li>
  );
}

function MediaCard({ media }: { media: Media }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const name = media.filename ?? `${media.kind ?? 'media'} ${media.id}`;
  // the address expires (post-service's presign TTL): asked again well before
  const preview = useQuery({
    queryKey: ['media-preview', media.id],
    queryFn: () => mediaPreview(media.id),
    enabled: media.status === 'ready',
    staleTime: 5 * 60_000,
  });
  useBackfilledPoster(media, preview.data?.url);
  const remove = useMutation({
    mutationFn: () => deleteMedia(media.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['media'] }),
  });
  const facts = [
    media.duration_seconds != null && `${media.duration_seconds.toFixed(1)} s`,
    media.width != null && `${media.width}×${media.height}`,
    media.fps != null && `${Math.round(media.fps)} fps`,
    media.codec,
    media.size_bytes != null && formatBytes(media.size_bytes),
  ].filter(Boolean).join(' · ');
  const headingId = `media-${media.id}`;
  return (
    <li className="card media-card" aria-labelledby={headingId}>
      <div className="preview">
        {preview.data && media.kind === 'video' && (
          // the stored poster frame until played; without one, preload="metadata" shows the frame at 0.1 s
          <video src={`${preview.data.url}#t=0.1`} poster={media.poster_url ?? undefined} preload="metadata" muted playsInline
            controls aria-label={`Preview of ${name}`} />
        )}
        {/* the poster rather than the photo itself, which may be 20 MB */}
        {preview.data && media.kind === 'photo' && <img src={media.poster_url ?? preview.data.url} alt={name} loading="lazy" />}
        {preview.isError && <p className="small">No preview: {preview.error.message}</p>}
      </div>
      <h2 id={headingId} className="filename">{name}</h2>
      <p className="small">{media.kind ?? 'unknown'}{facts ? ` · ${facts}` : ''}</p>
      <p className="small">
        {media.status === 'ready' ? 'Checked' : 'Upload not finished'} · added{' '}
        <time dateTime={media.created_at}>{formatInZone(media.created_at, browserTimeZone())}</time>
      </p>
      {!confirming ? (
        <button type="button" className="secondary" onClick={() => setConfirming(true)} aria-label={`Delete ${name}`}>
          Delete
        </button>
      ) : (
        <div role="group" aria-label={`Confirm deleting ${name}`} className="confirm">
          <p className="small">Delete {name}? Posts already published keep their copy on TikTok.</p>
          <button type="button" className="danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
            {remove.isPending ? 'Deleting…' : 'Yes, delete'}
          </button>
          <button type="button" className="secondary" onClick={() => { setConfirming(false); remove.reset(); }}>
            Keep it
          </button>
        </div>
      )}
      {remove.isError && <p role="alert" className="error">{name} was not deleted: {remove.error.message}</p>}
    </li>
  );
}

/**
 * Media uploaded without the web app (through the API) or before poster frames existed has none: the library makes
 * it once from the stored file, if this browser can decode it, so the calendar can show it.
 */
function useBackfilledPoster(media: Media, previewUrl: string | undefined) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!previewUrl || media.poster_url || media.status !== 'ready' || !media.kind) return;
    let current = true;
    void makePoster(previewUrl, media.kind).then(async (poster) => {
      if (!poster || !current) return;
      try {
        await putPoster(media.id, poster);
        queryClient.invalidateQueries({ queryKey: ['media'] });
      } catch {
        // without a poster the calendar entry has no thumbnail; nothing for the user to do
      }
    });
    return () => {
      current = false;
    };
  }, [previewUrl, media.id, media.kind, media.status, media.poster_url, queryClient]);
}
