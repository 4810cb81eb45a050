-- Trigram matching for partial-name search. drizzle-kit does not write CREATE EXTENSION itself.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
