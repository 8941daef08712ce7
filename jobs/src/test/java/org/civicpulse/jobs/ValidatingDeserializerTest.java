package org.civicpulse.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.civicpulse.contract.Catalogue;
import org.civicpulse.contract.DeadLetter;
import org.civicpulse.contract.EventCodec;
import org.civicpulse.contract.EventValidator;
import org.junit.jupiter.api.Test;

class ValidatingDeserializerTest {
    private final EventValidator validator = new EventValidator(Catalogue.load(), Clock.systemUTC(), Duration.ofMinutes(5));

    @Test
    void shouldKeepTheExactBytesOfInputThatIsNotUtf8() {
        // GBK for 东城区 inside otherwise plain JSON: a sender with the wrong encoding.
        byte[] gbk = "{\"id\":\"e-1\",\"district\":\"东城区\"}".getBytes(java.nio.charset.Charset.forName("GBK"));

        DeadLetter d = ValidatingDeserializer.parse(validator, "civic.hotline", 1, 42, 0, gbk).rejected();

        assertThat(d.reason()).isEqualTo("INVALID_JSON");
        assertThat(d.id()).isEqualTo("civic.hotline:1:42");
        assertThat(Base64.getDecoder().decode(d.originalBase64())).isEqualTo(gbk);
        assertThat(d.original()).startsWith("{\"id\":\"e-1\"").contains("\uFFFD");
        // On the dead-letter topic too: the JSON record carries the bytes and reads back the same.
        EventCodec codec = new EventCodec();
        assertThat(codec.decodeDeadLetter(codec.encodeDeadLetter(d))).isEqualTo(d);
    }

    @Test
    void shouldKeepUtf8InputAsTextAlone() {
        byte[] line = "{\"id\": \"e-1\", \"source\": \"SMS\"}".getBytes(StandardCharsets.UTF_8);

        DeadLetter d = ValidatingDeserializer.parse(validator, "civic.hotline", 0, 7, 0, line).rejected();

        assertThat(d.original()).isEqualTo("{\"id\": \"e-1\", \"source\": \"SMS\"}");
        assertThat(d.originalBase64()).isNull();
        assertThat(new EventCodec().encodeDeadLetter(d)).asString(StandardCharsets.UTF_8).doesNotContain("originalBase64");
    }
}
