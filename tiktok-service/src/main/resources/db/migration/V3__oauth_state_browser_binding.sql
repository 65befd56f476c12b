-- The browser that started an authorization: SHA-256 of the random value in its HttpOnly cookie. The callback links an
-- account only when the browser completing it presents that cookie (or when the starting user's own client exchanges
-- the code), so a stranger consenting through a forwarded authorization URL links nothing.
alter table oauth_state add column browser_binding_hash varchar(64);
