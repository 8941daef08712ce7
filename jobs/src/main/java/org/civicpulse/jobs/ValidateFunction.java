package org.civicpulse.jobs;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.civicpulse.contract.Catalogue;
import org.civicpulse.contract.DeadLetter;
import org.civicpulse.contract.EventValidator;
import org.civicpulse.contract.Validation;

/**
 * Parses and validates each input once: valid events go on, rejects go to the dead-letter side
 * output with their reason. Runs before timestamps are assigned, so a rejected line never
 * moves the watermark (SPEC §3).
 */
public final class ValidateFunction extends ProcessFunction<KafkaInput, AcceptedEvent> {
    private static final long serialVersionUID = 1L;
    private final Duration maxFuture;
    private transient EventValidator validator;

    public ValidateFunction(Duration maxFuture) {
        this.maxFuture = maxFuture;
    }

    @Override
    public void open(OpenContext openContext) {
        validator = new EventValidator(Catalogue.load(), Clock.systemUTC(), maxFuture);
    }

    @Override
    public void processElement(KafkaInput in, Context ctx, Collector<AcceptedEvent> out) {
        Validation result = validator.validate(in.value());
        String original = new String(in.value(), StandardCharsets.UTF_8);
        if (result instanceof Validation.Accepted accepted) {
            String warning = accepted.warnings().isEmpty() ? null : String.join(",", accepted.warnings());
            out.collect(new AcceptedEvent(accepted.event(), warning, in.topic(), in.partition(), in.offset(),
                    in.receivedAt(), original));
        } else if (result instanceof Validation.Rejected rejected) {
            ctx.output(Outputs.DEAD_LETTERS, DeadLetter.fromKafka(in.topic(), in.partition(), in.offset(),
                    Instant.ofEpochMilli(in.receivedAt()), rejected.rejection(), rejected.eventId(), original));
        }
    }
}
