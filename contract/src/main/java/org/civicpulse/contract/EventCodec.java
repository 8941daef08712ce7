package org.civicpulse.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The one configured JSON codec of CivicPulse, for events and the other records it writes. */
public final class EventCodec {
    private final ObjectMapper mapper;

    /** Builds the mapper: ISO-8601 instants, no nulls written, unknown properties ignored. */
    public EventCodec() {
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                // Instants as text such as 2026-11-20T01:15:03.120Z, never epoch numbers.
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // Readers must tolerate fields added by newer writers (SPEC §2: ignored).
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    /** The configured mapper, for other records the product writes as JSON. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** The canonical JSON of an event: SPEC field names and order, absent fields left out. */
    public String encode(CivicEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot encode event " + event.id(), e);
        }
    }

    /** The canonical JSON of an event as UTF-8 bytes, the Kafka record value. */
    public byte[] encodeBytes(CivicEvent event) {
        return encode(event).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads an event the product itself wrote; input from outside goes through
     * {@link EventValidator} instead, which gives a reason for every rejection.
     *
     * @throws IllegalArgumentException if the JSON is not a complete event
     */
    public CivicEvent decodeTrusted(String json) {
        try {
            return mapper.readValue(json, CivicEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Not a CivicPulse event: " + e.getOriginalMessage(), e);
        }
    }

    /** Like {@link #decodeTrusted(String)} for UTF-8 bytes. */
    public CivicEvent decodeTrusted(byte[] utf8) {
        return decodeTrusted(new String(utf8, StandardCharsets.UTF_8));
    }

    /** A dead letter as the JSON value of a dead-letter topic record. */
    public byte[] encodeDeadLetter(DeadLetter deadLetter) {
        try {
            return mapper.writeValueAsBytes(deadLetter);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot encode dead letter " + deadLetter.id(), e);
        }
    }

    /** Reads a dead-letter topic record value. */
    public DeadLetter decodeDeadLetter(byte[] utf8) {
        try {
            return mapper.readValue(utf8, DeadLetter.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Not a CivicPulse dead letter: " + e.getMessage(), e);
        }
    }
}
