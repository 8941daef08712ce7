package org.civicpulse.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void shouldReadQuotedFieldsWithCommasQuotesAndLineBreaks() {
        Csv csv = Csv.parse("t.csv", "code,note\r\n"
                + "A,\"one, two\"\r\n"
                + "B,\"say \"\"hi\"\"\"\r\n"
                + "C,\"line one\nline two\"\r\n"
                + "D,\r\n");

        assertThat(csv.size()).isEqualTo(4);
        assertThat(csv.get(0, "note")).isEqualTo("one, two");
        assertThat(csv.get(1, "note")).isEqualTo("say \"hi\"");
        assertThat(csv.get(2, "note")).isEqualTo("line one\nline two");
        assertThat(csv.get(3, "note")).isEmpty();
    }

    @Test
    void shouldAcceptLfEndingsByteOrderMarkAndMissingFinalLineBreak() {
        Csv csv = Csv.parse("t.csv", "\uFEFFcode,name\nA,x\n\nB,y");

        assertThat(csv.size()).isEqualTo(2);
        assertThat(csv.get(0, "code")).isEqualTo("A");
        assertThat(csv.get(1, "name")).isEqualTo("y");
    }

    @Test
    void shouldFailOnRowOfWrongWidth() {
        assertThatThrownBy(() -> Csv.parse("t.csv", "a,b\n1,2,3\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("t.csv").hasMessageContaining("record 2");
    }

    @Test
    void shouldFailOnUnterminatedQuote() {
        assertThatThrownBy(() -> Csv.parse("t.csv", "a,b\n1,\"open\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unterminated");
    }

    @Test
    void shouldFailOnUnknownColumn() {
        assertThatThrownBy(() -> Csv.parse("t.csv", "a,b\n1,2\n").get(0, "c"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no column 'c'");
    }
}
