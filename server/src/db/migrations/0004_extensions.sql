-- pg_trgm: fuzzy (trigram) matching of market-entity names. Bundled with PGlite (loaded by the
-- client) and part of PostgreSQL's contrib package.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
