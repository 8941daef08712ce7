package org.civicpulse.storage;

/** A ClickHouse call failed; the message carries the server's own words. */
public final class ClickHouseDbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClickHouseDbException(String message, Throwable cause) {
        super(message, cause);
    }
}
