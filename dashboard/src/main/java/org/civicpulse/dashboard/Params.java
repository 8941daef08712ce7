package org.civicpulse.dashboard;

import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.civicpulse.contract.Catalogue;

/**
 * Typed, checked request parameters. Every value that may reach SQL passes one of these checks
 * first (a catalogue code, a member of a fixed set, a bounded number or a timestamp); a failed
 * check is a 400 that names the parameter without repeating its value.
 */
public final class Params {
    private static final int MAX_TEXT = 200;
    private final RoutingContext ctx;
    private final Catalogue catalogue;

    public Params(RoutingContext ctx, Catalogue catalogue) {
        this.ctx = ctx;
        this.catalogue = catalogue;
    }

    /** A parameter given at most once; null when absent or empty. */
    public String text(String name) {
        List<String> values = ctx.queryParam(name);
        if (values.size() > 1) {
            throw new ApiError(400, "Parameter '" + name + "' is given more than once");
        }
        String value = values.isEmpty() ? null : values.get(0);
        if (value != null && value.length() > MAX_TEXT) {
            throw new ApiError(400, "Parameter '" + name + "' is longer than " + MAX_TEXT);
        }
        return value == null || value.isEmpty() ? null : value;
    }

    /** A district code of the catalogue, or null. */
    public String district(String name) {
        String value = text(name);
        if (value != null && catalogue.district(value).isEmpty()) {
            throw new ApiError(400, "Parameter '" + name + "' must be one of the 16 district codes (110101 … 110119)");
        }
        return value;
    }

    /** A category code of the catalogue, or null. */
    public String category(String name) {
        String value = text(name);
        if (value != null && catalogue.category(value).isEmpty()) {
            throw new ApiError(400, "Parameter '" + name + "' must be a category code of the catalogue");
        }
        return value;
    }

    /** A street of the given district (required when a street is given), or null. */
    public String street(String name, String district) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        if (district == null) {
            throw new ApiError(400, "Parameter '" + name + "' needs 'district' as well");
        }
        if (catalogue.street(district, value).isEmpty()) {
            throw new ApiError(400, "Parameter '" + name + "' is not a street of that district");
        }
        return value;
    }

    /**
     * A street for the case list (SPEC §7 lets {@code street} stand alone): the district's when a
     * district is given, else the name in every district that has it (八里庄街道 is in both
     * Chaoyang and Haidian), or null.
     */
    public String streetOfAnyDistrict(String name, String district) {
        if (district != null) {
            return street(name, district);
        }
        String value = text(name);
        if (value != null && catalogue.streetsNamed(value).isEmpty()) {
            throw new ApiError(400, "Parameter '" + name + "' is not a street of the catalogue");
        }
        return value;
    }

    /** One of a fixed set of words, or the default. */
    public String oneOf(String name, Set<String> allowed, String defaultValue) {
        String value = text(name);
        if (value == null) {
            return defaultValue;
        }
        if (!allowed.contains(value)) {
            throw new ApiError(400, "Parameter '" + name + "' must be one of "
                    + allowed.stream().sorted().toList());
        }
        return value;
    }

    /** A whole number within bounds, or the default. */
    public int integer(String name, int min, int max, int defaultValue) {
        String value = text(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Falls through to the 400 below.
        }
        throw new ApiError(400, "Parameter '" + name + "' must be a whole number from " + min
                + " to " + max);
    }

    /** An ISO-8601 time with offset, or null. */
    public Instant time(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            // A query string decodes '+' as a space, so "from=2026-03-10T00:00:00+08:00" typed as
            // SPEC §7 writes it arrives as "...00:00:00 08:00"; a time never holds a space.
            return OffsetDateTime.parse(value.replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiError(400, "Parameter '" + name
                    + "' must be an ISO-8601 time with offset, e.g. 2026-03-10T15:00:00+08:00");
        }
    }

    /** A free-text body field: at most {@code max} characters, control characters refused. */
    public static String bodyText(Object value, String name, int max) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.length() > max
                || text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            throw new ApiError(400, "Field '" + name + "' must be text of at most " + max
                    + " characters");
        }
        return text.isBlank() ? null : text;
    }
}
