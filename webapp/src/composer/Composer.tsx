import { useEffect, useId, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createPost, creatorInfo, listAccounts, type CreatorInfoAnswer, type TikTokAccount } from '../api/client';
import { ApiError } from '../api/problem';
import { useTitle } from '../components/useTitle';
import { browserTimeZone } from '../time';
import { MediaPicker } from './MediaPicker';
import { useUploads } from './useUploads';
import {
  brandedContentOption,
  captionCounter,
  creatorLabel,
  declaration,
  disclosureLabel,
  durationProblem,
  inboxButton,
  INBOX_NOTICE,
  initialState,
  interactionOptions,
  privacyOptions,
  publishButton,
  selectPrivacy,
  setBrandedContent,
  setDisclose,
  setInteraction,
  setYourBrand,
  titleCounter,
  toInboxFields,
  toPostFields,
  type ComposerState,
  type PostMode,
  type CreatorInfo,
  type CreatorInfoResult,
  type PrivacyLevel,
} from './rules';
import { TEXT } from './texts';
import { inZone, pastProblem, resolveLocal, suggestedTime, timeZones } from './schedule';

/**
 * "Post to TikTok": the screen TikTok's Direct Post audit reviews, point by point in the order of its Content Sharing
 * Guidelines (../shared/reference/tiktok-ux-audit.md). What it may show and allow comes from ./rules; this file only
 * lays it out. The numbers in the comments are the audit's.
 */
export function Composer() {
  useTitle('Post to TikTok');
  const [params, setParams] = useSearchParams();
  const accounts = useQuery({ queryKey: ['accounts'], queryFn: listAccounts });
  const connected = (accounts.data ?? []).filter((a) => a.status === 'connected');
  const asked = Number(params.get('account'));
  const chosen = connected.find((a) => a.id === asked) ?? (connected.length === 1 ? connected[0] : undefined);

  return (
    <div className="page composer">
      <h1>Post to TikTok</h1>
      {accounts.isPending && <p role="status">Loading your TikTok accounts…</p>}
      {accounts.isError && (
        <p role="alert" className="alert">Your TikTok accounts could not be loaded: {accounts.error.message}</p>
      )}
      {accounts.data && connected.length === 0 && (
        <p className="notice">
          No TikTok account is connected. <Link to="/accounts">Connect a TikTok account</Link> to post to it.
        </p>
      )}
      {connected.length > 1 && (
        <AccountChoice accounts={connected} value={chosen?.id ?? null}
          onChange={(id) => {
            const next = new URLSearchParams(params);
            if (id) next.set('account', String(id));
            else next.delete('account');
            setParams(next, { replace: true });
          }} />
      )}
      {/* keyed by account: switching accounts starts over with that creator's fresh info and no choices carried */}
      {chosen && <ComposerForm key={chosen.id} account={chosen} startAt={params.get('at')} />}
    </div>
  );
}

function AccountChoice({ accounts, value, onChange }: {
  accounts: TikTokAccount[];
  value: number | null;
  onChange: (id: number | null) => void;
}) {
  return (
    <div className="field">
      <label htmlFor="account">TikTok account</label>
      <select id="account" value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
        <option value="">Choose the account to post to</option>
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.display_name ?? a.username ?? `TikTok account ${a.id}`}
            {a.username ? ` (@${a.username})` : ''}
          </option>
        ))}
      </select>
    </div>
  );
}

function toCreatorInfo(answer: CreatorInfoAnswer): CreatorInfoResult {
  if (!answer.can_post) {
    return { ok: false, errorCode: answer.cannot_post_reason ?? 'cannot_post' };
  }
  const info: CreatorInfo = {
    creator_nickname: answer.creator_nickname,
    creator_username: answer.creator_username ?? undefined,
    creator_avatar_url: answer.creator_avatar_url ?? undefined,
    privacy_level_options: answer.privacy_level_options,
    comment_disabled: answer.comment_disabled,
    duet_disabled: answer.duet_disabled,
    stitch_disabled: answer.stitch_disabled,
    max_video_post_duration_sec: answer.max_video_post_duration_sec ?? 600,
  };
  return { ok: true, info };
}

