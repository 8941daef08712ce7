package org.civicpulse.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicpulse.contract.Catalogue;
import org.civicpulse.contract.Catalogue.Category;
import org.civicpulse.contract.Source;
import org.civicpulse.simulator.Scenario.Hotspot;
import org.civicpulse.simulator.Scenario.Incident;

/**
 * Reads a drill scenario (JSON) and checks it against the catalogue, with a message naming the
 * item and field for every mistake. The format is described in the module README and shown in
 * {@code samples/drill-example.json}.
 */
public final class ScenarioLoader {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** Incident kinds the simulator knows, with their category and handling unit. */
    static final Map<String, String[]> INCIDENT_KINDS = Map.of(
            "HEATING_OUTAGE", new String[] {"HEATING", HandlingUnits.HEATING_COMPANY},
            "WATER_OUTAGE", new String[] {"UTILITY_OUTAGE", HandlingUnits.WATER_COMPANY},
            "POWER_OUTAGE", new String[] {"UTILITY_OUTAGE", HandlingUnits.POWER_COMPANY},
            "GAS_OUTAGE", new String[] {"UTILITY_OUTAGE", HandlingUnits.GAS_COMPANY},
            "RAINSTORM", new String[] {"WATERLOGGING", HandlingUnits.DRAINAGE_COMPANY});
    private static final Set<String> TOP_FIELDS = Set.of("name", "description", "hotspots", "incidents");
    private static final Set<String> HOTSPOT_FIELDS = Set.of("id", "district", "street", "point", "category",
            "source", "start", "durationMinutes", "multiplier", "extraCount", "note");
    private static final Set<String> INCIDENT_FIELDS = Set.of("id", "kind", "district", "street", "category",
            "source", "start", "durationMinutes", "extraCount", "unit", "note");

    private final Catalogue catalogue;
    private final ObjectMapper mapper = new ObjectMapper();

    public ScenarioLoader(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * Reads and checks a scenario file.
     *
     * @throws IllegalArgumentException with the file, item and field for a bad scenario
     * @throws NoSuchFileException when the file does not exist
     */
    public Scenario load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such scenario file");
        }
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        try {
            return parse(Files.readString(file), name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Scenario " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses scenario JSON text; {@code defaultName} is used when it has no {@code name}. */
    public Scenario parse(String json, String defaultName) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("must be a JSON object with \"hotspots\" and/or \"incidents\"");
        }
        unknownFields(root, TOP_FIELDS, "the top level");
        String name = root.hasNonNull("name") ? root.get("name").asText() : defaultName;
        List<Hotspot> hotspots = new ArrayList<>();
        for (JsonNode node : array(root, "hotspots")) {
            hotspots.add(hotspot(node, "hotspots[" + hotspots.size() + "]"));
        }
        List<Incident> incidents = new ArrayList<>();
        for (JsonNode node : array(root, "incidents")) {
            incidents.add(incident(node, "incidents[" + incidents.size() + "]"));
        }
        if (hotspots.isEmpty() && incidents.isEmpty()) {
            throw new IllegalArgumentException("has neither hotspots nor incidents");
        }
        return new Scenario(name, hotspots, incidents);
    }

    private Hotspot hotspot(JsonNode node, String at) {
        requireObject(node, at);
        unknownFields(node, HOTSPOT_FIELDS, at);
        String district = district(node, at);
        String point = optionalText(node, "point", at);
        String street = optionalText(node, "street", at);
        if (street == null && point != null && point.contains("·")) {
            // A point's address starts with its street: 望京街道·阜通西大街 8号.
            street = point.substring(0, point.indexOf('·'));
        }
        if (street == null) {
            throw new IllegalArgumentException(at + ".street: missing (give the street, or a point whose address "
                    + "starts with its street and '·', e.g. 东直门街道·东直门南小街 5号)");
        }
        if (catalogue.street(district, street).isEmpty()) {
            throw new IllegalArgumentException(at + ".street: '" + street + "' is not a street of district "
                    + district + " (" + catalogue.district(district).orElseThrow().nameZh() + "); e.g. '"
                    + catalogue.streets(district).get(0).name() + "'");
        }
        Source source = source(node, at);
        Category category = category(node, at, null);
        checkCategoryForSource(category, source, at);
        Instant start = start(node, at);
        int duration = duration(node, at);
        Double multiplier = null;
        Integer extra = null;
        boolean hasMultiplier = node.hasNonNull("multiplier");
        boolean hasExtra = node.hasNonNull("extraCount");
        if (hasMultiplier == hasExtra) {
            throw new IllegalArgumentException(at + ": give exactly one of \"multiplier\" and \"extraCount\"");
        }
        if (hasMultiplier) {
            JsonNode m = node.get("multiplier");
            if (!m.isNumber() || !(m.asDouble() >= 1) || m.asDouble() > 1000) {
                throw new IllegalArgumentException(at + ".multiplier: must be a number from 1 to 1000, is " + m);
            }
            multiplier = m.asDouble();
        } else {
            extra = count(node, at);
        }
        String id = node.hasNonNull("id") ? node.get("id").asText() : at;
        return new Hotspot(id, district, street, point, category.code(), source, start, duration, multiplier, extra);
    }

