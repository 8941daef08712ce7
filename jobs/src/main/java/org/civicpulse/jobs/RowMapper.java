package org.civicpulse.jobs;

import java.io.Serializable;
import java.time.Instant;
import org.civicpulse.storage.JsonRow;

/** Turns one element into one JSONEachRow line of a ClickHouse table. */
@FunctionalInterface
public interface RowMapper<T> extends Serializable {
    JsonRow toRow(T element, Instant writtenAt);
}
