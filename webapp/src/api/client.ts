/**
 * The one way the app talks to TikTimer's public API (same origin, through the gateway). Tokens live in this
 * module's variables only: nothing secret goes to localStorage, sessionStorage or a readable cookie, so a reload
 * forgets them. The session survives a reload only through the refresh cookie that auth-service sets (HttpOnly,
 * SameSite=Strict, scoped to /auth); this client asks for it with `credentials: 'same-origin'` on /token,
 * /auth/refresh and /auth/logout and sends the custom header below, which a cross-site form cannot send.
 */
import { toApiError } from './problem';

/** Sent on every session request: it asks auth-service for its cookie mode, which also requires it (CSRF check). */
export const CSRF_HEADER = { 'X-Requested-With': 'TikTimer' } as const;

export interface User {
  id: number;
  email: string;
  username: string;
  created_at: string;
}

export interface Post {
  id: number;
  content: string;
  scheduled_time: string;
  status: string;
  time_zone: string | null;
  privacy_level: string | null;
  share_url: string | null;
  error_message: string | null;
  error_code?: string | null;
  created_at?: string;
  updated_at?: string;
  tiktok_account_id?: number | null;
  media_ids?: number[];
  media_type?: 'video' | 'photo' | null;
  mode?: string;
  title?: string | null;
  allow_comment?: boolean;
  allow_duet?: boolean;
  allow_stitch?: boolean;
  brand_content_toggle?: boolean;
  brand_organic_toggle?: boolean;
  is_aigc?: boolean;
  attempt?: number;
  next_attempt_at?: string | null;
  publish_id?: string | null;
  publish_outcome?: string | null;
  public_post_id?: string | null;
  published_at?: string | null;
  consent_declaration?: string | null;
  consented_at?: string | null;
  queued_at?: string | null;
  publishing_at?: string | null;
}

interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  token_type: string;
  expires_in?: number;
}

let accessToken: string | null = null;
let refreshing: Promise<boolean> | null = null;
let sessionEnded: () => void = () => {};

/** Called when the API refuses the session and it cannot be renewed (the app then shows the sign-in page). */
export function onSessionEnded(listener: () => void): void {
  sessionEnded = listener;
}

export function hasSession(): boolean {
  return accessToken !== null;
}

/** Only the access token: in cookie mode (the CSRF header) auth-service keeps the refresh token out of the body. */
function remember(tokens: TokenResponse): void {
  accessToken = tokens.access_token;
}

function forget(): void {
  accessToken = null;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function send(path: string, init: RequestInit): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json, application/problem+json');
  if (accessToken && !headers.has('Authorization')) {
    headers.set('Authorization', `Bearer ${accessToken}`);
  }
  return fetch(path, { ...init, headers, credentials: 'same-origin' });
}

/** A request on behalf of the signed-in user; one 401 is answered by renewing the session once. */
export async function api<T>(path: string, init: RequestInit = {}, onResponse?: (response: Response) => void): Promise<T> {
  let response = await send(path, init);
  if (response.status === 401 && (await renewSession())) {
    response = await send(path, init);
  }
  if (response.status === 401) {
    forget();
    sessionEnded();
  }
  const body = await readBody(response);
  if (!response.ok) {
    throw toApiError(response.status, body, response.statusText);
  }
  onResponse?.(response);
  return body as T;
}

/**
 * Renews the access token with the refresh cookie (which the browser sends and JavaScript cannot read); after a
 * reload this is how the session comes back. Concurrent callers share one request: a refresh token is single-use,
 * and a second request with the spent cookie would end the session.
 */
export function renewSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const response = await fetch('/auth/refresh', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...CSRF_HEADER },
        body: '{}',
      });
      if (!response.ok) {
        forget();
        return false;
      }
      remember((await response.json()) as TokenResponse);
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

export async function register(input: { email: string; username: string; password: string }): Promise<User> {
  const response = await send('/register', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = await readBody(response);
  if (!response.ok) throw toApiError(response.status, body, response.statusText);
  return body as User;
}

/** OAuth2 password form, as the original clients send it. */
export async function signIn(username: string, password: string): Promise<void> {
  const form = new URLSearchParams({ grant_type: 'password', username, password });
  const response = await fetch('/token', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', ...CSRF_HEADER },
    body: form,
  });
  const body = await readBody(response);
  if (!response.ok) throw toApiError(response.status, body, response.statusText);
  remember(body as TokenResponse);
}

/** Ends the session on the server (all its refresh tokens) and forgets it here, whatever the server answered. */
export async function signOut(): Promise<void> {
  try {
    if (accessToken) {
      await send('/auth/logout', { method: 'POST', headers: CSRF_HEADER });
    }
  } finally {
    forget();
  }
}

