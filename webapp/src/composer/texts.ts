/**
 * The exact strings TikTok's audit checks (docs: ../shared/reference/tiktok-ux-audit.md). Kept in one place so a
 * reviewer can compare them with the Content Sharing Guidelines word for word.
 */
export const TEXT = {
  promotionalLabel: "Your photo/video will be labeled as 'Promotional content'",
  paidPartnershipLabel: "Your photo/video will be labeled as 'Paid partnership'",
  disclosureMissing: 'You need to indicate if your content promotes yourself, a third party, or both.',
  brandedCannotBePrivate: 'Branded content visibility cannot be set to private.',
  brandedDisabledBecauseOnlyMe:
    'Branded content cannot be private. To tick it, choose who can view this post other than “Only me”.',
  musicUsageDeclarationStart: "By posting, you agree to TikTok's ",
  musicUsageConfirmation: 'Music Usage Confirmation',
  brandedContentPolicy: 'Branded Content Policy',
  processing:
    'Your post was sent to TikTok. Processing may take a few minutes before it is visible on your profile.',
  cannotPostNow: 'This TikTok account cannot post right now. Please try again later.',
  yourBrand: 'Your brand',
  brandedContent: 'Branded content',
  yourBrandHelp: 'You are promoting yourself or your own business.',
  brandedContentHelp: 'You are promoting another brand or a third party.',
  commercialToggle: 'Disclose video content',
  aiGenerated: 'AI-generated content',
} as const;

/**
 * Addresses of TikTok's own pages the declaration links to. Configuration, not code: taken from TikTok's Content
 * Sharing Guidelines page; change them here if TikTok moves them.
 */
export const TIKTOK_LINKS = {
  musicUsageConfirmation: 'https://www.tiktok.com/legal/page/global/music-usage-confirmation/en',
  brandedContentPolicy: 'https://www.tiktok.com/legal/page/global/bc-policy/en',
} as const;
