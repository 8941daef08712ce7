package org.civicpulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.civicpulse.contract.Catalogue;
import org.civicpulse.contract.DeadLetter;
import org.civicpulse.contract.EventValidator;
import org.civicpulse.contract.Source;
import org.junit.jupiter.api.Test;

/** SPEC §6 replay: every line goes to its source's topic or, when it cannot be routed, to dead-letter with its line number. */
class ReplayRoutingTest {
    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private static final String VALID = """
            {"id":"e-1","source":"GRID","type":"CREATED","caseId":"c-1","occurredAt":"2026-11-22T09:15:03+08:00",\
            "district":"110101","category":"ILLEGAL_PARKING_MOTOR"}""";

    private final ReplayRouting routing = new ReplayRouting(
            new EventValidator(Catalogue.load(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5)),
            "day.jsonl", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldRouteALineToItsSourceKeyedByItsCase() {
        ReplayRouting.ToTopic to = (ReplayRouting.ToTopic) routing.route(1, utf8(VALID));
        assertThat(to.source()).isEqualTo(Source.GRID);
        assertThat(new String(to.key(), StandardCharsets.UTF_8)).isEqualTo("c-1");
        assertThat(to.occurredAt()).isEqualTo(Instant.parse("2026-11-22T01:15:03Z"));
        assertThat(to.line()).isEqualTo(utf8(VALID));
    }

    @Test
    void shouldPaceALineByItsEventTimeInEveryOffsetFormTheJobAccepts() {
        ReplayRouting.ToTopic to = (ReplayRouting.ToTopic) routing.route(1, utf8(VALID.replace("+08:00", "+0800")));
        assertThat(to.occurredAt()).as("a strftime('%z') offset").isEqualTo(Instant.parse("2026-11-22T01:15:03Z"));
    }

    @Test
    void shouldKeyALineWithoutACaseByItsId() {
        ReplayRouting.ToTopic to = (ReplayRouting.ToTopic) routing.route(1, utf8("""
                {"id":"i-1","source":"INSPECTION","type":"CHECKED","occurredAt":"2026-11-22T09:15:03+08:00",\
                "district":"110101","category":"GARBAGE_SORTING","passed":true}"""));
        assertThat(new String(to.key(), StandardCharsets.UTF_8)).isEqualTo("i-1");
    }

    @Test
    void shouldRouteALineThatStartsWithAByteOrderMark() {
        // A file saved by a Windows editor starts with one; the job's validator skips it too.
        assertThat(routing.route(1, utf8("\uFEFF" + VALID))).isInstanceOf(ReplayRouting.ToTopic.class);
    }

    @Test
    void shouldDeadLetterALineThatIsNotUtf8WithItsLineNumber() {
        byte[] latin1 = VALID.replace("e-1", "é-1").getBytes(StandardCharsets.ISO_8859_1);
        DeadLetter d = deadLetter(routing.route(7, latin1));
        assertThat(d.reason()).isEqualTo("INVALID_JSON");
        assertThat(d.message()).contains("UTF-8");
        assertThat(d.lineNumber()).isEqualTo(7);
        assertThat(d.id()).isEqualTo("replay:day.jsonl:7");
        assertThat(d.sourceTopic()).isEqualTo("replay:day.jsonl");
        assertThat(d.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldDeadLetterLinesWithoutARoutableSourceWithTheValidatorsReason() {
        assertThat(deadLetter(routing.route(2, utf8("not json"))).reason()).isEqualTo("INVALID_JSON");
        assertThat(deadLetter(routing.route(3, utf8("[1, 2]"))).reason()).isEqualTo("INVALID_JSON");
        assertThat(deadLetter(routing.route(4, utf8(VALID.replace("\"source\":\"GRID\",", ""))))
                .reason()).isEqualTo("MISSING_FIELD:source");
        DeadLetter unknown = deadLetter(routing.route(5, utf8(VALID.replace("GRID", "SMS"))));
        assertThat(unknown.reason()).isEqualTo("UNKNOWN_SOURCE");
        assertThat(unknown.original()).isEqualTo(VALID.replace("GRID", "SMS"));
    }

    @Test
    void shouldPublishARoutableButInvalidLineSoTheJobNamesItsReason() {
        // Only routing happens here; the job rejects the bad district with the topic it came from.
        assertThat(routing.route(1, utf8(VALID.replace("110101", "999999"))))
                .isInstanceOf(ReplayRouting.ToTopic.class);
    }

    @Test
    void shouldSplitLinesAsBytesAndKeepALineThatIsNotUtf8() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(utf8("{\"a\":1}\r\n\n"));
        file.writeBytes(new byte[] {(byte) 0xE9, '\n'});
        file.writeBytes(utf8("last without a line break"));
        List<byte[]> lines = new ArrayList<>();
        try (ReplayLines r = new ReplayLines(new ByteArrayInputStream(file.toByteArray()))) {
            byte[] line;
            while ((line = r.next()) != null) {
                lines.add(line);
            }
        }
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo(utf8("{\"a\":1}"));
        assertThat(ReplayLines.isBlank(lines.get(1))).isTrue();
        assertThat(lines.get(2)).containsExactly((byte) 0xE9);
        assertThat(lines.get(3)).isEqualTo(utf8("last without a line break"));
    }

    private static DeadLetter deadLetter(ReplayRouting.Route route) {
        assertThat(route).isInstanceOf(ReplayRouting.ToDeadLetter.class);
        return ((ReplayRouting.ToDeadLetter) route).deadLetter();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
