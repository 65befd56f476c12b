-- A small JPEG that stands for the media where there is no room for the media itself (the calendar, lists). The
-- browser that uploaded the file makes it from the file's first frame (TikTimer has no video decoder on the server);
-- null until one was stored. The object lives under the user's prefix, so erasing the user erases it too.
alter table media add column poster_key text;
