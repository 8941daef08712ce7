-- The case table ordered by district and creation time (V5 ordered it by case_id alone), so
-- the case list and a district's handling units read that district's recent rows instead of every
-- case ever written: with years of history the old order cost seconds per district page.
-- district and created_at never change within a case (both come from its opening event), so
-- FINAL still keeps exactly one row, the newest revision, per case.
-- ClickHouse cannot change a sorting key in place: a new table, a copy, a swap. Migrations run
-- before the job starts writing (IngestJob applies them first), so no row arrives during the copy.
-- Safe to run again after an interruption: a cases_before_v8 left behind exists only once the
-- swap is done (cases is then the new table), and a copy made twice collapses under FINAL.
DROP TABLE IF EXISTS cases_before_v8;

-- AS cases: the same columns, with only the engine clause new.
CREATE TABLE IF NOT EXISTS cases_by_district AS cases
ENGINE = ReplacingMergeTree(revision)
PARTITION BY toYYYYMM(created_at)
ORDER BY (district, created_at, case_id);

INSERT INTO cases_by_district SELECT * FROM cases;

RENAME TABLE cases TO cases_before_v8, cases_by_district TO cases;

DROP TABLE cases_before_v8;
