package org.civicpulse.dashboard;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.civicpulse.contract.Alert;
import org.civicpulse.contract.Catalogue;
import org.civicpulse.contract.CityTime;
import org.civicpulse.contract.Source;

/**
 * The current value of everything live, kept in memory: the latest metrics record of every scope,
 * every source's freshness per district, and the newest version of every alert. Each change is
 * turned here into the delta frames of the channels that show it, numbered per channel, so a
 * snapshot and the deltas after it always agree. Shared by the feed and the HTTP verticles, hence
 * synchronised; the work under the lock is a map update and one encoding per channel.
 */
public final class LiveState {
    /** The channel every screen of the whole city subscribes to. */
    public static final String CITY = "city";
    private static final String DISTRICT = "district:";
    private static final String FRESHNESS = "freshness:";
    private static final String ALERT = "alert:";
    private static final long SNAPSHOT_CACHE_MS = 1_000;

    private final ScopeViews views;
    private final AlertViews alertViews;
    private final Map<String, JsonObject> metrics = new HashMap<>();
    private final Map<String, JsonObject> freshness = new TreeMap<>();
    private final Map<String, Alert> alerts = new HashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, CachedSnapshot> snapshots = new HashMap<>();

    private record CachedSnapshot(long seq, long builtAt, byte[] frame) {
    }

    public LiveState(ScopeViews views, AlertViews alertViews) {
        this.views = views;
        this.alertViews = alertViews;
    }

    /** Whether the channel name is one a client may subscribe to. */
    public boolean isChannel(String channel) {
        return CITY.equals(channel) || channel != null && channel.startsWith(DISTRICT)
                && views.catalogue().district(channel.substring(DISTRICT.length())).isPresent();
    }

    /**
     * Applies one record of the live metrics topic (a scope's metrics or a freshness record) and
     * returns the frames to push; none when the record is not newer than what is held.
     */
    public synchronized List<Frame> applyMetrics(JsonObject record, long receivedAt) {
        String scope = record.getString("scope");
        if (scope == null) {
            return List.of();
        }
        if (scope.startsWith(FRESHNESS)) {
            // Sent to screens as held: its times in the same shape as every other time they get.
            record = record.copy().put("lastDeliveredAt", CityTime.seconds(record.getString("lastDeliveredAt")))
                    .put("lastEventAt", CityTime.seconds(record.getString("lastEventAt")));
            freshness.put(scope, record);
            String[] parts = scope.split(":", 3);
            return frames("freshness", scope, record, receivedAt,
                    parts.length == 3 ? DISTRICT + parts[2] : null);
        }
        JsonObject held = metrics.get(scope);
        if (held != null && isOlder(record.getString("asOf"), held.getString("asOf"))) {
            return List.of();
        }
        metrics.put(scope, record);
        return frames("metrics", scope, view(scope), receivedAt, districtChannelOf(scope));
    }

    /** Applies a new state of an alert; an older or repeated version changes nothing. */
    public synchronized List<Frame> applyAlert(Alert alert, long receivedAt) {
        Alert held = alerts.get(alert.id());
        if (held != null && held.version() >= alert.version()) {
            return List.of();
        }
        alerts.put(alert.id(), alert);
        return frames("alert", ALERT + alert.id(), alertViews.toJson(alert, false), receivedAt,
                alert.district() == null ? null : DISTRICT + alert.district());
    }

    /** The WebSocket snapshot frame of a channel with its current sequence number. */
    public synchronized Snapshot snapshot(String channel, long now) {
        long seq = sequences.getOrDefault(channel, 0L);
        CachedSnapshot cached = snapshots.get(channel);
        if (cached != null && cached.seq() == seq && now - cached.builtAt() < SNAPSHOT_CACHE_MS) {
            return new Snapshot(seq, cached.frame());
        }
        JsonArray entries = new JsonArray();
        for (String key : channelKeys(channel)) {
            entries.add(entry(key));
        }
        byte[] frame = new JsonObject().put("type", "snapshot").put("channel", channel)
                .put("seq", seq).put("asOf", asOf()).put("entries", entries).toBuffer().getBytes();
        snapshots.put(channel, new CachedSnapshot(seq, now, frame));
        return new Snapshot(seq, frame);
    }

