package org.civicpulse.contract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reading input text: events from Kafka or a replay file, and the catalogue's CSV files. */
public final class Utf8 {
    private Utf8() {
    }

    /** Bytes as UTF-8 text, strictly: malformed or unmappable input is reported, never replaced. */
    public static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    /** Bytes as UTF-8 text for reading; malformed input shows as U+FFFD (not reversible). */
    public static String lenient(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The bytes in base64 when they are not valid UTF-8 (text would lose them), else null. */
    public static String base64UnlessText(byte[] bytes) {
        try {
            decode(bytes);
            return null;
        } catch (CharacterCodingException e) {
            return java.util.Base64.getEncoder().encodeToString(bytes);
        }
    }

    /** The text without a leading byte-order mark: an encoding artefact, not content. */
    public static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
