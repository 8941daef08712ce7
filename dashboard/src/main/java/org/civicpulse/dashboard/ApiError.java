package org.civicpulse.dashboard;

/**
 * A request the server refuses, with its 4xx status and a message that names the parameter but
 * never repeats the value sent (nothing from the request is reflected).
 */
public final class ApiError extends RuntimeException {
    private final int status;

    public ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
