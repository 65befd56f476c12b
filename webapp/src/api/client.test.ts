import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

interface Call {
  path: string;
  init: RequestInit;
}

/** A stand-in for the gateway: answers by path, records what the client sent. */
function fakeApi(answers: Record<string, Array<() => Response>>) {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (path: string, init: RequestInit = {}) => {
    calls.push({ path, init });
    const queue = answers[path];
    if (!queue || queue.length === 0) throw new Error(`unexpected call ${path}`);
    return queue.shift()!();
  });
  return calls;
}

const json = (status: number, body: unknown) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
/** Cookie mode: auth-service sets the refresh token as an HttpOnly cookie and leaves it out of the body. */
const tokens = (access: string) => json(200, { access_token: access, token_type: 'bearer' });
const header = (call: Call, name: string) => new Headers(call.init.headers).get(name);

describe('API client sessions', () => {
  let client: typeof import('./client');

  beforeEach(async () => {
    vi.resetModules();
    client = await import('./client');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('signs in with the OAuth2 password form and sends the access token afterwards', async () => {
    const calls = fakeApi({ '/token': [tokens('A1')], '/users/me': [json(200, { username: 'ann' })] });
    await client.signIn('ann', 'secret password');
    expect(header(calls[0], 'Content-Type')).toBe('application/x-www-form-urlencoded');
    expect(String(calls[0].init.body)).toBe('grant_type=password&username=ann&password=secret+password');
    expect(calls[0].init.credentials).toBe('same-origin');
    expect(header(calls[0], 'X-Requested-With')).toBe('TikTimer');
    await client.me();
    expect(header(calls[1], 'Authorization')).toBe('Bearer A1');
  });

  it('keeps nothing in web storage', async () => {
    const storage = { setItem: vi.fn() };
    vi.stubGlobal('localStorage', storage);
    vi.stubGlobal('sessionStorage', storage);
    fakeApi({ '/token': [tokens('A1')] });
    await client.signIn('ann', 'pw');
    expect(storage.setItem).not.toHaveBeenCalled();
  });

  it('answers a 401 by renewing the session once (cookie-capable, CSRF header) and repeating the request', async () => {
    const calls = fakeApi({
      '/token': [tokens('A1')],
      '/users/me': [json(401, { title: 'Unauthorized' }), json(200, { username: 'ann' })],
      '/auth/refresh': [tokens('A2')],
    });
    await client.signIn('ann', 'pw');
    await expect(client.me()).resolves.toEqual({ username: 'ann' });
    const refresh = calls.find((c) => c.path === '/auth/refresh')!;
    expect(refresh.init.credentials).toBe('same-origin');
    expect(header(refresh, 'X-Requested-With')).toBe('TikTimer');
    expect(JSON.parse(String(refresh.init.body))).toEqual({});
    expect(header(calls[calls.length - 1], 'Authorization')).toBe('Bearer A2');
  });

  it('after a reload (nothing in memory) renews with the cookie alone, and without one is signed out', async () => {
    const calls = fakeApi({
      '/auth/refresh': [tokens('A3'), json(401, { code: 'no_session_cookie' })],
      '/users/me': [json(200, { username: 'ann' })],
    });
    await expect(client.renewSession()).resolves.toBe(true);
    await client.me();
    expect(header(calls[1], 'Authorization')).toBe('Bearer A3');
    vi.resetModules();
    client = await import('./client');
    await expect(client.renewSession()).resolves.toBe(false);
    expect(JSON.parse(String(calls[2].init.body))).toEqual({});
    expect(calls[2].init.credentials).toBe('same-origin');
    expect(client.hasSession()).toBe(false);
  });

  it('ends the session when renewal is refused, and says so', async () => {
    fakeApi({
      '/token': [tokens('A1')],
      '/users/me': [json(401, { title: 'Unauthorized' })],
      '/auth/refresh': [json(401, { title: 'Unauthorized' })],
    });
    const ended = vi.fn();
    client.onSessionEnded(ended);
    await client.signIn('ann', 'pw');
    await expect(client.me()).rejects.toMatchObject({ status: 401 });
    expect(ended).toHaveBeenCalledOnce();
    expect(client.hasSession()).toBe(false);
  });

  it('signs out on the server and forgets the tokens even if the server fails', async () => {
    const calls = fakeApi({ '/token': [tokens('A1')], '/auth/logout': [() => { throw new TypeError('offline'); }] });
    await client.signIn('ann', 'pw');
    await expect(client.signOut()).rejects.toThrow('offline');
    expect(header(calls[1], 'Authorization')).toBe('Bearer A1');
    expect(header(calls[1], 'X-Requested-With')).toBe('TikTimer');
    expect(client.hasSession()).toBe(false);
  });
});