    private Incident incident(JsonNode node, String at) {
        requireObject(node, at);
        unknownFields(node, INCIDENT_FIELDS, at);
        String kind = requiredText(node, "kind", at);
        String[] defaults = INCIDENT_KINDS.get(kind);
        String district = district(node, at);
        String street = optionalText(node, "street", at);
        if (street != null && catalogue.street(district, street).isEmpty()) {
            throw new IllegalArgumentException(at + ".street: '" + street + "' is not a street of district "
                    + district);
        }
        Category category = category(node, at, defaults == null ? null : defaults[0]);
        Source source = source(node, at);
        checkCategoryForSource(category, source, at);
        Instant start = start(node, at);
        int duration = duration(node, at);
        int extra = count(node, at);
        String unit = optionalText(node, "unit", at);
        if (unit == null && defaults != null && defaults[0].equals(category.code())) {
            unit = defaults[1];
        }
        String id = node.hasNonNull("id") ? node.get("id").asText() : at;
        return new Incident(id, kind, district, street, category.code(), source, start, duration, extra, unit);
    }

    private String district(JsonNode node, String at) {
        String code = requiredText(node, "district", at);
        if (catalogue.district(code).isEmpty()) {
            throw new IllegalArgumentException(at + ".district: '" + code
                    + "' is not one of the 16 district codes (110101 东城区 … 110119 延庆区)");
        }
        return code;
    }

    private Category category(JsonNode node, String at, String fallback) {
        String code = node.hasNonNull("category") ? node.get("category").asText() : fallback;
        if (code == null) {
            throw new IllegalArgumentException(at + ".category: missing (required unless the incident kind is one of "
                    + INCIDENT_KINDS.keySet().stream().sorted().toList() + ")");
        }
        return catalogue.category(code).orElseThrow(() -> new IllegalArgumentException(
                at + ".category: '" + code + "' is not in the problem catalogue"));
    }

    private static void checkCategoryForSource(Category category, Source source, String at) {
        if (source == Source.GRID && !category.gridProactive()) {
            throw new IllegalArgumentException(at + ": grid workers do not report " + category.code()
                    + " (grid_proactive = no); use source HOTLINE");
        }
    }

    private static Source source(JsonNode node, String at) {
        if (!node.hasNonNull("source")) {
            return Source.HOTLINE;
        }
        String text = node.get("source").asText();
        if ("HOTLINE".equals(text)) {
            return Source.HOTLINE;
        }
        if ("GRID".equals(text)) {
            return Source.GRID;
        }
        throw new IllegalArgumentException(at + ".source: must be HOTLINE or GRID, is '" + text + "'");
    }

    private static Instant start(JsonNode node, String at) {
        String text = requiredText(node, "start", at);
        try {
            return parseTime(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ".start: " + e.getMessage());
        }
    }

    /**
     * An instant from ISO-8601 text: with an offset ({@code 2026-11-20T09:00:00+08:00}), or a
     * Beijing local date-time ({@code 2026-11-20T09:00}) or date ({@code 2026-11-20}, midnight).
     */
    public static Instant parseTime(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // fall through to the local forms
        }
        try {
            return LocalDateTime.parse(text).atZone(BEIJING).toInstant();
        } catch (DateTimeParseException e) {
            // fall through
        }
        try {
            return LocalDate.parse(text).atStartOfDay(BEIJING).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 date-time such as "
                    + "2026-11-20T09:00:00+08:00 (or a Beijing local 2026-11-20T09:00, or a date 2026-11-20)");
        }
    }

    private static int duration(JsonNode node, String at) {
        JsonNode d = node.get("durationMinutes");
        if (d == null || !d.canConvertToInt() || !d.isIntegralNumber() || d.asInt() < 1 || d.asInt() > 60 * 24 * 31) {
            throw new IllegalArgumentException(at + ".durationMinutes: must be a whole number of minutes from 1 "
                    + "to 44640 (31 days), is " + d);
        }
        return d.asInt();
    }

    private static int count(JsonNode node, String at) {
        JsonNode c = node.get("extraCount");
        if (c == null || !c.isIntegralNumber() || c.asInt() < 1 || c.asInt() > 1_000_000) {
            throw new IllegalArgumentException(at + ".extraCount: must be a whole number from 1 to 1000000, is " + c);
        }
        return c.asInt();
    }

    private static String requiredText(JsonNode node, String field, String at) {
        String text = optionalText(node, field, at);
        if (text == null) {
            throw new IllegalArgumentException(at + "." + field + ": missing");
        }
        return text;
    }

    private static String optionalText(JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(at + "." + field + ": must be a non-empty string, is " + v);
        }
        return v.asText();
    }

    private static void requireObject(JsonNode node, String at) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(at + ": must be a JSON object, is " + node);
        }
    }

    private static List<JsonNode> array(JsonNode root, String field) {
        JsonNode a = root.get(field);
        if (a == null || a.isNull()) {
            return List.of();
        }
        if (!a.isArray()) {
            throw new IllegalArgumentException("\"" + field + "\" must be an array");
        }
        List<JsonNode> out = new ArrayList<>();
        a.forEach(out::add);
        return out;
    }

    private static void unknownFields(JsonNode node, Set<String> known, String at) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new IllegalArgumentException(at + ": unknown field \"" + f + "\"; known fields: "
                        + known.stream().sorted().toList());
            }
        }
    }
}
