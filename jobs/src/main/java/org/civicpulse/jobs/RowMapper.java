package org.civicpulse.jobs;

import java.io.Serializable;
import java.time.Instant;

/** Turns one element into one JSONEachRow line of a ClickHouse table. */
@FunctionalInterface
public interface RowMapper<T> extends Serializable {
    String toRow(T element, Instant writtenAt);
}
