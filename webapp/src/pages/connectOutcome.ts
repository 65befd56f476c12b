/** What tiktok-service's callback reports when it sends the browser back (?tiktok=connected|error&reason=…). */
export interface ConnectOutcome {
  ok: boolean;
  message: string;
}

const REASONS: Record<string, string> = {
  access_denied: 'You cancelled on TikTok, so no account was connected.',
  missing_scopes:
    'TikTok did not grant every permission TikTimer needs to post for you. Connect again and leave all boxes ticked.',
  invalid_state: 'That connection attempt had expired or was already used. Please connect again.',
  started_elsewhere:
    'This connection was started in another browser. Start it again here; nothing was linked.',
  code_rejected: 'TikTok did not accept the sign-in. Please connect again.',
  account_owned_elsewhere: 'This TikTok account is already connected to another TikTimer user.',
  tiktok_unavailable: 'TikTok could not be reached. Nothing was linked; please try again in a few minutes.',
  tiktok_error: 'TikTok reported an error. Nothing was linked; please try again.',
};

export function connectOutcome(params: URLSearchParams): ConnectOutcome | null {
  const result = params.get('tiktok');
  if (result === 'connected') {
    return { ok: true, message: 'Your TikTok account is connected. You can now post to it.' };
  }
  if (result === 'error') {
    const reason = params.get('reason') ?? '';
    return { ok: false, message: REASONS[reason] ?? 'The TikTok account could not be connected. Please try again.' };
  }
  return null;
}
