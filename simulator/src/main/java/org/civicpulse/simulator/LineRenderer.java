package org.civicpulse.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.EventCodec;
import org.civicpulse.contract.EventType;
import org.civicpulse.contract.Source;
import org.civicpulse.simulator.GroundTruth.FaultRecord;
import org.civicpulse.simulator.Timeline.Entry;

/**
 * Turns a timeline entry into the line that is sent: the canonical JSON of the event for a clean
 * line, or the faulty form the entry's fault asks for, with its ground-truth record.
 */
final class LineRenderer {
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    private static final String[] UNKNOWN_SOURCES = {"SMS", "hotline", "12345", "WEIBO"};
    private static final String[] UNKNOWN_TYPES = {"ASSIGNED", "closed", "ESCALATED", "TRANSFERRED"};
    private static final String[] UNKNOWN_DISTRICTS = {"110100", "110199", "110228", "120101", "110000"};
    private static final String[] UNKNOWN_CATEGORIES = {
        "STRAY_ANIMALS", "ELEVATOR_FAILURE", "illegal_parking_motor", "SNOW_REMOVAL", "PARKING"};
    private static final String[] NOT_JSON = {
        "<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>",
        "HTTP/1.1 500 Internal Server Error"};
    private static final EventType[] ORPHAN_TYPES = {EventType.RESPONDED, EventType.RESOLVED, EventType.CLOSED};

    /** A rendered line and, when it is faulty, its ground truth. */
    record Rendered(Emission emission, FaultRecord fault) {
    }

    private final EventCodec codec;
    private final ObjectMapper mapper;
    private final CityMap map;

    LineRenderer(EventCodec codec, CityMap map) {
        this.codec = codec;
        this.mapper = codec.mapper();
        this.map = map;
    }

    Rendered render(PlannedCase pc, Entry entry) {
        FaultKind fault = entry.fault();
        int step = entry.step();
        Instant sendAt = Instant.ofEpochMilli(entry.sendAt());
        if (fault == null) {
            String line = codec.encode(pc.event(step, null));
            return new Rendered(new Emission(sendAt, pc.source.name(), pc.key(step), line), null);
        }
        CivicEvent original = pc.event(step, null);
        int v = entry.variant();
        String line;
        String expected = fault.expected();
        Double delay = null;
        switch (fault) {
            case EXACT_DUPLICATE -> line = codec.encode(original);
            case OUT_OF_ORDER -> {
                line = codec.encode(original);
                delay = entry.aux() / 1000.0;
            }
            case LATE -> {
                line = codec.encode(original);
                delay = entry.aux() / 1000.0;
                expected = entry.aux() <= FaultPlanner.MAX_ACCEPTED_LATE ? "ACCEPTED_LATE" : "TOO_LATE";
            }
            case UNKNOWN_STREET -> line = codec.encode(pc.event(step, unknownStreet(pc, v)));
            case CONFLICTING_DUPLICATE -> {
                ObjectNode node = tree(original);
                node.put("occurredAt", local(original.occurredAt().plusSeconds(1 + v % 59)));
                if (original.type() == EventType.DISPATCHED) {
                    node.put("unit", map.districtName(pc.district) + "人民政府");
                }
                line = write(node);
            }
            case ORPHAN_CASE_EVENT -> {
                String orphanCase = pc.idBase + "-Q";
                CivicEvent orphan = new CivicEvent(orphanCase + ".1", pc.source, ORPHAN_TYPES[v % 3], orphanCase,
                        Instant.ofEpochMilli(entry.aux()), null, null, null, null, null, null, null, null, null,
                        null, null, null);
                line = codec.encode(orphan);
            }
            case MALFORMED -> line = malformed(codec.encode(original), v);
            case MISSING_FIELD -> {
                ObjectNode node = renamed(original, "~m");
                List<String> required = requiredFields(original);
                String field = required.get(v % required.size());
                switch ((v / required.size()) % 3) {
                    case 0 -> node.remove(field);
                    case 1 -> node.putNull(field);
                    default -> node.put(field, "");
                }
                line = write(node);
                expected = "MISSING_FIELD:" + field;
            }
            case UNKNOWN_SOURCE -> line = write(renamed(original, "~s").put("source", UNKNOWN_SOURCES[v % 4]));
            case UNKNOWN_TYPE -> line = write(renamed(original, "~t").put("type", UNKNOWN_TYPES[v % 4]));
            case TYPE_NOT_FOR_SOURCE -> line = write(renamed(original, "~n").put("type", wrongType(pc.source, v)));
            case UNKNOWN_DISTRICT -> line = write(renamed(original, "~d").put("district", UNKNOWN_DISTRICTS[v % 5]));
            case UNKNOWN_CATEGORY -> line = write(renamed(original, "~c").put("category", UNKNOWN_CATEGORIES[v % 5]));
            case BAD_TIMESTAMP -> line = write(renamed(original, "~b").put("occurredAt",
                    badTimestamp(original.occurredAt(), v)));
            case FUTURE_TIMESTAMP -> line = write(renamed(original, "~f").put("occurredAt",
                    local(original.occurredAt().atOffset(BEIJING).plusYears(10).toInstant())));
            case BAD_COORDINATES -> {
                ObjectNode node = renamed(original, "~g");
                if (original.lat() != null && v % 2 == 0) {
                    node.put("lat", original.lon());
                    node.put("lon", original.lat());
                } else {
                    node.remove("lon");
                    node.put("lat", original.lat() != null ? original.lat() : 39.9);
                }
                line = write(node);
            }
            default -> throw new IllegalStateException("Unhandled fault " + fault);
        }
        String topicSource = routableSource(line);
        String key = fault == FaultKind.MALFORMED ? null : keyOf(line);
        FaultRecord record = new FaultRecord("fault", fault.name(), expected, sendAt, original.occurredAt(),
                original.id(), original.caseId(), pc.source.name(), delay, line);
        return new Rendered(new Emission(sendAt, topicSource, key, line), record);
    }

