import { useId, useState, type DragEvent } from 'react';
import { formatBytes, percent, pickProblem, PHOTO_TYPES, VIDEO_TYPES } from './media';
import type { Upload } from './useUploads';

/**
 * Picks the post's video or photos (button or drop), uploads them with a progress bar each, and previews exactly the
 * local file (5a, 5b: nothing is added to the user's media). The browser's reading of a video's duration is passed
 * up at once, so a video too long for the account is refused before its upload has finished (1c).
 */
export function MediaPicker({ uploads, maxDurationSec, onAdd, onRemove, onDuration, error }: {
  uploads: Upload[];
  maxDurationSec: number;
  onAdd: (files: File[]) => void;
  onRemove: (key: string) => void;
  onDuration: (key: string, seconds: number) => void;
  error?: string;
}) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const shown = uploads.filter((u) => u.state !== 'cancelled');
  const current = shown.length > 0 ? { kind: shown[0].kind, count: shown.length } : null;
  const full = current?.kind === 'video';

  function pick(files: File[]) {
    const why = pickProblem(files, current);
    setProblem(why);
    if (!why && files.length > 0) onAdd(files);
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    pick(Array.from(event.dataTransfer.files));
  }

  const message = problem ?? error ?? null;
  return (
    <fieldset className="media">
      <legend>Video or photos</legend>
      {!full && (
        <div className={dragging ? 'dropzone over' : 'dropzone'}
          onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
          onDragLeave={() => setDragging(false)} onDrop={drop}>
          <label htmlFor={`${id}-file`} className="button">
            {shown.length === 0 ? 'Choose a video or photos' : 'Add more photos'}
          </label>
          <input id={`${id}-file`} type="file" className="visually-hidden"
            accept={[...VIDEO_TYPES, ...PHOTO_TYPES].join(',')} multiple={current?.kind !== 'video'}
            aria-describedby={`${id}-limits${message ? ` ${id}-problem` : ''}`}
            onChange={(e) => { pick(Array.from(e.target.files ?? [])); e.target.value = ''; }} />
          <p id={`${id}-limits`} className="hint">
            or drop files here. One video (MP4, MOV or WebM, up to 4 GB, at most {Math.floor(maxDurationSec / 60)} min
            {maxDurationSec % 60 ? ` ${maxDurationSec % 60} s` : ''} for this account), or up to 35 photos (JPEG or
            WebP, 20 MB each).
          </p>
        </div>
      )}
      {message && <p id={`${id}-problem`} role="alert" className="error">{message}</p>}
      {shown.length > 0 && (
        <ul className="uploads" aria-label="Your media">
          {shown.map((u, index) => (
            <UploadItem key={u.key} upload={u} position={index + 1} onRemove={() => onRemove(u.key)}
              onDuration={(s) => onDuration(u.key, s)} />
          ))}
        </ul>
      )}
    </fieldset>
  );
}

function UploadItem({ upload, position, onRemove, onDuration }: {
  upload: Upload;
  position: number;
  onRemove: () => void;
  onDuration: (seconds: number) => void;
}) {
  const [unplayable, setUnplayable] = useState(false);
  const name = upload.file.name;
  const progress = percent(upload.loaded, upload.file.size);
  return (
    <li className={`upload ${upload.state}`}>
      <div className="preview">
        {upload.kind === 'video' ? (
          unplayable ? (
            <p className="small">This browser cannot play {name}, so it shows no preview. TikTok receives the file as it is.</p>
          ) : (
            <video src={upload.previewUrl} controls muted playsInline preload="metadata"
              aria-label={`Preview of ${name}`}
              onLoadedMetadata={(e) => Number.isFinite(e.currentTarget.duration) && onDuration(e.currentTarget.duration)}
              onError={() => setUnplayable(true)} />
          )
        ) : (
          <img src={upload.previewUrl} alt={`Photo ${position}: ${name}`} />
        )}
      </div>
      <div className="upload-facts">
        <div className="filename">{name}</div>
        <div className="small">{formatBytes(upload.file.size)}{upload.media?.duration_seconds != null &&
          `, ${upload.media.duration_seconds.toFixed(1)} s`}{upload.media?.width != null &&
          `, ${upload.media.width}×${upload.media.height}`}</div>
        {upload.state === 'uploading' && (
          <>
            <progress max={100} value={progress} aria-label={`Uploading ${name}`} />
            <span className="small" aria-live="polite">{progress}% uploaded</span>
          </>
        )}
        {upload.state === 'ready' && <span className="small ok" role="status">Uploaded and checked</span>}
        {upload.state === 'failed' && <p className="error" role="alert">{name}: {upload.error}</p>}
      </div>
      <button type="button" className="secondary" onClick={onRemove}
        aria-label={upload.state === 'uploading' ? `Cancel uploading ${name}` : `Remove ${name}`}>
        {upload.state === 'uploading' ? 'Cancel' : 'Remove'}
      </button>
    </li>
  );
}
