package org.civicpulse.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SqlLiteralTest {
    @Test
    void shouldEscapeQuotesBackslashesAndControlCharacters() {
        assertThat(SqlLiteral.string("it's")).isEqualTo("'it\\'s'");
        assertThat(SqlLiteral.string("a\\b")).isEqualTo("'a\\\\b'");
        assertThat(SqlLiteral.string("x'; DROP TABLE raw_events; --")).isEqualTo("'x\\'; DROP TABLE raw_events; --'");
        assertThat(SqlLiteral.string("line\nbreak\ttab\0")).isEqualTo("'line\\nbreak\\ttab\\0'");
        assertThat(SqlLiteral.string("东华门街道")).isEqualTo("'东华门街道'");
    }

    @Test
    void shouldWriteDateTimesOnTheShanghaiCalendar() {
        assertThat(SqlLiteral.dateTime(Instant.parse("2026-11-20T16:30:00Z")))
                .isEqualTo("toDateTime('2026-11-21 00:30:00', 'Asia/Shanghai')");
    }

    @Test
    void shouldAcceptOnlyPlainIdentifiers() {
        assertThat(ClickHouseDb.identifier("raw_events")).isEqualTo("raw_events");
        assertThatThrownBy(() -> ClickHouseDb.identifier("raw_events; DROP")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClickHouseDb.identifier("`x`")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClickHouseDb.identifier(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
