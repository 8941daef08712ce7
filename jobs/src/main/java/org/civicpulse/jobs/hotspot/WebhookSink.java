package org.civicpulse.jobs.hotspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.civicpulse.contract.EventCodec;

/**
 * Posts alert notifications to the configured webhook as {@code {"reason": "NEW", "alert": {…}}}
 * (the alert as on the live topic). Best effort by design: a failing webhook is retried in the
 * background and never fails or slows the job.
 */
public final class WebhookSink implements Sink<String> {
    private static final long serialVersionUID = 1L;
    private final String url;
    private final int attempts;
    private final Duration firstBackoff;

    public WebhookSink(String url, int attempts, Duration firstBackoff) {
        this.url = url;
        this.attempts = attempts;
        this.firstBackoff = firstBackoff;
    }

    /** The body posted for a notification. */
    public static String body(EventCodec codec, AlertNotification n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", n.reason().name());
        body.put("alert", n.alert());
        try {
            return codec.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write alert " + n.alert().id(), e);
        }
    }

    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) {
        WebhookNotifier notifier = new WebhookNotifier(URI.create(url), attempts, firstBackoff);
        return new SinkWriter<>() {
            @Override
            public void write(String body, Context ctx) {
                notifier.post(body);
            }

            @Override
            public void flush(boolean endOfInput) {
                // Nothing to flush: delivery is best effort and asynchronous.
            }

            @Override
            public void close() {
                notifier.close();
            }
        };
    }
}
