package org.civicpulse.contract;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Resolved configuration: defaults, overridden by environment variables, overridden by
 * explicit values (command-line {@code --key=value} or system properties {@code civicpulse.key}).
 */
public final class Settings implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final EnumMap<Setting, String> values;

    private Settings(EnumMap<Setting, String> values) {
        this.values = values;
    }

    /** Defaults, then environment, then system properties {@code civicpulse.<key>}. */
    public static Settings fromEnvironment() {
        return resolve(System.getenv(), System.getProperties(), Map.of());
    }

    public static Settings defaults() {
        return resolve(Map.of(), new Properties(), Map.of());
    }

    /** Layers, later wins: defaults, env, system properties, explicit overrides keyed by setting key. */
    public static Settings resolve(Map<String, String> env, Properties system, Map<String, String> overrides) {
        EnumMap<Setting, String> values = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            String v = s.defaultValue();
            if (env.containsKey(s.envVar())) {
                v = env.get(s.envVar());
            }
            String prop = system.getProperty("civicpulse." + s.key());
            if (prop != null) {
                v = prop;
            }
            if (overrides.containsKey(s.key())) {
                v = overrides.get(s.key());
            }
            values.put(s, v);
        }
        return new Settings(values);
    }

    /** A copy with some keys replaced. */
    public Settings with(Setting setting, String value) {
        EnumMap<Setting, String> copy = new EnumMap<>(values);
        copy.put(setting, value);
        return new Settings(copy);
    }

    public String get(Setting s) {
        return values.get(s);
    }

    public int getInt(Setting s) {
        try {
            return Integer.parseInt(get(s).trim());
        } catch (NumberFormatException e) {
            throw invalid(s, "a whole number");
        }
    }

    public Duration getDuration(Setting s) {
        try {
            return Duration.parse(get(s).trim());
        } catch (RuntimeException e) {
            throw invalid(s, "an ISO-8601 duration such as PT1S or P7D");
        }
    }

    public Path dataDir() {
        return Path.of(get(Setting.DATA_DIR)).toAbsolutePath();
    }

    /**
     * Values a child JVM gets in its environment, never on its command line: any local user can
     * read a command line ({@code ps}), while the operator token's file is the owner's alone.
     */
    private static final java.util.Set<Setting> SECRET = java.util.EnumSet.of(Setting.TOKEN,
            Setting.CLICKHOUSE_PASSWORD, Setting.CLICKHOUSE_READER_PASSWORD);

    /** All values but the secret ones as {@code civicpulse.<key>} properties, to hand to a child JVM. */
    public Map<String, String> asSystemProperties() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!SECRET.contains(k)) {
                m.put("civicpulse." + k.key(), v);
            }
        });
        return m;
    }

    /**
     * The secret values as the environment variables a child JVM reads them from: every password,
     * even an empty one (ClickHouse users may have none), and the token when one is set (blank
     * means "generate one", the same as not handing it on).
     */
    public Map<String, String> secretsAsEnvironment() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        SECRET.forEach(s -> {
            if (s != Setting.TOKEN || !get(s).isBlank()) {
                m.put(s.envVar(), get(s));
            }
        });
        return m;
    }

    /**
     * All values but the secret ones as {@code -Dcivicpulse.<key>=<value>} options for a child JVM's
     * command line; hand it {@link #secretsAsEnvironment()} as well.
     */
    public java.util.List<String> asJvmOptions() {
        java.util.List<String> options = new java.util.ArrayList<>();
        asSystemProperties().forEach((k, v) -> options.add("-D" + k + "=" + v));
        return options;
    }

    private IllegalArgumentException invalid(Setting s, String expected) {
        return new IllegalArgumentException("Setting " + s.key() + " (" + s.envVar() + ") is '" + get(s)
                + "', expected " + expected);
    }
}