    private ObjectNode tree(CivicEvent event) {
        return (ObjectNode) mapper.valueToTree(event);
    }

    /** The event as a JSON tree with a new id, so the faulty copy is not also a duplicate. */
    private ObjectNode renamed(CivicEvent event, String suffix) {
        ObjectNode node = tree(event);
        node.put("id", event.id() + suffix);
        return node;
    }

    private String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields SPEC §2 requires of this event, in the validator's order. */
    private static List<String> requiredFields(CivicEvent e) {
        List<String> fields = new ArrayList<>(List.of("id", "source", "type", "occurredAt"));
        boolean needsCase = e.source() != Source.INSPECTION || e.type().isCaseFollowUp();
        if (needsCase) {
            fields.add("caseId");
        }
        if (e.type() == EventType.CREATED || e.type() == EventType.CHECKED) {
            fields.add("district");
            fields.add("category");
        }
        if (e.type() == EventType.RATED) {
            fields.add("resolved");
            fields.add("satisfaction");
        }
        if (e.type() == EventType.CHECKED) {
            fields.add("passed");
        }
        return fields;
    }

    private static String wrongType(Source source, int v) {
        return switch (source) {
            case HOTLINE -> "CHECKED";
            case GRID -> v % 2 == 0 ? "RATED" : "CHECKED";
            case INSPECTION -> v % 2 == 0 ? "CREATED" : "RATED";
        };
    }

    private static String malformed(String line, int v) {
        return switch (v % 5) {
            case 0, 1 -> {
                // Cut inside the object: a prefix of a JSON object is never complete JSON.
                int cut = 1 + (v / 5) % (line.length() - 1);
                if (Character.isHighSurrogate(line.charAt(cut - 1))) {
                    cut--;
                }
                yield line.substring(0, cut);
            }
            case 2 -> NOT_JSON[(v / 5) % NOT_JSON.length];
            case 3 -> "[" + line + "]";
            default -> line + "," + line;
        };
    }

    private static String badTimestamp(Instant at, int v) {
        OffsetDateTime t = at.atOffset(BEIJING);
        return switch (v % 5) {
            case 0 -> t.toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            case 1 -> t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
            case 2 -> t.format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
            case 3 -> Long.toString(at.toEpochMilli());
            default -> t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'")) + "25"
                    + t.format(DateTimeFormatter.ofPattern(":mm:ssXXX"));
        };
    }

    /** A street the catalogue does not know in the case's district: another district's, or misspelt. */
    private String unknownStreet(PlannedCase pc, int v) {
        List<CityMap.Place> all = map.allPlaces();
        String candidate = all.get(v % all.size()).street.name();
        if (v % 2 == 0 && map.place(pc.district, candidate) == null) {
            return candidate;
        }
        String name = pc.street;
        for (String suffix : new String[] {"街道", "地区", "镇", "乡"}) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                String misspelt = name.substring(0, name.length() - suffix.length());
                if (map.place(pc.district, misspelt) == null) {
                    return misspelt;
                }
            }
        }
        return name + "园区";
    }

    /** An instant as Beijing local time with its offset, as a sender in Beijing would write it. */
    static String local(Instant at) {
        return at.atOffset(BEIJING).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The line's source when it is a JSON object with a known source, else null. */
    private String routableSource(String line) {
        JsonNode node = parse(line);
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode source = node.get("source");
        if (source == null || !source.isTextual()) {
            return null;
        }
        for (Source s : Source.values()) {
            if (s.name().equals(source.textValue())) {
                return s.name();
            }
        }
        return null;
    }

    private String keyOf(String line) {
        JsonNode node = parse(line);
        if (node == null || !node.isObject()) {
            return null;
        }
        for (String field : new String[] {"caseId", "id"}) {
            JsonNode v = node.get(field);
            if (v != null && v.isTextual() && !v.textValue().isBlank()) {
                return v.textValue();
            }
        }
        return null;
    }

    private JsonNode parse(String line) {
        try {
            return mapper.readTree(line);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
