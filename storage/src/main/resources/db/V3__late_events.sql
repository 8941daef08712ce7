-- Valid events that arrived later than the allowed lateness behind the watermark: kept and
-- counted (reason TOO_LATE) but never allowed to change history. Same idempotency as dead_letters.
CREATE TABLE IF NOT EXISTS late_events
(
    id String,
    event_id String,
    source Enum8('HOTLINE' = 1, 'GRID' = 2, 'INSPECTION' = 3),
    type Enum8('CREATED' = 1, 'DISPATCHED' = 2, 'RESPONDED' = 3, 'RESOLVED' = 4, 'RATED' = 5,
               'CLOSED' = 6, 'REOPENED' = 7, 'CHECKED' = 8),
    case_id String,
    occurred_at DateTime('Asia/Shanghai'),
    district String,
    category String,
    watermark DateTime('Asia/Shanghai'),
    received_at DateTime('Asia/Shanghai'),
    source_topic String,
    original String,
    written_at DateTime('Asia/Shanghai')
)
ENGINE = ReplacingMergeTree(written_at)
PARTITION BY toYYYYMMDD(received_at)
ORDER BY id
