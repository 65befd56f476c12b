/**
 * The "Post to TikTok" screen's rules as plain functions, in the order of TikTok's Content Sharing Guidelines
 * ("Required UX Implementation in Your App", see ../shared/reference/tiktok-ux-audit.md). The React composer only
 * renders what these functions return, so every audit point is unit-tested here, without a browser.
 */
import { TEXT, TIKTOK_LINKS } from './texts';

export type PostKind = 'video' | 'photo';

export type PrivacyLevel =
  | 'PUBLIC_TO_EVERYONE'
  | 'MUTUAL_FOLLOW_FRIENDS'
  | 'FOLLOWER_OF_CREATOR'
  | 'SELF_ONLY';

/** TikTok's creator_info/query `data` (tiktok-api.md §2.1). */
export interface CreatorInfo {
  creator_nickname: string;
  creator_username?: string;
  creator_avatar_url?: string;
  privacy_level_options: string[];
  comment_disabled: boolean;
  duet_disabled: boolean;
  stitch_disabled: boolean;
  max_video_post_duration_sec: number;
}

/**
 * What the screen learned when it opened: the creator's info, or TikTok's reason why this creator cannot post now
 * (answered with HTTP 200 and an error code, e.g. `spam_risk_too_many_posts`).
 */
export type CreatorInfoResult =
  | { ok: true; info: CreatorInfo }
  | { ok: false; errorCode: string; message?: string };

export type Interaction = 'comment' | 'duet' | 'stitch';

export interface ComposerState {
  kind: PostKind;
  caption: string;
  /** Photo posts have a title besides the description (caption). */
  title: string;
  privacy: PrivacyLevel | null;
  allowComment: boolean;
  allowDuet: boolean;
  allowStitch: boolean;
  /** The commercial content disclosure toggle. */
  disclose: boolean;
  yourBrand: boolean;
  brandedContent: boolean;
  aiGenerated: boolean;
  /** Seconds, for a video; null until the video's duration is known. */
  videoDurationSec: number | null;
  mediaCount: number;
}

/** Audit 2b/2c/3a: nothing is pre-selected, nothing is ticked, the toggle is off. */
export function initialState(kind: PostKind): ComposerState {
  return {
    kind,
    caption: '',
    title: '',
    privacy: null,
    allowComment: false,
    allowDuet: false,
    allowStitch: false,
    disclose: false,
    yourBrand: false,
    brandedContent: false,
    aiGenerated: false,
    videoDurationSec: null,
    mediaCount: 0,
  };
}

// ---- 1. Fresh creator info ----------------------------------------------------------------------------------------

/** 1a: which account posts, by its nickname (and @handle when TikTok gives one). */
export function creatorLabel(info: CreatorInfo): string {
  return info.creator_username
    ? `Posting as ${info.creator_nickname} (@${info.creator_username})`
    : `Posting as ${info.creator_nickname}`;
}

/** 1b: stop when TikTok says the creator cannot post right now. */
export function postingBlock(result: CreatorInfoResult): string | null {
  return result.ok ? null : TEXT.cannotPostNow;
}

/** 1c: a video longer than the creator may post is refused on the screen. Photos have no duration. */
export function durationProblem(state: ComposerState, info: CreatorInfo): string | null {
  if (state.kind !== 'video' || state.videoDurationSec == null) {
    return null;
  }
  const max = info.max_video_post_duration_sec;
  if (state.videoDurationSec > max) {
    return `This video is ${formatSeconds(state.videoDurationSec)} long; this account can post videos of at most ${formatSeconds(max)}.`;
  }
  return null;
}

