// Breaks one composer rule at a time and checks that the unit tests notice (each run must fail).
// Not part of the build: `node scripts/mutation-check.mjs [part of a name]` after changing the rules or their tests.
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const RULES = 'src/composer/rules.ts';
const TEXTS = 'src/composer/texts.ts';
const mutations = [
  ['1a nickname not shown', RULES, 'Posting as ${info.creator_nickname}`', 'Posting as this account`'],
  ['1b creator that cannot post is let through', RULES, 'return result.ok ? null : TEXT.cannotPostNow;', 'return null;'],
  ['1c duration limit off by a lot', RULES, 'state.videoDurationSec > max', 'state.videoDurationSec > max * 2'],
  ['2a caption limit wrong', RULES, "kind === 'video' ? 2200 : 4000", "kind === 'video' ? 2300 : 4000"],
  ['2a photo title not checked', RULES, "state.kind === 'photo' && titleCounter(state).over", 'false'],
  ['2b privacy has a default', RULES, 'privacy: null,', "privacy: 'SELF_ONLY',"],
  ['2b privacy not required', RULES, 'if (state.privacy === null || !privacyOptions(info, state).some((o) => o.value === state.privacy)) {', 'if (false) {'],
  ['2b options not from creator_info', RULES, 'return info.privacy_level_options', "return (['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'] as string[])"],
  ['2c comment ticked by default', RULES, 'allowComment: false,', 'allowComment: true,'],
  ['2c creator-disabled interaction can be ticked', RULES, 'if (!shown || shown.disabled) {', 'if (!shown) {'],
  ['2c creator-disabled interaction not greyed out', RULES, 'disabled: disabledByCreator,', 'disabled: false,'],
  ['2c photo shows duet and stitch', RULES, "state.kind === 'photo' ? all.filter((o) => o.key === 'comment') : all", 'all'],
  ['3a toggle on by default', RULES, 'disclose: false,\n    yourBrand', 'disclose: true,\n    yourBrand'],
  ['3a promotional label shown early', RULES, 'if (state.yourBrand) {\n    return TEXT.promotionalLabel;\n  }\n  return null;', 'return TEXT.promotionalLabel;'],
  ['3a your-brand wins over branded', RULES, 'if (state.brandedContent) {\n    return TEXT.paidPartnershipLabel;', 'if (state.brandedContent && !state.yourBrand) {\n    return TEXT.paidPartnershipLabel;'],
  ['3a nothing ticked does not block Publish', RULES, 'if (state.disclose && !state.yourBrand && !state.brandedContent) {', 'if (false) {'],
  ['3a hover text reworded', TEXTS, 'promotes yourself, a third party, or both.', 'promotes you or a third party.'],
  ['3a toggle off keeps boxes', RULES, ': { ...state, disclose: false, yourBrand: false, brandedContent: false }', ': { ...state, disclose: false }'],
  ['3b Only me not disabled by branded', RULES, "value === 'SELF_ONLY' && state.disclose && state.brandedContent", 'false'],
  ['3b branded not disabled by Only me', RULES, "const onlyMe = state.privacy === 'SELF_ONLY';", 'const onlyMe = false;'],
  ['3b branded private can publish', RULES, "if (state.disclose && state.brandedContent && state.privacy === 'SELF_ONLY') {", 'if (false) {'],
  ['4 declaration ignores branded', RULES, 'if (state.disclose && state.brandedContent) {\n    return [', 'if (false) {\n    return ['],
  ['4 declaration wording', TEXTS, "By posting, you agree to TikTok's ", 'By posting you agree to '],
  ['5d processing notice missing', TEXTS, 'Processing may take a few minutes', 'Processing is done'],
  ['AI label on by default', RULES, 'aiGenerated: false,', 'aiGenerated: true,'],
  ['no media can publish', RULES, 'if (state.mediaCount === 0) {', 'if (false) {'],
];

const only = process.argv[2];
let survived = 0;
for (const [name, file, from, to] of mutations.filter(([n]) => !only || n.includes(only))) {
  const original = readFileSync(file, 'utf8');
  if (!original.includes(from)) {
    console.log(`?? ${name}: pattern not found`);
    survived++;
    continue;
  }
  writeFileSync(file, original.replace(from, to));
  try {
    const run = spawnSync('npx', ['vitest', 'run', '--reporter=dot'], { encoding: 'utf8' });
    const caught = run.status !== 0;
    if (!caught) survived++;
    console.log(`${caught ? 'caught  ' : 'SURVIVED'} ${name}`);
  } finally {
    writeFileSync(file, original);
  }
}
console.log(survived === 0 ? 'every broken rule was caught' : `${survived} not caught`);
process.exit(survived === 0 ? 0 : 1);