function ComposerForm({ account, startAt }: { account: TikTokAccount; startAt: string | null }) {
  // 1. Fresh creator info: asked every time the screen opens for an account, never kept for later screens.
  const creator = useQuery({
    queryKey: ['creator-info', account.id],
    queryFn: () => creatorInfo(account.id),
    staleTime: 0,
    gcTime: 0,
    refetchOnMount: 'always',
    refetchOnWindowFocus: false,
    retry: false,
  });

  if (creator.isPending) {
    return <p role="status">Asking TikTok about {account.display_name ?? 'this account'}…</p>;
  }
  if (creator.isError) {
    return (
      <div role="alert" className="alert">
        <p>TikTok could not tell TikTimer what this account may post: {creator.error.message}</p>
        {creator.error instanceof ApiError && creator.error.status === 409 && (
          <p><Link to="/accounts">Reconnect it on the Accounts page.</Link></p>
        )}
        <button type="button" onClick={() => creator.refetch()}>Ask TikTok again</button>
      </div>
    );
  }
  const result = toCreatorInfo(creator.data);
  if (!result.ok) {
    // 1b: stop here
    return (
      <div role="alert" className="alert">
        <p>{TEXT.cannotPostNow}</p>
        <p className="small">TikTok's reason: {result.errorCode}</p>
      </div>
    );
  }
  return <ComposerFields account={account} creator={result} info={result.info} startAt={startAt} />;
}