    /** A snapshot frame and the channel sequence number it is current at. */
    public record Snapshot(long seq, byte[] utf8) {
    }

    /** The body of {@code GET /api/v1/snapshot} (SPEC §7): the city and all 16 districts in code order. */
    public synchronized JsonObject citySnapshot() {
        JsonArray districts = new JsonArray();
        for (Catalogue.District d : views.catalogue().districts()) {
            districts.add(view(DISTRICT + d.code()));
        }
        long open = alerts.values().stream().filter(Alert::active).count();
        long high = alerts.values().stream()
                .filter(a -> a.active() && a.severity() == Alert.Severity.HIGH).count();
        return new JsonObject().put("asOf", asOf()).put("city", view(CITY))
                .put("districts", districts)
                .put("alerts", new JsonObject().put("open", open).put("high", high));
    }

    /** The view of any scope, zeros when it published nothing yet. */
    public synchronized JsonObject view(String scope) {
        JsonObject raw = metrics.get(scope);
        if (CITY.equals(scope)) {
            long population = views.catalogue().districts().stream()
                    .mapToLong(Catalogue.District::population).sum();
            return views.view(scope, raw, cityFreshness(), population);
        }
        String[] parts = scope.split(":", 3);
        if (scope.startsWith(DISTRICT)) {
            Optional<Catalogue.District> d = views.catalogue().district(parts[1]);
            JsonObject view = views.view(scope, raw, districtFreshness(parts[1]),
                    d.map(Catalogue.District::population).orElse(0));
            d.ifPresent(x -> view.put("code", x.code()).put("name", x.nameZh())
                    .put("nameEn", x.nameEn()));
            return view;
        }
        JsonObject view = views.view(scope, raw, null, 0);
        switch (parts[0]) {
            case "street" -> view.put("district", parts[1]).put("name", parts[2]);
            case "category" -> view.put("code", parts[1]).put("name", categoryName(parts[1]));
            case "district-category" -> view.put("district", parts[1]).put("code", parts[2])
                    .put("name", categoryName(parts[2]));
            case "unit" -> view.put("name", scope.substring("unit:".length()));
            case "district-unit" -> view.put("district", parts[1]).put("name", parts[2]);
            default -> { }
        }
        return view;
    }

    /** Scopes held whose name starts with the prefix, e.g. {@code street:110101:}, sorted. */
    public synchronized List<String> scopes(String prefix) {
        return metrics.keySet().stream().filter(s -> s.startsWith(prefix)).sorted().toList();
    }

    /** Every alert held, newest opening first. */
    public synchronized List<Alert> alerts() {
        List<Alert> out = new ArrayList<>(alerts.values());
        out.sort(Comparator.comparing(Alert::openedAt,
                Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Alert::id));
        return out;
    }

    public synchronized Optional<Alert> alert(String id) {
        return Optional.ofNullable(alerts.get(id));
    }

    /** The watermark of the city's latest record, on the city's clock with seconds, or null before the first. */
    public synchronized String asOf() {
        JsonObject city = metrics.get(CITY);
        return city == null ? null : CityTime.seconds(city.getString("asOf"));
    }

    private List<Frame> frames(String kind, String key, JsonObject data, long receivedAt,
            String districtChannel) {
        List<Frame> out = new ArrayList<>(2);
        if (showsInCity(key)) {
            out.add(frame(CITY, kind, key, data, receivedAt));
        }
        if (districtChannel != null && isChannel(districtChannel)) {
            out.add(frame(districtChannel, kind, key, data, receivedAt));
        }
        return out;
    }

