-- A small JPEG that stands for the media where there is no room for the media itself (the calendar, lists). The
-- browser that uploaded the file makes it (a video's frame half a second in, or the photo): TikTimer runs no video
-- decoder. Null until one is stored. The object lives under the user's prefix, so erasing the user erases it too.
alter table media add column poster_key text;
