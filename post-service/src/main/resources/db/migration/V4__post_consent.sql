-- What the user agreed to on TikTimer's "Post to TikTok" screen (TikTok's Direct Post audit): the declaration as it was
-- shown above the Schedule/Publish button, and when. The disclosure it covers is the post's brand toggles; a change
-- to them without a fresh consent clears both columns, so a stored consent always describes what will be published.
alter table post add column consent_declaration text;
alter table post add column consented_at timestamptz;
