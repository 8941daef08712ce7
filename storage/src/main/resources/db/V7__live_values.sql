-- The latest absolute value of every key of the live metrics topic (a scope's metrics record),
-- kept so a restarted dashboard server finds the scopes that have not changed for longer than it
-- replays the topic. The job writes each value it publishes, at least once; version is the
-- wall-clock time of writing (ms), so a row written again replaces its twin and the newest value
-- of a key wins: argMax(value, version) or FINAL.
-- No partition key, on purpose: 18.16 has no TTL, and dropping old partitions would drop exactly
-- the quiet keys this table is for. Merges collapse the rows of a key, so the table holds about
-- one row per key (a few thousand scopes) however long it runs.
CREATE TABLE IF NOT EXISTS live_values
(
    key String,
    value String,
    version UInt64,
    written_at DateTime('Asia/Shanghai')
)
ENGINE = ReplacingMergeTree(version)
ORDER BY key
