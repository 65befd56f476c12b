import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { disconnectAccount, listAccounts, tiktokAuthorizationUrl, type TikTokAccount } from '../api/client';
import { useTitle } from '../components/useTitle';
import { browserTimeZone, formatInZone } from '../time';
import { connectOutcome } from './connectOutcome';

/**
 * The user's TikTok accounts: connect (TikTok's consent, then back here), reconnect one TikTok stopped trusting,
 * disconnect with a confirmation. tiktok-service sends the browser back with ?tiktok=connected|error&reason=….
 */
export function Accounts() {
  useTitle('TikTok accounts');
  const [params, setParams] = useSearchParams();
  // Shown once: the address loses the callback's parameters, so a reload or a bookmark does not repeat the message.
  const [outcome, setOutcome] = useState(() => connectOutcome(params));
  useEffect(() => {
    if (params.has('tiktok')) setParams({}, { replace: true });
  }, [params, setParams]);
  const accounts = useQuery({ queryKey: ['accounts'], queryFn: listAccounts });
  const [leaving, setLeaving] = useState(false);
  const [connectError, setConnectError] = useState<string | null>(null);

  async function goToTikTok() {
    setLeaving(true);
    setConnectError(null);
    try {
      window.location.assign(await tiktokAuthorizationUrl());
    } catch (error) {
      setLeaving(false);
      setConnectError(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <div className="page">
      <h1>TikTok accounts</h1>
      {outcome && (
        <div role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'notice' : 'alert'}>
          {outcome.message}{' '}
          <button type="button" className="link" onClick={() => setOutcome(null)}>
            Dismiss
          </button>
        </div>
      )}
      <p>
        <button type="button" onClick={goToTikTok} disabled={leaving} aria-describedby="connect-hint">
          {leaving ? 'Opening TikTok…' : 'Connect a TikTok account'}
        </button>
      </p>
      <p id="connect-hint" className="hint">
        TikTok asks you to log in and to allow TikTimer to post for you, then sends you back here.
      </p>
      {connectError && (
        <p role="alert" className="alert">
          TikTok's consent page could not be opened: {connectError}
        </p>
      )}
      {accounts.isPending && <p role="status">Loading…</p>}
      {accounts.isError && (
        <p role="alert" className="alert">
          Your accounts could not be loaded: {accounts.error.message}
        </p>
      )}
      {accounts.data && accounts.data.length === 0 && <p>No TikTok account is connected yet.</p>}
      {accounts.data && accounts.data.length > 0 && (
        <ul className="accounts" aria-label="Connected TikTok accounts">
          {accounts.data.map((account) => (
            <AccountItem key={account.id} account={account} onReconnect={goToTikTok} busy={leaving} />
          ))}
        </ul>
      )}
    </div>
  );
}

function accountName(account: TikTokAccount): string {
  return account.display_name ?? account.username ?? `TikTok account ${account.id}`;
}

function AccountItem({ account, onReconnect, busy }: {
  account: TikTokAccount;
  onReconnect: () => void;
  busy: boolean;
}) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  // TikTok's avatar URLs are signed and expire; a broken one falls back to the initial
  const [avatarFailed, setAvatarFailed] = useState(false);
  const name = accountName(account);
  const disconnect = useMutation({
    mutationFn: () => disconnectAccount(account.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accounts'] }),
  });
  const headingId = `account-${account.id}`;

  return (
    <li className="card account" aria-labelledby={headingId}>
      {account.avatar_url && !avatarFailed ? (
        <img className="avatar" src={account.avatar_url} alt="" width={48} height={48}
          referrerPolicy="no-referrer" onError={() => setAvatarFailed(true)} />
      ) : (
        <span className="avatar" aria-hidden="true">{name.slice(0, 1)}</span>
      )}
      <div className="account-facts">
        <h2 id={headingId}>{name}</h2>
        {account.username && <div className="muted">@{account.username}</div>}
        <div>
          <span className={`badge status-${account.status}`}>
            {account.status === 'connected' ? 'connected' : 'needs reconnect'}
          </span>{' '}
          <span className="small">
            since <time dateTime={account.connected_at}>{formatInZone(account.connected_at, browserTimeZone())}</time>
          </span>
        </div>
        {account.status === 'needs_reconnect' && (
          <p className="small">
            TikTok no longer accepts TikTimer's access to this account; posts to it wait until you reconnect.
          </p>
        )}
      </div>
      <div className="account-actions">
        {account.status === 'needs_reconnect' && (
          <button type="button" onClick={onReconnect} disabled={busy} aria-label={`Reconnect ${name}`}>
            Reconnect
          </button>
        )}
        {!confirming ? (
          <button type="button" className="secondary" onClick={() => setConfirming(true)}
            aria-label={`Disconnect ${name}`}>
            Disconnect
          </button>
        ) : (
          <div role="group" aria-label={`Confirm disconnecting ${name}`} className="confirm">
            <p className="small">
              Disconnect {name}? TikTimer gives up its access at TikTok; posts scheduled to this account will fail.
            </p>
            <button type="button" className="danger" onClick={() => disconnect.mutate()}
              disabled={disconnect.isPending}>
              {disconnect.isPending ? 'Disconnecting…' : 'Yes, disconnect'}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}
              disabled={disconnect.isPending}>
              Keep it
            </button>
            {disconnect.isError && (
              <p role="alert" className="alert">Could not disconnect: {disconnect.error.message}</p>
            )}
          </div>
        )}
      </div>
    </li>
  );
}
