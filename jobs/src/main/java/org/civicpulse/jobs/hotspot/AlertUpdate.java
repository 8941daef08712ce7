package org.civicpulse.jobs.hotspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.civicpulse.contract.Alert;
import org.civicpulse.contract.EventCodec;

/**
 * A new state of an alert as it travels through the job: its id and its JSON (the {@link Alert}
 * record, exactly as published). Two strings, so Flink serialises it as a POJO; the alert's list of
 * points would otherwise go through Kryo.
 */
public record AlertUpdate(String id, String json) {

    public static AlertUpdate of(Alert alert, EventCodec codec) {
        try {
            return new AlertUpdate(alert.id(), codec.mapper().writeValueAsString(alert));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write alert " + alert.id(), e);
        }
    }

    public Alert alert(EventCodec codec) {
        try {
            return codec.mapper().readValue(json, Alert.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read alert " + id, e);
        }
    }
}
