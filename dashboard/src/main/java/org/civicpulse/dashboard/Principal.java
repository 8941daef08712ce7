package org.civicpulse.dashboard;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Who is asking: a user or a screen, its role, and the districts an operator may act on.
 *
 * @param districts district codes the principal may act on; null means every district
 */
public record Principal(String name, Role role, Set<String> districts) {
    /** What a principal may do. */
    public enum Role {
        /** Wall screens and visitors' eyes: read-only, addresses without house numbers. */
        VIEWER,
        /** Command-centre staff: acknowledge, comment, assign; whole addresses. */
        OPERATOR
    }

    /** The holder of {@code CIVICPULSE_TOKEN}: the local operator, every district. */
    public static final Principal LOCAL_OPERATOR = new Principal("local-operator", Role.OPERATOR, null);

    public Principal {
        districts = districts == null ? null : Set.copyOf(districts);
    }

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }

    /** Whether this principal may send commands about the district's alerts. */
    public boolean mayActOn(String district) {
        return isOperator() && (districts == null || districts.contains(district));
    }

    /** The body of {@code GET /api/v1/me}. */
    public JsonObject toJson() {
        return new JsonObject().put("user", name).put("role", role.name().toLowerCase())
                .put("districts", districts == null ? null
                        : new JsonArray(districts.stream().sorted().toList()));
    }
}
