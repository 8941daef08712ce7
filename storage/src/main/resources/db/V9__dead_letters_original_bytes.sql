-- SPEC §2: a dead letter keeps the original bytes. `original` is text, so input that is not valid
-- UTF-8 (rejected as INVALID_JSON) lost its malformed bytes there; they are now kept exactly, in
-- base64, in original_base64 ('' for every input that is valid UTF-8, whose text is exact).
-- Safe to run again: the runner skips an ADD COLUMN whose column exists (18.16 has no IF NOT EXISTS).
ALTER TABLE dead_letters ADD COLUMN original_base64 String DEFAULT '' AFTER original;
