package org.civicpulse.jobs;

import org.civicpulse.contract.DeadLetter;

/** One Kafka record after its one parse: either an accepted event or a dead letter, never both. */
public record ParsedInput(AcceptedEvent accepted, DeadLetter rejected) {
}
