import { describe, expect, it } from 'vitest';
import { connectOutcome } from './connectOutcome';

describe('the result of connecting a TikTok account, as the callback reports it', () => {
  it('says nothing on a plain visit', () => {
    expect(connectOutcome(new URLSearchParams(''))).toBeNull();
  });

  it('confirms a connected account', () => {
    expect(connectOutcome(new URLSearchParams('tiktok=connected&account_id=7'))).toMatchObject({ ok: true });
  });

  it.each([
    ['access_denied', /cancelled/],
    ['missing_scopes', /permission/],
    ['invalid_state', /expired/],
    ['started_elsewhere', /another browser/],
    ['code_rejected', /did not accept/],
    ['account_owned_elsewhere', /another TikTimer user/],
    ['tiktok_unavailable', /could not be reached/],
    ['tiktok_error', /reported an error/],
  ])('explains %s in words', (reason, text) => {
    const outcome = connectOutcome(new URLSearchParams(`tiktok=error&reason=${reason}`));
    expect(outcome?.ok).toBe(false);
    expect(outcome?.message).toMatch(text);
  });

  it('has a general message for a reason it does not know, never the raw code', () => {
    const outcome = connectOutcome(new URLSearchParams('tiktok=error&reason=<script>'));
    expect(outcome).toEqual({ ok: false, message: 'The TikTok account could not be connected. Please try again.' });
  });
});
