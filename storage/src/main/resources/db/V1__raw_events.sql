-- Accepted events, one row per event id. At-least-once delivery from the job can write an id
-- twice (after a restart from a checkpoint); ReplacingMergeTree collapses such copies on merge,
-- and every read goes through FINAL (or argMax) so no reader ever sees an id twice.
-- ClickHouse 18.16 has no TTL: retention drops old day partitions (see Retention.java).
CREATE TABLE IF NOT EXISTS raw_events
(
    id String,
    source Enum8('HOTLINE' = 1, 'GRID' = 2, 'INSPECTION' = 3),
    type Enum8('CREATED' = 1, 'DISPATCHED' = 2, 'RESPONDED' = 3, 'RESOLVED' = 4, 'RATED' = 5,
               'CLOSED' = 6, 'REOPENED' = 7, 'CHECKED' = 8),
    case_id String,
    occurred_at DateTime('Asia/Shanghai'),
    occurred_ms UInt16,
    district String,
    street String,
    category String,
    unit String,
    lat Nullable(Float64),
    lon Nullable(Float64),
    address String,
    urgent UInt8,
    channel String,
    resolved Nullable(UInt8),
    satisfaction String,
    passed Nullable(UInt8),
    quality_warning String,
    topic String,
    kafka_partition UInt32,
    kafka_offset UInt64,
    ingested_at DateTime('Asia/Shanghai')
)
ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY toYYYYMMDD(occurred_at)
ORDER BY id
