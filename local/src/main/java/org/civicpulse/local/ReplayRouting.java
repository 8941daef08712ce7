package org.civicpulse.local;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.DeadLetter;
import org.civicpulse.contract.EventValidator;
import org.civicpulse.contract.Source;
import org.civicpulse.contract.Utf8;
import org.civicpulse.contract.Validation;

/**
 * Where one replayed line goes: to the topic of its {@code source}, keyed by {@code caseId} (or
 * {@code id}), or, when no topic can be told from it, straight to dead-letter with its line number
 * and the validator's reason. Routing reads only the source, the key and the time (for pacing);
 * every other check is the job's, on the topic, as for any producer.
 */
final class ReplayRouting {
    /** The outcome for one line. */
    sealed interface Route permits ToTopic, ToDeadLetter {
    }

    /** Publish {@code line} to the topic of {@code source}; {@code occurredAt} is null when unreadable. */
    record ToTopic(Source source, byte[] key, Instant occurredAt, byte[] line) implements Route {
    }

    /** The line cannot be routed: this is its dead letter. */
    record ToDeadLetter(DeadLetter deadLetter) implements Route {
    }

    // As lenient as the validator (a byte-order mark, NaN in a field), so a line the job would
    // accept is never held back here.
    private static final ObjectReader READER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build().reader();

    private final EventValidator validator;
    private final String fileName;
    private final Clock clock;

    ReplayRouting(EventValidator validator, String fileName, Clock clock) {
        this.validator = validator;
        this.fileName = fileName;
        this.clock = clock;
    }

    Route route(long lineNumber, byte[] line) {
        JsonNode node = readObject(line);
        Source source = node == null ? null : sourceOf(node);
        if (source != null) {
            return new ToTopic(source, key(node), occurredAt(node), line);
        }
        Validation v = validator.validate(line);
        if (v instanceof Validation.Accepted accepted) {
            // Not expected (the validator is no more lenient than the reader above), but a valid
            // event is routed by what the validator read rather than lost.
            CivicEvent e = accepted.event();
            return new ToTopic(e.source(), e.key().getBytes(StandardCharsets.UTF_8), e.occurredAt(), line);
        }
        return new ToDeadLetter(DeadLetter.fromReplay(fileName, lineNumber, clock.instant(),
                ((Validation.Rejected) v).rejection(), line));
    }

    private static JsonNode readObject(byte[] line) {
        try {
            JsonNode node = READER.readTree(Utf8.withoutByteOrderMark(Utf8.decode(line)));
            return node != null && node.isObject() ? node : null;
        } catch (CharacterCodingException e) {
            return null; // not UTF-8: the validator names it
        } catch (IOException e) {
            return null;
        }
    }

    private static Source sourceOf(JsonNode node) {
        JsonNode s = node.get("source");
        if (s == null || !s.isTextual()) {
            return null;
        }
        try {
            return Source.valueOf(s.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant occurredAt(JsonNode node) {
        JsonNode t = node.get("occurredAt");
        if (t == null || !t.isTextual()) {
            return null;
        }
        try {
            // The job's own reading, so every offset form it accepts is paced too.
            return EventValidator.parseEventTime(t.asText());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static byte[] key(JsonNode node) {
        for (String field : List.of("caseId", "id")) {
            JsonNode v = node.get(field);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return v.asText().getBytes(StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
