-- Every rejected input with its original text and reason. The id is where the input came from
-- (topic:partition:offset, or replay:<file>:<line>), so re-processing after a restart replaces
-- the row instead of adding one; read through FINAL.
CREATE TABLE IF NOT EXISTS dead_letters
(
    id String,
    received_at DateTime('Asia/Shanghai'),
    reason String,
    reason_class String,
    message String,
    source_topic String,
    kafka_partition Int32,
    kafka_offset Int64,
    line_number UInt64,
    event_id String,
    original String,
    written_at DateTime('Asia/Shanghai')
)
ENGINE = ReplacingMergeTree(written_at)
PARTITION BY toYYYYMMDD(received_at)
ORDER BY id