    private Frame frame(String channel, String kind, String key, JsonObject data, long receivedAt) {
        long seq = sequences.merge(channel, 1L, Long::sum);
        byte[] utf8 = new JsonObject().put("type", "delta").put("channel", channel)
                .put("seq", seq).put("kind", kind).put("key", key).put("ts", receivedAt)
                .put("data", data).toBuffer().getBytes();
        return Frame.of(channel, seq, key, utf8, receivedAt);
    }

    private static boolean showsInCity(String key) {
        return CITY.equals(key) || key.startsWith(DISTRICT) || key.startsWith("category:")
                || key.startsWith(ALERT) || key.startsWith(FRESHNESS);
    }

    private static String districtChannelOf(String scope) {
        String[] parts = scope.split(":", 3);
        return switch (parts[0]) {
            case "district", "street", "district-category" -> DISTRICT + parts[1];
            default -> null;
        };
    }

    private List<String> channelKeys(String channel) {
        List<String> keys = new ArrayList<>();
        if (CITY.equals(channel)) {
            keys.add(CITY);
            views.catalogue().districts().forEach(d -> keys.add(DISTRICT + d.code()));
            metrics.keySet().stream().filter(s -> s.startsWith("category:")).sorted()
                    .forEach(keys::add);
        } else {
            String code = channel.substring(DISTRICT.length());
            keys.add(channel);
            metrics.keySet().stream().filter(s -> s.startsWith("street:" + code + ":")
                    || s.startsWith("district-category:" + code + ":")).sorted().forEach(keys::add);
        }
        freshness.keySet().stream()
                .filter(k -> CITY.equals(channel) || k.endsWith(":" + channel.substring(DISTRICT.length())))
                .forEach(keys::add);
        alerts().stream().filter(Alert::active)
                .filter(a -> CITY.equals(channel) || channel.equals(DISTRICT + a.district()))
                .forEach(a -> keys.add(ALERT + a.id()));
        return keys;
    }

    private JsonObject entry(String key) {
        if (key.startsWith(ALERT)) {
            Alert alert = alerts.get(key.substring(ALERT.length()));
            return new JsonObject().put("kind", "alert").put("key", key)
                    .put("data", alertViews.toJson(alert, false));
        }
        if (key.startsWith(FRESHNESS)) {
            return new JsonObject().put("kind", "freshness").put("key", key)
                    .put("data", freshness.get(key));
        }
        return new JsonObject().put("kind", "metrics").put("key", key).put("data", view(key));
    }

    private Map<Source, JsonObject> districtFreshness(String district) {
        Map<Source, JsonObject> out = new EnumMap<>(Source.class);
        for (Source source : Source.values()) {
            JsonObject record = freshness.get(FRESHNESS + source.name() + ":" + district);
            if (record != null) {
                out.put(source, record);
            }
        }
        return out;
    }

    // The city's freshness per source is that of its most recently delivering district.
    private Map<Source, JsonObject> cityFreshness() {
        Map<Source, JsonObject> out = new EnumMap<>(Source.class);
        for (JsonObject record : freshness.values()) {
            Source source = Source.valueOf(record.getString("source"));
            JsonObject best = out.get(source);
            if (best == null || isOlder(best.getString("lastDeliveredAt"),
                    record.getString("lastDeliveredAt"))) {
                out.put(source, record);
            }
        }
        return out;
    }

    private String categoryName(String code) {
        return views.catalogue().category(code).map(Catalogue.Category::nameZh).orElse(code);
    }

    // asOf values are ISO-8601 with the same offset, but compare them as instants to be safe.
    private static boolean isOlder(String candidate, String held) {
        if (candidate == null || held == null) {
            return candidate == null && held != null;
        }
        try {
            return java.time.OffsetDateTime.parse(candidate)
                    .isBefore(java.time.OffsetDateTime.parse(held));
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