export const me = () => api<User>('/users/me');

export interface PostFilter {
  status?: string;
  accountId?: number;
  /** scheduled_time >= from and < to */
  from?: Date;
  to?: Date;
  page: number;
  size: number;
}

export interface PostCounts {
  by_status: Record<string, number>;
  total: number;
}

/** How many posts are in each state, for the same account and time range as the list (not its status filter). */
export function postCounts(filter: Omit<PostFilter, 'page' | 'size' | 'status'>): Promise<PostCounts> {
  return api<PostCounts>(`/posts/counts?${filterQuery(filter)}`);
}

function filterQuery(filter: Omit<PostFilter, 'page' | 'size'>): URLSearchParams {
  const query = new URLSearchParams();
  if (filter.status) query.set('status', filter.status);
  if (filter.accountId) query.set('tiktok_account_id', String(filter.accountId));
  if (filter.from) query.set('from', filter.from.toISOString());
  if (filter.to) query.set('to', filter.to.toISOString());
  return query;
}

export interface PostPage {
  items: Post[];
  total: number;
}

/** One page of the user's posts, oldest scheduled first, with the total that matches the filter (X-Total-Count). */
export async function listPostPage(filter: PostFilter): Promise<PostPage> {
  const query = filterQuery(filter);
  query.set('page', String(filter.page));
  query.set('size', String(filter.size));
  let total = 0;
  const items = await api<Post[]>(`/posts?${query}`, {}, (response) => {
    total = Number(response.headers.get('X-Total-Count') ?? '0');
  });
  return { items, total };
}

export interface TikTokAccount {
  id: number;
  open_id: string;
  display_name: string | null;
  username: string | null;
  avatar_url: string | null;
  status: 'connected' | 'needs_reconnect';
  connected_at: string;
}

export const listAccounts = () => api<TikTokAccount[]>('/api/v1/tiktok/accounts');

/**
 * TikTok's consent page for this browser. tiktok-service also sets a cookie binding the authorization to this
 * browser (only it may complete the callback), which is why this goes through fetch with credentials rather than as
 * a plain link; TikTok then sends the browser back to the Accounts page.
 */
export async function tiktokAuthorizationUrl(): Promise<string> {
  const answer = await api<{ authorization_url: string }>('/api/v1/auth/tiktok/authorize');
  return answer.authorization_url;
}

export const disconnectAccount = (id: number) =>
  api<null>(`/api/v1/tiktok/accounts/${id}`, { method: 'DELETE' });

/** Needs the current password; auth-service then ends every other session of the user. */
export const changePassword = (currentPassword: string, password: string) =>
  api<User>('/users/me', {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ current_password: currentPassword, password }),
  });

export const deleteAccount = () => api<null>('/users/me', { method: 'DELETE' });

export const getPost = (id: number) => api<Post>(`/posts/${id}`);

export const createPost = (fields: Record<string, unknown>) =>
  api<Post>('/posts', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fields),
  });

