package org.civicpulse.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
}
