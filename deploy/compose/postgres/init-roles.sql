-- One schema and one least-privilege login role per service, in the one shared TikTimer database.
-- Each role owns exactly its own schema (Flyway migrates inside it) and gets nothing else: no CREATE on the database,
-- no access to public, no USAGE on another service's schema. Idempotent, so it can be re-run after a password change.
--
-- Run as the database owner/master user with psql, passing the passwords as psql variables:
--   psql -v ON_ERROR_STOP=1 -v db_name=tiktimer -v auth_password=... -v tiktok_password=... \
--        -v post_password=... -v publisher_password=... -f init-roles.sql
-- Used by docker compose (10-tiktimer-roles.sh) and by the db-init ECS task (deploy/terraform/db_init.tf).

\set ON_ERROR_STOP on

-- Nobody but an owner may create objects in public or connect by default.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db_name') \gexec

CREATE TEMPORARY TABLE tiktimer_service_role (role_name text, schema_name text, password text);
INSERT INTO tiktimer_service_role VALUES
    ('auth_service', 'auth', :'auth_password'),
    ('tiktok_service', 'tiktok', :'tiktok_password'),
    ('post_service', 'post', :'post_password'),
    ('publisher_worker', 'publisher', :'publisher_password');

-- Create missing roles, (re)set every password, and keep the roles unprivileged.
SELECT format('CREATE ROLE %I LOGIN', role_name)
FROM tiktimer_service_role
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) \gexec

SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS '
              'CONNECTION LIMIT 50 PASSWORD %L', role_name, password)
FROM tiktimer_service_role \gexec

SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', :'db_name', role_name)
FROM tiktimer_service_role \gexec

-- Each schema is owned by its service's role, so Flyway can create tables there and only there.
SELECT format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', schema_name, role_name)
FROM tiktimer_service_role \gexec

SELECT format('ALTER SCHEMA %I OWNER TO %I', schema_name, role_name)
FROM tiktimer_service_role \gexec

SELECT format('REVOKE ALL ON SCHEMA %I FROM PUBLIC', schema_name)
FROM tiktimer_service_role \gexec

-- Default search_path: the role's own schema only.
SELECT format('ALTER ROLE %I SET search_path = %I', role_name, schema_name)
FROM tiktimer_service_role \gexec

DROP TABLE tiktimer_service_role;