export const updatePost = (id: number, fields: Record<string, unknown>) =>
  api<Post>(`/posts/${id}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fields),
  });

export const deletePost = (id: number) => api<null>(`/posts/${id}`, { method: 'DELETE' });

/** failed → scheduled now; an unconfirmed post only once the user said it is not on TikTok. */
export const retryPost = (id: number, confirmNotPublished: boolean) =>
  api<Post>(`/posts/${id}/retry`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(confirmNotPublished ? { confirm_not_published: true } : {}),
  });

/** tiktok-service's answer for the posting screen (TikTok's creator_info/query, asked when the screen opens). */
export interface CreatorInfoAnswer {
  account_id: number;
  creator_username: string | null;
  creator_nickname: string;
  creator_avatar_url: string | null;
  privacy_level_options: string[];
  comment_disabled: boolean;
  duet_disabled: boolean;
  stitch_disabled: boolean;
  max_video_post_duration_sec: number | null;
  can_post: boolean;
  cannot_post_reason: string | null;
  fetched_at: string;
}

export const creatorInfo = (accountId: number) =>
  api<CreatorInfoAnswer>(`/api/v1/tiktok/accounts/${accountId}/creator-info`);

export interface Media {
  id: number;
  status: 'pending' | 'ready';
  kind: 'video' | 'photo' | null;
  container: string | null;
  content_type: string | null;
  filename: string | null;
  size_bytes: number | null;
  duration_seconds: number | null;
  width: number | null;
  height: number | null;
  fps: number | null;
  codec: string | null;
  created_at: string;
  /** A short-lived address of the media's poster frame, null while it has none. */
  poster_url: string | null;
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * Uploads one file to /media as the raw request body, so the gateway and post-service stream it to S3 without
 * holding it. XMLHttpRequest rather than fetch: fetch reports no upload progress, and a large video needs a progress
 * bar. The signal aborts the upload; a 401 renews the session once, like {@link api}.
 */
export async function uploadMedia(
  file: File,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<Media> {
  if (file.size > DIRECT_TO_S3_FROM) {
    return uploadDirectToS3(file, onProgress, signal);
  }
  let answer = await sendFile(file, onProgress, signal);
  if (answer.status === 401 && (await renewSession())) {
    answer = await sendFile(file, onProgress, signal);
  }
  if (answer.status === 401) {
    forget();
    sessionEnded();
  }
  if (answer.status < 200 || answer.status >= 300) {
    throw toApiError(answer.status, answer.body, answer.statusText);
  }
  return answer.body as Media;
}

interface XhrAnswer {
  status: number;
  statusText: string;
  body: unknown;
}

/** Files above this go straight to S3 (presigned PUT) instead of through the gateway and post-service. */
export const DIRECT_TO_S3_FROM = 32 * 1024 * 1024;

interface PresignedUpload {
  media_id: number;
  upload_url: string;
  method: string;
  headers: Record<string, string>;
  expires_at: string;
  complete_url: string;
}

/**
 * A large file goes from the browser to S3 itself: post-service presigns a PUT, the browser sends the bytes there
 * (with progress), and post-service then reads the object back through the same checks as any upload; what it
 * refuses is deleted and answered as a problem, shown on the file.
 */
async function uploadDirectToS3(file: File, onProgress: (p: UploadProgress) => void, signal?: AbortSignal): Promise<Media> {
  const upload = await api<PresignedUpload>('/media/uploads', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ filename: file.name }),
    signal,
  });
  const put = await sendXhr(upload.method, upload.upload_url, upload.headers, file, onProgress, signal, false);
  if (put.status < 200 || put.status >= 300) {
    throw new Error(`The storage refused the upload (HTTP ${put.status}). Try again.`);
  }
  return api<Media>(upload.complete_url, { method: 'POST', signal });
}

function sendFile(file: File, onProgress: (progress: UploadProgress) => void, signal?: AbortSignal): Promise<XhrAnswer> {
  return sendXhr('POST', `/media?filename=${encodeURIComponent(file.name)}`,
    { 'Content-Type': file.type || 'application/octet-stream' }, file, onProgress, signal, true);
}

function sendXhr(method: string, url: string, headers: Record<string, string>, file: File,
  onProgress: (progress: UploadProgress) => void, signal: AbortSignal | undefined, ours: boolean): Promise<XhrAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    // the bearer token only ever goes to TikTimer's own origin, never to the storage's presigned address
    if (ours) {
      xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
      if (accessToken) xhr.setRequestHeader('Authorization', `Bearer ${accessToken}`);
    }
    xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.onload = () => {
      let body: unknown = xhr.responseText;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // not JSON: keep the text for the error message
      }
      resolve({ status: xhr.status, statusText: xhr.statusText, body });
    };
    xhr.onerror = () => reject(new Error('The upload was interrupted: check your connection and try again.'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

export const deleteMedia = (id: number) => api<null>(`/media/${id}`, { method: 'DELETE' });

/** The user's media, newest first. */
export const listMedia = () => api<Media[]>('/media');

/** Stores the poster frame the browser made of an uploaded file (a small JPEG). */
export const putPoster = (id: number, jpeg: Blob) =>
  api<Media>(`/media/${id}/poster`, { method: 'PUT', headers: { 'Content-Type': 'image/jpeg' }, body: jpeg });

/** A short-lived address for an <img> or <video> (which cannot send the bearer token). */
export const mediaPreview = (id: number) => api<{ url: string; expires_at: string }>(`/media/${id}/preview`);

/**
 * Every post scheduled in [from, to), for the calendar: pages of 500 (the API's maximum) until the total is read,
 * so a busy month of a thousand posts is two requests.
 */
export async function postsBetween(from: Date, to: Date, signal?: AbortSignal): Promise<Post[]> {
  const all: Post[] = [];
  for (let page = 0; ; page++) {
    const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), page: String(page), size: '500' });
    let total = 0;
    const items = await api<Post[]>(`/posts?${query}`, { signal }, (response) => {
      total = Number(response.headers.get('X-Total-Count') ?? '0');
    });
    all.push(...items);
    if (items.length < 500 || all.length >= total) return all;
  }
}

/** Moves a post to another instant (the calendar's drag); post-service refuses it from "queued" on. */
export const reschedulePost = (id: number, at: Date) => updatePost(id, { scheduled_time: at.toISOString() });