function formatSeconds(total: number): string {
  const rounded = Math.ceil(total);
  const minutes = Math.floor(rounded / 60);
  const seconds = rounded % 60;
  if (minutes === 0) {
    return `${seconds} s`;
  }
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

// ---- 2. Metadata --------------------------------------------------------------------------------------------------

/** 2a: TikTok's caption limits, counted in UTF-16 code units as TikTok counts them. */
export function captionLimit(kind: PostKind): number {
  return kind === 'video' ? 2200 : 4000;
}

export const PHOTO_TITLE_LIMIT = 90;

export interface Counter {
  used: number;
  max: number;
  over: boolean;
  /** Shown beside the field and read by screen readers. */
  text: string;
}

export function captionCounter(state: ComposerState): Counter {
  return counter(state.caption, captionLimit(state.kind));
}

export function titleCounter(state: ComposerState): Counter {
  return counter(state.title, PHOTO_TITLE_LIMIT);
}

function counter(value: string, max: number): Counter {
  const used = value.length;
  return { used, max, over: used > max, text: `${used} / ${max}` };
}

const PRIVACY_LABELS: Record<PrivacyLevel, string> = {
  PUBLIC_TO_EVERYONE: 'Everyone',
  MUTUAL_FOLLOW_FRIENDS: 'Friends',
  FOLLOWER_OF_CREATOR: 'Followers',
  SELF_ONLY: 'Only me',
};

export interface PrivacyOption {
  value: PrivacyLevel;
  label: string;
  disabled: boolean;
  /** Why it is disabled (shown on hover and to screen readers). */
  hint: string | null;
}

/**
 * 2b: exactly the levels creator_info offers, in its order; unknown levels are left out rather than guessed at.
 * 3b: with "Branded content" ticked, "Only me" is disabled with TikTok's hover text.
 */
export function privacyOptions(info: CreatorInfo, state: ComposerState): PrivacyOption[] {
  return info.privacy_level_options
    .filter((level): level is PrivacyLevel => level in PRIVACY_LABELS)
    .map((value) => {
      const blocked = value === 'SELF_ONLY' && state.disclose && state.brandedContent;
      return {
        value,
        label: PRIVACY_LABELS[value],
        disabled: blocked,
        hint: blocked ? TEXT.brandedCannotBePrivate : null,
      };
    });
}

/** The user's manual pick; a level the dropdown shows disabled (or does not offer) is refused. */
export function selectPrivacy(state: ComposerState, info: CreatorInfo, value: PrivacyLevel | null): ComposerState {
  if (value === null) {
    return { ...state, privacy: null };
  }
  const option = privacyOptions(info, state).find((o) => o.value === value);
  if (!option || option.disabled) {
    return state;
  }
  return { ...state, privacy: value };
}

export interface InteractionOption {
  key: Interaction;
  label: string;
  checked: boolean;
  disabled: boolean;
  hint: string | null;
}

/** 2c: Allow Comment / Duet / Stitch, never pre-ticked, disabled where the creator turned them off; photos: comment only. */
export function interactionOptions(info: CreatorInfo, state: ComposerState): InteractionOption[] {
  const all: InteractionOption[] = [
    option('comment', 'Allow Comment', state.allowComment, info.comment_disabled),
    option('duet', 'Allow Duet', state.allowDuet, info.duet_disabled),
    option('stitch', 'Allow Stitch', state.allowStitch, info.stitch_disabled),
  ];
  return state.kind === 'photo' ? all.filter((o) => o.key === 'comment') : all;
}

function option(key: Interaction, label: string, checked: boolean, disabledByCreator: boolean): InteractionOption {
  return {
    key,
    label,
    checked: checked && !disabledByCreator,
    disabled: disabledByCreator,
    hint: disabledByCreator ? `${label.replace('Allow ', '')} is turned off in this account's TikTok settings.` : null,
  };
}

export function setInteraction(
  state: ComposerState,
  info: CreatorInfo,
  key: Interaction,
  value: boolean,
): ComposerState {
  const shown = interactionOptions(info, state).find((o) => o.key === key);
  if (!shown || shown.disabled) {
    return state;
  }
  switch (key) {
    case 'comment':
      return { ...state, allowComment: value };
    case 'duet':
      return { ...state, allowDuet: value };
    case 'stitch':
      return { ...state, allowStitch: value };
  }
}

// ---- 3. Commercial content disclosure -----------------------------------------------------------------------------

/** 3a: turning the toggle off forgets both boxes, so nothing ticked earlier is disclosed unseen. */
export function setDisclose(state: ComposerState, on: boolean): ComposerState {
  return on ? { ...state, disclose: true } : { ...state, disclose: false, yourBrand: false, brandedContent: false };
}

export function setYourBrand(state: ComposerState, on: boolean): ComposerState {
  return state.disclose ? { ...state, yourBrand: on } : state;
}

export interface BrandedContentOption {
  disabled: boolean;
  hint: string | null;
}

/** 3b: when privacy is already "Only me", "Branded content" is disabled and says why. */
export function brandedContentOption(state: ComposerState): BrandedContentOption {
  const onlyMe = state.privacy === 'SELF_ONLY';
  return { disabled: onlyMe, hint: onlyMe ? TEXT.brandedDisabledBecauseOnlyMe : null };
}

export function setBrandedContent(state: ComposerState, on: boolean): ComposerState {
  if (!state.disclose || (on && brandedContentOption(state).disabled)) {
    return state;
  }
  return { ...state, brandedContent: on };
}

/** 3a: the label prompt; none before a box is ticked. */
export function disclosureLabel(state: ComposerState): string | null {
  if (!state.disclose) {
    return null;
  }
  if (state.brandedContent) {
    return TEXT.paidPartnershipLabel;
  }
  if (state.yourBrand) {
    return TEXT.promotionalLabel;
  }
  return null;
}

// ---- 4. The declaration above the Publish button ------------------------------------------------------------------

export type DeclarationPart = { text: string } | { text: string; href: string };

export function declaration(state: ComposerState): DeclarationPart[] {
  const music = { text: TEXT.musicUsageConfirmation, href: TIKTOK_LINKS.musicUsageConfirmation };
  if (state.disclose && state.brandedContent) {
    return [
      { text: TEXT.musicUsageDeclarationStart },
      { text: TEXT.brandedContentPolicy, href: TIKTOK_LINKS.brandedContentPolicy },
      { text: ' and ' },
      music,
      { text: '.' },
    ];
  }
  return [{ text: TEXT.musicUsageDeclarationStart }, music, { text: '.' }];
}

/** The declaration as the user reads it; stored with the post as what was consented to. */
export function declarationText(state: ComposerState): string {
  return declaration(state)
    .map((part) => part.text)
    .join('');
}

// ---- Publish ------------------------------------------------------------------------------------------------------

export interface PublishButton {
  disabled: boolean;
  /** The hover text (title) and the accessible description of why Publish is disabled. */
  reason: string | null;
}

/** What the media and texts still lack, for a direct post and an inbox upload alike (1c, 2a), or null. */
function contentProblem(state: ComposerState, info: CreatorInfo): string | null {
  if (state.mediaCount === 0) {
    return state.kind === 'video' ? 'Add a video first.' : 'Add photos first.';
  }
  const tooLong = durationProblem(state, info);
  if (tooLong) {
    return tooLong;
  }
  if (captionCounter(state).over) {
    return `The caption is longer than ${captionLimit(state.kind)} characters.`;
  }
  if (state.kind === 'photo' && titleCounter(state).over) {
    return `The title is longer than ${PHOTO_TITLE_LIMIT} characters.`;
  }
  return null;
}

/**
 * Publish is enabled only when every rule above is met. The order of the checks is the order a user fixes things
 * in; the first unmet one is what the button says.
 */
export function publishButton(state: ComposerState, creator: CreatorInfoResult): PublishButton {
  const block = postingBlock(creator);
  if (block || !creator.ok) {
    return { disabled: true, reason: block };
  }
  const info = creator.info;
  const content = contentProblem(state, info);
  if (content) {
    return { disabled: true, reason: content };
  }
  if (state.disclose && !state.yourBrand && !state.brandedContent) {
    return { disabled: true, reason: TEXT.disclosureMissing };
  }
  if (state.privacy === null || !privacyOptions(info, state).some((o) => o.value === state.privacy)) {
    return { disabled: true, reason: 'Choose who can view this post.' };
  }
  if (state.disclose && state.brandedContent && state.privacy === 'SELF_ONLY') {
    return { disabled: true, reason: TEXT.brandedCannotBePrivate };
  }
  return { disabled: false, reason: null };
}

// ---- 5. Awareness ---------------------------------------------------------------------------------------------------

/** 5d: shown after the post was handed to TikTok. */
export function processingNotice(): string {
  return TEXT.processing;
}

/** The AI-generated label: off unless the user turns it on; it exists for photos and videos alike. */
export function aiGeneratedLabel(): string {
  return TEXT.aiGenerated;
}

/**
 * What the posts API receives (post-service's PostRequest), including what the user consented to. Only called
 * once publishButton is enabled.
 */
export function toPostFields(state: ComposerState, info: CreatorInfo) {
  const interactions = new Set(interactionOptions(info, state).filter((o) => o.checked).map((o) => o.key));
  return {
    content: state.caption,
    ...(state.kind === 'photo' ? { title: state.title } : {}),
    privacy_level: state.privacy,
    allow_comment: interactions.has('comment'),
    ...(state.kind === 'video' ? { allow_duet: interactions.has('duet'), allow_stitch: interactions.has('stitch') } : {}),
    brand_organic_toggle: state.disclose && state.yourBrand,
    brand_content_toggle: state.disclose && state.brandedContent,
    is_aigc: state.aiGenerated,
    consent_declaration: declarationText(state),
  };
}

// ---- Upload to inbox ------------------------------------------------------------------------------------------------

/** Direct Post publishes with the choices made here; an inbox upload lands in the creator's TikTok inbox as a draft. */
export type PostMode = 'direct_post' | 'inbox';

/**
 * An inbox upload is finished by the creator in the TikTok app, where TikTok itself asks who can view it, which
 * interactions to allow and whether to disclose commercial content; the screen therefore asks only for what TikTok
 * takes with the upload (the media and its caption), and the Direct Post rules for the other fields do not apply.
 * The creator's limits still do: TikTok must let the creator post now, and the video must not be too long.
 */
export function inboxButton(state: ComposerState, creator: CreatorInfoResult): PublishButton {
  const block = postingBlock(creator);
  if (block || !creator.ok) {
    return { disabled: true, reason: block };
  }
  const content = contentProblem(state, creator.info);
  return content ? { disabled: true, reason: content } : { disabled: false, reason: null };
}

export function toInboxFields(state: ComposerState) {
  return {
    mode: 'inbox',
    content: state.caption,
    ...(state.kind === 'photo' ? { title: state.title } : {}),
  };
}

/** What the creator does once an inbox upload has arrived. */
export const INBOX_FINISH = 'Open the notification in the TikTok app to choose who can view it and to post it.';
export const INBOX_NOTICE = `TikTok puts it in your TikTok inbox as a draft. ${INBOX_FINISH}`;