function ComposerFields({ account, creator, info, startAt }: {
  account: TikTokAccount;
  creator: CreatorInfoResult;
  info: CreatorInfo;
  /** A wall-clock time in the viewer's zone picked on the calendar (yyyy-MM-ddTHH:mm). */
  startAt: string | null;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const ids = useId();
  const { uploads, add, remove, refuse, setBrowserDuration } = useUploads();
  const active = uploads.filter((u) => u.state !== 'cancelled');
  const kind = active[0]?.kind ?? 'video';
  const [form, setForm] = useState<ComposerState>(() => initialState('video'));
  const [when, setWhen] = useState<'now' | 'later'>('later');
  const [mode, setMode] = useState<PostMode>('direct_post');
  const direct = mode === 'direct_post';
  const viewerZone = browserTimeZone();
  const [zone, setZone] = useState(viewerZone);
  const [local, setLocal] = useState(() =>
    startAt && resolveLocal(startAt, viewerZone).ok ? startAt : suggestedTime(new Date(), viewerZone));
  const [submitError, setSubmitError] = useState<ApiError | Error | null>(null);
  // TikTok's avatar URLs are signed and expire: a broken one falls back to the initial
  const [avatarFailed, setAvatarFailed] = useState(false);

  const uploading = active.some((u) => u.state === 'uploading');
  const failed = active.find((u) => u.state === 'failed');
  const ready = active.filter((u) => u.state === 'ready');
  const video = kind === 'video' ? active[0] : undefined;
  const durationSec = video ? (video.media?.duration_seconds ?? video.browserDurationSec) : null;
  const state: ComposerState = {
    ...form,
    kind,
    mediaCount: uploading || failed ? 0 : ready.length,
    videoDurationSec: durationSec ?? null,
  };

  // 1c: a video longer than this creator may post is refused on the screen, and its upload stopped
  useEffect(() => {
    if (!video || video.state === 'failed') return;
    const tooLong = durationProblem({ ...state, videoDurationSec: durationSec ?? null }, info);
    if (tooLong) refuse(video.key, tooLong);
  });

  const schedule = resolveLocal(local, zone);
  const scheduleProblem = when === 'now' ? null : !schedule.ok ? schedule.problem : pastProblem(schedule.instant, new Date());
  const button = direct ? publishButton(state, creator) : inboxButton(state, creator);
  const blockedBy = uploading ? 'Wait until the upload has finished.' : failed ? `${failed.file.name} cannot be posted: remove it, then choose another.` : button.reason ?? scheduleProblem;
  const disabled = blockedBy !== null;

  const submit = useMutation({
    mutationFn: () => {
      const instant = when === 'now' ? new Date() : (schedule as { instant: Date }).instant;
      return createPost({
        ...(direct ? toPostFields(state, info) : toInboxFields(state)),
        tiktok_account_id: account.id,
        media_ids: ready.map((u) => u.media!.id),
        scheduled_time: instant.toISOString(),
        time_zone: zone,
        status: 'scheduled',
      });
    },
    onSuccess: (post) => {
      queryClient.invalidateQueries({ queryKey: ['posts'] });
      navigate(`/posts/${post.id}`, { state: { justSent: when === 'now', justScheduled: when === 'later', inbox: !direct } });
    },
    onError: (error) => setSubmitError(error),
  });

  const fieldError = (name: string) => (submitError instanceof ApiError ? submitError.fieldErrors[name] : undefined);
  const caption = captionCounter(state);
  const title = titleCounter(state);
  const label = disclosureLabel(state);
  const branded = brandedContentOption(state);
  const action = direct ? (when === 'now' ? 'Publish' : 'Schedule') : when === 'now' ? 'Send to inbox' : 'Schedule upload';

  return (
    <form
      noValidate
      aria-describedby={`${ids}-creator`}
      onSubmit={(e) => {
        e.preventDefault();
        // 5c: the content goes to TikTok only on this express action, and only when every rule is met
        if (!disabled && !submit.isPending) {
          setSubmitError(null);
          submit.mutate();
        }
      }}
    >
      {/* 1a */}
      <p id={`${ids}-creator`} className="creator">
        {info.creator_avatar_url && !avatarFailed ? (
          <img className="avatar" src={info.creator_avatar_url} alt="" width={40} height={40}
            referrerPolicy="no-referrer" onError={() => setAvatarFailed(true)} />
        ) : (
          <span className="avatar" aria-hidden="true">{info.creator_nickname.slice(0, 1)}</span>
        )}
        <strong>{creatorLabel(info)}</strong>
      </p>

      <fieldset className="choices">
        <legend>How to post</legend>
        <div className="choice">
          <input type="radio" id={`${ids}-direct`} name={`${ids}-mode`} checked={direct} onChange={() => setMode('direct_post')} />
          <label htmlFor={`${ids}-direct`}>Post directly to TikTok</label>
        </div>
        <div className="choice">
          <input type="radio" id={`${ids}-inbox`} name={`${ids}-mode`} checked={!direct} onChange={() => setMode('inbox')}
            aria-describedby={`${ids}-inbox-hint`} />
          <label htmlFor={`${ids}-inbox`}>Send to my TikTok inbox and finish it in the app</label>
          <p id={`${ids}-inbox-hint`} className="hint">{INBOX_NOTICE}</p>
        </div>
      </fieldset>

      {/* 1c, 5a, 5b */}
      <MediaPicker
        uploads={uploads}
        maxDurationSec={info.max_video_post_duration_sec}
        onAdd={add}
        onRemove={remove}
        onDuration={setBrowserDuration}
        error={fieldError('media_ids')}
      />

      {/* 2a */}
      {kind === 'photo' && (
        <div className={fieldError('title') || title.over ? 'field invalid' : 'field'}>
          <label htmlFor={`${ids}-title`}>Title</label>
          <input id={`${ids}-title`} value={form.title} aria-describedby={`${ids}-title-count`}
            aria-invalid={title.over || undefined}
            onChange={(e) => setForm({ ...form, title: e.target.value })} />
          <p id={`${ids}-title-count`} className={title.over ? 'error' : 'hint'}>{title.text}</p>
        </div>
      )}
      <div className={fieldError('content') || caption.over ? 'field invalid' : 'field'}>
        <label htmlFor={`${ids}-caption`}>{kind === 'photo' ? 'Description' : 'Caption'}</label>
        <textarea id={`${ids}-caption`} rows={4} value={form.caption}
          aria-describedby={`${ids}-caption-count${fieldError('content') ? ` ${ids}-caption-error` : ''}`}
          aria-invalid={caption.over || Boolean(fieldError('content')) || undefined}
          onChange={(e) => setForm({ ...form, caption: e.target.value })} />
        <p id={`${ids}-caption-count`} className={caption.over ? 'error' : 'hint'}>
          {caption.text} characters. Hashtags (#) and mentions (@) go in the text.
        </p>
        {fieldError('content') && <p id={`${ids}-caption-error`} className="error">{fieldError('content')}</p>}
      </div>

      {direct && (
        <>
      {/* 2b: built from creator_info, no default */}
      <div className={fieldError('privacy_level') ? 'field invalid' : 'field'}>
        <label htmlFor={`${ids}-privacy`}>Who can view this post</label>
        <select id={`${ids}-privacy`} value={form.privacy ?? ''} required
          aria-describedby={fieldError('privacy_level') ? `${ids}-privacy-error` : undefined}
          onChange={(e) => setForm(selectPrivacy(form, info, (e.target.value || null) as PrivacyLevel | null))}>
          <option value="">Choose who can view this post</option>
          {privacyOptions(info, state).map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled} title={o.hint ?? undefined}>
              {o.label}{o.hint ? ` (${o.hint})` : ''}
            </option>
          ))}
        </select>
        {fieldError('privacy_level') && <p id={`${ids}-privacy-error`} className="error">{fieldError('privacy_level')}</p>}
      </div>

      {/* 2c: none ticked by default; what the creator turned off is disabled and says so; photos: comments only */}
      <fieldset className="choices">
        <legend>Let viewers</legend>
        {interactionOptions(info, state).map((o) => (
          <div key={o.key} className={o.disabled ? 'choice off' : 'choice'}>
            <input type="checkbox" id={`${ids}-${o.key}`} checked={o.checked} disabled={o.disabled}
              aria-describedby={o.hint ? `${ids}-${o.key}-hint` : undefined}
              onChange={(e) => setForm(setInteraction(form, info, o.key, e.target.checked))} />
            <label htmlFor={`${ids}-${o.key}`} title={o.hint ?? undefined}>{o.label}</label>
            {o.hint && <p id={`${ids}-${o.key}-hint`} className="hint">{o.hint}</p>}
          </div>
        ))}
      </fieldset>

      {/* 3a, 3b */}
      <fieldset className="choices">
        <legend>Commercial content</legend>
        <div className="choice">
          <input type="checkbox" role="switch" id={`${ids}-disclose`} checked={form.disclose}
            aria-describedby={`${ids}-disclose-hint`}
            onChange={(e) => setForm(setDisclose(form, e.target.checked))} />
          <label htmlFor={`${ids}-disclose`}>{TEXT.commercialToggle}</label>
          <p id={`${ids}-disclose-hint`} className="hint">
            Turn on to disclose that this post promotes goods or services in exchange for something of value.
          </p>
        </div>
        {form.disclose && (
          <div className="disclosure">
            <div className="choice">
              <input type="checkbox" id={`${ids}-brand`} checked={form.yourBrand} aria-describedby={`${ids}-brand-hint`}
                onChange={(e) => setForm(setYourBrand(form, e.target.checked))} />
              <label htmlFor={`${ids}-brand`}>{TEXT.yourBrand}</label>
              <p id={`${ids}-brand-hint`} className="hint">{TEXT.yourBrandHelp}</p>
            </div>
            <div className={branded.disabled ? 'choice off' : 'choice'}>
              <input type="checkbox" id={`${ids}-branded`} checked={form.brandedContent} disabled={branded.disabled}
                aria-describedby={`${ids}-branded-hint`}
                onChange={(e) => setForm(setBrandedContent(form, e.target.checked))} />
              <label htmlFor={`${ids}-branded`} title={branded.hint ?? undefined}>{TEXT.brandedContent}</label>
              <p id={`${ids}-branded-hint`} className="hint">{branded.hint ?? TEXT.brandedContentHelp}</p>
            </div>
            {label && <p className="notice" role="status">{label}</p>}
          </div>
        )}
        <div className="choice">
          <input type="checkbox" id={`${ids}-aigc`} checked={form.aiGenerated}
            onChange={(e) => setForm({ ...form, aiGenerated: e.target.checked })} />
          <label htmlFor={`${ids}-aigc`}>{TEXT.aiGenerated}</label>
        </div>
      </fieldset>

        </>
      )}

      <fieldset className="choices">
        <legend>When</legend>
        <div className="choice">
          <input type="radio" id={`${ids}-later`} name={`${ids}-when`} checked={when === 'later'} onChange={() => setWhen('later')} />
          <label htmlFor={`${ids}-later`}>Schedule for a time</label>
        </div>
        <div className="choice">
          <input type="radio" id={`${ids}-now`} name={`${ids}-when`} checked={when === 'now'} onChange={() => setWhen('now')} />
          <label htmlFor={`${ids}-now`}>Publish now</label>
        </div>
        {when === 'later' && (
          <div className="when">
            <div className={scheduleProblem || fieldError('scheduled_time') ? 'field invalid' : 'field'}>
              <label htmlFor={`${ids}-time`}>Date and time</label>
              <input id={`${ids}-time`} type="datetime-local" value={local} onChange={(e) => setLocal(e.target.value)}
                aria-invalid={Boolean(scheduleProblem) || undefined} aria-describedby={`${ids}-time-hint`} />
            </div>
            <div className="field">
              <label htmlFor={`${ids}-zone`}>Time zone</label>
              <select id={`${ids}-zone`} value={zone} onChange={(e) => setZone(e.target.value)}>
                {timeZones(zone).map((z) => <option key={z} value={z}>{z}</option>)}
              </select>
            </div>
            <p id={`${ids}-time-hint`} className={scheduleProblem || fieldError('scheduled_time') ? 'error' : 'hint'} aria-live="polite">
              {scheduleProblem ?? fieldError('scheduled_time') ??
                (schedule.ok && (
                  <>
                    {schedule.note && <>{schedule.note} </>}
                    {zone !== viewerZone && <>That is {inZone(schedule.instant, viewerZone)} in {viewerZone}. </>}
                  </>
                ))}
            </p>
          </div>
        )}
      </fieldset>

      {direct && (
        <>
      {/* 4: the declaration, right above the button, following the disclosure */}
      <p className="declaration" id={`${ids}-declaration`}>
        {declaration(state).map((part, i) =>
          'href' in part ? (
            <a key={i} href={part.href} target="_blank" rel="noreferrer">{part.text}</a>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
      </p>
        </>
      )}
      <div role="alert" className={submitError && !(submitError instanceof ApiError && !submitError.formMessage) ? 'alert' : undefined}>
        {submitError && (submitError instanceof ApiError ? submitError.formMessage : submitError.message)}
      </div>
      <p className="submit">
        {/* aria-disabled, not disabled: the button stays focusable and hoverable, so its reason (3a's hover text
            among them) can be read; the form ignores it until every rule is met */}
        <button type="submit" className="primary" aria-disabled={disabled || submit.isPending}
          title={blockedBy ?? undefined}
          aria-describedby={[direct && `${ids}-declaration`, blockedBy && `${ids}-why`].filter(Boolean).join(' ') || undefined}>
          {submit.isPending ? (when === 'now' ? 'Sending…' : 'Scheduling…') : action}
        </button>
        {blockedBy && <span id={`${ids}-why`} className="hint why">{blockedBy}</span>}
      </p>
    </form>
  );
}
