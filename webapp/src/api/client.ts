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
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
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
export const listPosts = () => api<Post[]>('/posts/?size=50');

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
