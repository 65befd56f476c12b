import { describe, expect, it } from 'vitest';
import {
  brandedContentOption,
  captionCounter,
  creatorLabel,
  declaration,
  declarationText,
  disclosureLabel,
  durationProblem,
  initialState,
  interactionOptions,
  postingBlock,
  privacyOptions,
  processingNotice,
  publishButton,
  selectPrivacy,
  setBrandedContent,
  setDisclose,
  setInteraction,
  setYourBrand,
  titleCounter,
  toPostFields,
  aiGeneratedLabel,
  inboxButton,
  toInboxFields,
  type ComposerState,
  type CreatorInfo,
  type CreatorInfoResult,
  type PostKind,
} from './rules';
import { TIKTOK_LINKS } from './texts';

const PUBLIC_ACCOUNT: CreatorInfo = {
  creator_nickname: 'Demo Creator',
  creator_username: 'demo.creator',
  privacy_level_options: ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
  comment_disabled: false,
  duet_disabled: false,
  stitch_disabled: false,
  max_video_post_duration_sec: 180,
};

const LOCKED_DOWN: CreatorInfo = {
  ...PUBLIC_ACCOUNT,
  privacy_level_options: ['FOLLOWER_OF_CREATOR', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
  comment_disabled: true,
  duet_disabled: true,
  stitch_disabled: true,
};

const CAN_POST: CreatorInfoResult = { ok: true, info: PUBLIC_ACCOUNT };

/** A state a user could reach by hand: media added, privacy picked, nothing else touched. */
function ready(kind: PostKind, overrides: Partial<ComposerState> = {}): ComposerState {
  return {
    ...initialState(kind),
    mediaCount: 1,
    videoDurationSec: kind === 'video' ? 30 : null,
    privacy: 'PUBLIC_TO_EVERYONE',
    ...overrides,
  };
}

const KINDS: PostKind[] = ['video', 'photo'];

describe.each(KINDS)('%s post', (kind) => {
  describe('1. fresh creator info', () => {
    it('1a shows the creator nickname', () => {
      expect(creatorLabel(PUBLIC_ACCOUNT)).toContain('Demo Creator');
      expect(creatorLabel({ ...PUBLIC_ACCOUNT, creator_username: undefined })).toBe('Posting as Demo Creator');
    });

    it.each(['spam_risk_too_many_posts', 'spam_risk_user_banned_from_posting', 'reached_active_user_cap'])(
      '1b stops posting when creator_info answers %s, and says to try later',
      (errorCode) => {
        const cannot: CreatorInfoResult = { ok: false, errorCode };
        expect(postingBlock(cannot)).toMatch(/try again later/);
        expect(publishButton(ready(kind), cannot)).toEqual({ disabled: true, reason: postingBlock(cannot) });
      },
    );

    it('1b lets a creator who can post go on', () => {
      expect(postingBlock(CAN_POST)).toBeNull();
      expect(publishButton(ready(kind), CAN_POST).disabled).toBe(false);
    });
  });

  describe('2. metadata', () => {
    it('2a counts the caption against its limit and refuses a longer one', () => {
      const limit = kind === 'video' ? 2200 : 4000;
      const atLimit = ready(kind, { caption: 'x'.repeat(limit) });
      expect(captionCounter(atLimit)).toMatchObject({ used: limit, max: limit, over: false, text: `${limit} / ${limit}` });
      expect(publishButton(atLimit, CAN_POST).disabled).toBe(false);
      const over = ready(kind, { caption: 'x'.repeat(limit + 1) });
      expect(captionCounter(over).over).toBe(true);
      expect(publishButton(over, CAN_POST).disabled).toBe(true);
    });

    it('2a counts UTF-16 code units, as TikTok does', () => {
      expect(captionCounter(ready(kind, { caption: '🎬 #tiktimer' })).used).toBe(12);
    });

    it('2b starts with no privacy chosen and Publish disabled until the user picks one', () => {
      const fresh = { ...initialState(kind), mediaCount: 1, videoDurationSec: kind === 'video' ? 10 : null };
      expect(fresh.privacy).toBeNull();
      expect(publishButton(fresh, CAN_POST)).toEqual({ disabled: true, reason: 'Choose who can view this post.' });
      const picked = selectPrivacy(fresh, PUBLIC_ACCOUNT, 'MUTUAL_FOLLOW_FRIENDS');
      expect(picked.privacy).toBe('MUTUAL_FOLLOW_FRIENDS');
      expect(publishButton(picked, CAN_POST).disabled).toBe(false);
    });

    it('2b offers exactly the levels creator_info lists, in its order', () => {
      expect(privacyOptions(PUBLIC_ACCOUNT, initialState(kind)).map((o) => [o.value, o.label])).toEqual([
        ['PUBLIC_TO_EVERYONE', 'Everyone'],
        ['MUTUAL_FOLLOW_FRIENDS', 'Friends'],
        ['SELF_ONLY', 'Only me'],
      ]);
      expect(privacyOptions(LOCKED_DOWN, initialState(kind)).map((o) => o.value)).toEqual([
        'FOLLOWER_OF_CREATOR',
        'MUTUAL_FOLLOW_FRIENDS',
        'SELF_ONLY',
      ]);
      expect(privacyOptions({ ...PUBLIC_ACCOUNT, privacy_level_options: ['SELF_ONLY'] }, initialState(kind))).toHaveLength(1);
    });

    it('2b refuses a level the account does not offer', () => {
      const state = initialState(kind);
      expect(selectPrivacy(state, LOCKED_DOWN, 'PUBLIC_TO_EVERYONE').privacy).toBeNull();
      expect(publishButton(ready(kind, { privacy: 'PUBLIC_TO_EVERYONE' }), { ok: true, info: LOCKED_DOWN }).disabled).toBe(true);
    });

    it('2c has every interaction unchecked by default', () => {
      const options = interactionOptions(PUBLIC_ACCOUNT, initialState(kind));
      expect(options.every((o) => !o.checked && !o.disabled)).toBe(true);
      const fields = toPostFields(ready(kind), PUBLIC_ACCOUNT);
      expect(fields.allow_comment).toBe(false);
    });

    it('2c shows interactions the creator turned off disabled, with a reason, and refuses to tick them', () => {
      const options = interactionOptions(LOCKED_DOWN, initialState(kind));
      expect(options.every((o) => o.disabled && !o.checked && o.hint)).toBe(true);
      const tried = setInteraction(initialState(kind), LOCKED_DOWN, 'comment', true);
      expect(tried.allowComment).toBe(false);
      expect(toPostFields(ready(kind, { allowComment: true }), LOCKED_DOWN).allow_comment).toBe(false);
    });

    it('2c lets the user tick an allowed interaction', () => {
      const ticked = setInteraction(initialState(kind), PUBLIC_ACCOUNT, 'comment', true);
      expect(interactionOptions(PUBLIC_ACCOUNT, ticked).find((o) => o.key === 'comment')?.checked).toBe(true);
    });
  });

  describe('3. commercial content disclosure', () => {
    it('3a has the toggle off by default, and no label prompt', () => {
      const state = initialState(kind);
      expect(state.disclose).toBe(false);
      expect(disclosureLabel(state)).toBeNull();
    });

    it('3a shows no prompt while the toggle is on and nothing is ticked ("Promotional content" not early)', () => {
      expect(disclosureLabel(setDisclose(ready(kind), true))).toBeNull();
    });

    it('3a "Your brand" alone: labeled Promotional content', () => {
      const state = setYourBrand(setDisclose(ready(kind), true), true);
      expect(disclosureLabel(state)).toBe("Your photo/video will be labeled as 'Promotional content'");
    });

    it('3a "Branded content" alone or with "Your brand": labeled Paid partnership', () => {
      const branded = setBrandedContent(setDisclose(ready(kind), true), true);
      expect(disclosureLabel(branded)).toBe("Your photo/video will be labeled as 'Paid partnership'");
      expect(disclosureLabel(setYourBrand(branded, true))).toBe("Your photo/video will be labeled as 'Paid partnership'");
    });

    it('3a toggle on and neither box ticked: Publish disabled with the exact hover text', () => {
      const state = setDisclose(ready(kind), true);
      expect(publishButton(state, CAN_POST)).toEqual({
        disabled: true,
        reason: 'You need to indicate if your content promotes yourself, a third party, or both.',
      });
      expect(publishButton(setYourBrand(state, true), CAN_POST).disabled).toBe(false);
      expect(publishButton(setBrandedContent(state, true), CAN_POST).disabled).toBe(false);
    });

    it('3a boxes cannot be ticked while the toggle is off, and turning it off clears them', () => {
      expect(setYourBrand(ready(kind), true).yourBrand).toBe(false);
      expect(setBrandedContent(ready(kind), true).brandedContent).toBe(false);
      const on = setBrandedContent(setYourBrand(setDisclose(ready(kind), true), true), true);
      const off = setDisclose(on, false);
      expect([off.yourBrand, off.brandedContent]).toEqual([false, false]);
      expect(toPostFields(off, PUBLIC_ACCOUNT)).toMatchObject({ brand_content_toggle: false, brand_organic_toggle: false });
    });

    it('3b privacy already "Only me": "Branded content" is disabled and says why', () => {
      const onlyMe = setDisclose(ready(kind, { privacy: 'SELF_ONLY' }), true);
      const option = brandedContentOption(onlyMe);
      expect(option.disabled).toBe(true);
      expect(option.hint).toMatch(/private/);
      expect(setBrandedContent(onlyMe, true).brandedContent).toBe(false);
      expect(brandedContentOption(ready(kind)).disabled).toBe(false);
    });

    it('3b "Branded content" ticked first: "Only me" is disabled with the exact hover text and cannot be picked', () => {
      const branded = setBrandedContent(setDisclose(ready(kind), true), true);
      const onlyMe = privacyOptions(PUBLIC_ACCOUNT, branded).find((o) => o.value === 'SELF_ONLY');
      expect(onlyMe).toMatchObject({ disabled: true, hint: 'Branded content visibility cannot be set to private.' });
      expect(privacyOptions(PUBLIC_ACCOUNT, branded).filter((o) => o.disabled)).toHaveLength(1);
      expect(selectPrivacy(branded, PUBLIC_ACCOUNT, 'SELF_ONLY').privacy).toBe('PUBLIC_TO_EVERYONE');
    });

    it('3b "Your brand" alone leaves "Only me" available', () => {
      const own = setYourBrand(setDisclose(ready(kind), true), true);
      expect(privacyOptions(PUBLIC_ACCOUNT, own).every((o) => !o.disabled)).toBe(true);
      expect(selectPrivacy(own, PUBLIC_ACCOUNT, 'SELF_ONLY').privacy).toBe('SELF_ONLY');
    });

    it('3b a branded, private post can never be published', () => {
      const impossible = ready(kind, { privacy: 'SELF_ONLY', disclose: true, brandedContent: true });
      expect(publishButton(impossible, CAN_POST)).toEqual({
        disabled: true,
        reason: 'Branded content visibility cannot be set to private.',
      });
    });
  });

  describe('4. declaration above Publish', () => {
    const music = "By posting, you agree to TikTok's Music Usage Confirmation.";
    const branded = "By posting, you agree to TikTok's Branded Content Policy and Music Usage Confirmation.";

    it('no disclosure: Music Usage Confirmation', () => {
      expect(declarationText(ready(kind))).toBe(music);
      expect(declarationText(setDisclose(ready(kind), true))).toBe(music);
    });

    it('"Your brand" only: Music Usage Confirmation', () => {
      expect(declarationText(setYourBrand(setDisclose(ready(kind), true), true))).toBe(music);
    });

    it('"Branded content" alone or with "Your brand": Branded Content Policy and Music Usage Confirmation', () => {
      const state = setBrandedContent(setDisclose(ready(kind), true), true);
      expect(declarationText(state)).toBe(branded);
      expect(declarationText(setYourBrand(state, true))).toBe(branded);
    });

    it('links the policy names to TikTok\'s own pages', () => {
      const state = setBrandedContent(setDisclose(ready(kind), true), true);
      const links = declaration(state).filter((p): p is { text: string; href: string } => 'href' in p);
      expect(links).toEqual([
        { text: 'Branded Content Policy', href: TIKTOK_LINKS.brandedContentPolicy },
        { text: 'Music Usage Confirmation', href: TIKTOK_LINKS.musicUsageConfirmation },
      ]);
    });

    it('stores the declaration shown as what the user consented to', () => {
      const state = setBrandedContent(setDisclose(ready(kind), true), true);
      expect(toPostFields(state, PUBLIC_ACCOUNT).consent_declaration).toBe(branded);
    });
  });

  describe('5. awareness and control', () => {
    it('5d tells the user processing may take a few minutes', () => {
      expect(processingNotice()).toMatch(/may take a few minutes/);
    });

    it('Publish stays disabled without media', () => {
      expect(publishButton(ready(kind, { mediaCount: 0 }), CAN_POST).disabled).toBe(true);
    });

    it('the AI-generated label is off by default and sent when turned on', () => {
      expect(aiGeneratedLabel()).toBe('AI-generated content');
      expect(initialState(kind).aiGenerated).toBe(false);
      expect(toPostFields(ready(kind), PUBLIC_ACCOUNT).is_aigc).toBe(false);
      expect(toPostFields(ready(kind, { aiGenerated: true }), PUBLIC_ACCOUNT).is_aigc).toBe(true);
    });

    it('sends what the user chose and nothing chosen for them', () => {
      const state = setInteraction(ready(kind, { caption: 'Sunset #tiktimer' }), PUBLIC_ACCOUNT, 'comment', true);
      expect(toPostFields(state, PUBLIC_ACCOUNT)).toMatchObject({
        content: 'Sunset #tiktimer',
        privacy_level: 'PUBLIC_TO_EVERYONE',
        allow_comment: true,
        brand_content_toggle: false,
        brand_organic_toggle: false,
        is_aigc: false,
      });
    });
  });
});

describe('video only', () => {
  it('1c refuses a video longer than max_video_post_duration_sec, and accepts one at the limit', () => {
    expect(durationProblem(ready('video', { videoDurationSec: 180 }), PUBLIC_ACCOUNT)).toBeNull();
    const tooLong = ready('video', { videoDurationSec: 180.4 });
    expect(durationProblem(tooLong, PUBLIC_ACCOUNT)).toBe(
      'This video is 3 min 1 s long; this account can post videos of at most 3 min.',
    );
    expect(publishButton(tooLong, CAN_POST)).toEqual({ disabled: true, reason: durationProblem(tooLong, PUBLIC_ACCOUNT) });
    expect(durationProblem(tooLong, { ...PUBLIC_ACCOUNT, max_video_post_duration_sec: 600 })).toBeNull();
  });

  it('2c shows Allow Comment, Allow Duet and Allow Stitch', () => {
    expect(interactionOptions(PUBLIC_ACCOUNT, initialState('video')).map((o) => o.label)).toEqual([
      'Allow Comment',
      'Allow Duet',
      'Allow Stitch',
    ]);
  });

  it('2c disables exactly the interactions the creator turned off', () => {
    const onlyDuetOff = { ...PUBLIC_ACCOUNT, duet_disabled: true };
    expect(interactionOptions(onlyDuetOff, initialState('video')).map((o) => [o.key, o.disabled])).toEqual([
      ['comment', false],
      ['duet', true],
      ['stitch', false],
    ]);
    expect(setInteraction(initialState('video'), onlyDuetOff, 'duet', true).allowDuet).toBe(false);
    expect(setInteraction(initialState('video'), onlyDuetOff, 'stitch', true).allowStitch).toBe(true);
  });
});

describe('photo only', () => {
  it('1c has no duration rule', () => {
    expect(durationProblem(ready('photo', { videoDurationSec: 9999 }), PUBLIC_ACCOUNT)).toBeNull();
  });

  it('2c shows only Allow Comment, and sends no duet or stitch', () => {
    expect(interactionOptions(PUBLIC_ACCOUNT, initialState('photo')).map((o) => o.label)).toEqual(['Allow Comment']);
    expect(setInteraction(initialState('photo'), PUBLIC_ACCOUNT, 'duet', true).allowDuet).toBe(false);
    const fields = toPostFields(ready('photo', { allowDuet: true, allowStitch: true }), PUBLIC_ACCOUNT);
    expect(fields).not.toHaveProperty('allow_duet');
    expect(fields).not.toHaveProperty('allow_stitch');
  });

  it('2a counts the title against 90 characters', () => {
    expect(titleCounter(ready('photo', { title: 'x'.repeat(90) })).over).toBe(false);
    const over = ready('photo', { title: 'x'.repeat(91) });
    expect(titleCounter(over).over).toBe(true);
    expect(publishButton(over, CAN_POST).disabled).toBe(true);
  });
});

describe('upload to inbox', () => {
  for (const kind of ['video', 'photo'] as const) {
    it(`${kind}: needs no privacy or disclosure choice, which the creator makes in the TikTok app`, () => {
      const nothingChosen = { ...initialState(kind), mediaCount: 1, videoDurationSec: kind === 'video' ? 30 : null };
      expect(publishButton(nothingChosen, CAN_POST).disabled).toBe(true);
      expect(inboxButton(nothingChosen, CAN_POST)).toEqual({ disabled: false, reason: null });
      expect(toInboxFields(nothingChosen)).not.toHaveProperty('privacy_level');
      expect(toInboxFields(nothingChosen).mode).toBe('inbox');
    });

    it(`${kind}: still needs media, and stops when the creator cannot post`, () => {
      expect(inboxButton({ ...initialState(kind), mediaCount: 0 }, CAN_POST).disabled).toBe(true);
      const cannot: CreatorInfoResult = { ok: false, errorCode: 'spam_risk_too_many_posts' };
      expect(inboxButton(ready(kind), cannot)).toEqual({ disabled: true, reason: postingBlock(cannot) });
    });
  }

  it('refuses a video longer than the creator may post', () => {
    const tooLong = ready('video', { videoDurationSec: 181 });
    expect(inboxButton(tooLong, CAN_POST)).toEqual({ disabled: true, reason: durationProblem(tooLong, PUBLIC_ACCOUNT) });
  });
});
