package org.civicpulse.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonRowTest {
    @Test
    void shouldWriteJsonThatAParserReadsBackExactly() throws Exception {
        String tricky = "a \"quoted\" \\ back\nslash\t东华门\u0001end";
        String row = new JsonRow().put("s", tricky).put("n", 42L).put("d", 39.915).put("none", (Number) null)
                .put("nullString", (String) null).toString();
        JsonNode node = new ObjectMapper().readTree(row);
        assertThat(node.get("s").asText()).isEqualTo(tricky);
        assertThat(node.get("n").asLong()).isEqualTo(42);
        assertThat(node.get("d").asDouble()).isEqualTo(39.915);
        assertThat(node.get("none").isNull()).isTrue();
        assertThat(node.get("nullString").isNull()).isTrue();
    }

    @Test
    void shouldWritePlainAndEscapedStringsAlikeWhereverTheSpecialCharacterStands() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String value : new String[] {"", "东华门街道", "110101", "end\\", "\"start", "mid\u001fdle", "tab\t"}) {
            JsonRow row = new JsonRow().put("v", value);
            assertThat(row.toString()).isEqualTo(row.toString());
            assertThat(json.readTree(row.toString()).get("v").asText()).isEqualTo(value);
        }
    }

    @Test
    void shouldEncodeEveryKindOfCharacterAsUtf8AndGrowPastItsFirstBuffer() throws Exception {
        String pair = new String(Character.toChars(0x20B9F)); // outside the BMP: a surrogate pair
        String value = "é东" + pair + "\u0001\"".repeat(200) + "东".repeat(300) + "x\n";
        JsonRow row = new JsonRow().put("v", value).put("n", -1234567890123L).put("m", Long.MIN_VALUE)
                .put("z", 0L);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        row.writeTo(out);
        assertThat(out.toByteArray()).isEqualTo(row.toString().getBytes(StandardCharsets.UTF_8));
        JsonNode node = new ObjectMapper().readTree(out.toByteArray());
        assertThat(node.get("v").asText()).isEqualTo(value);
        assertThat(node.get("n").asLong()).isEqualTo(-1234567890123L);
        assertThat(node.get("m").asLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(node.get("z").asLong()).isZero();
    }

    @Test
    void shouldWriteALoneSurrogateAsAQuestionMarkLikeStringGetBytes() {
        String lone = "a\uD800b";
        assertThat(new JsonRow().put("v", lone).toString()).isEqualTo("{\"v\":\"a?b\"}");
    }
}
