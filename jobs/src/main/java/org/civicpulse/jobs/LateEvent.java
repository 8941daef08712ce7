package org.civicpulse.jobs;

/** An event that arrived later than the allowed lateness, with the watermark it was judged against. */
public record LateEvent(AcceptedEvent accepted, long watermark) {
}
