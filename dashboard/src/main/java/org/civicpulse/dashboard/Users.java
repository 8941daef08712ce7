package org.civicpulse.dashboard;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The people and screens allowed in: the local operator token, and a users file
 * ({@code dashboard.users}) with signed-in users (PBKDF2 password hashes) and wall-screen tokens
 * (SHA-256 of the token), each with a role and optionally the districts they may act on:
 * <pre>{"users":  [{"name":"zhang","role":"operator","districts":["110101"],"password":"pbkdf2-sha256$…"}],
 *  "tokens": [{"name":"wall-lobby","role":"viewer","sha256":"…"}]}</pre>
 */
public final class Users {
    private record User(Principal principal, String passwordHash) {
    }

    private final Map<String, User> users;
    private final Map<String, Principal> tokens;

    private Users(Map<String, User> users, Map<String, Principal> tokens) {
        this.users = Map.copyOf(users);
        this.tokens = Map.copyOf(tokens);
    }

    /** Only the local operator token. */
    public static Users of(String operatorToken) {
        return parse(operatorToken, new JsonObject());
    }

    /** The local operator token plus the users file's contents. */
    public static Users parse(String operatorToken, JsonObject file) {
        Map<String, User> users = new HashMap<>();
        Map<String, Principal> tokens = new HashMap<>();
        tokens.put(sha256Hex(operatorToken), Principal.LOCAL_OPERATOR);
        for (Object o : file.getJsonArray("users", new JsonArray())) {
            JsonObject u = (JsonObject) o;
            Principal p = principal(u);
            users.put(p.name(), new User(p, require(u, "password")));
        }
        for (Object o : file.getJsonArray("tokens", new JsonArray())) {
            JsonObject t = (JsonObject) o;
            tokens.put(require(t, "sha256").toLowerCase(), principal(t));
        }
        return new Users(users, tokens);
    }

    /** The principal of a bearer or wall-screen token. */
    public Optional<Principal> byToken(String token) {
        return Optional.ofNullable(token == null ? null : tokens.get(sha256Hex(token)));
    }

    /** The user with this name and password; empty when either is wrong. */
    public Optional<Principal> signIn(String name, String password) {
        User user = name == null ? null : users.get(name);
        // Hash anyway when the user is unknown, so timing does not tell which names exist.
        String hash = user == null ? DUMMY_HASH : user.passwordHash();
        boolean ok = password != null && Passwords.verify(password, hash);
        return ok && user != null ? Optional.of(user.principal()) : Optional.empty();
    }

    private static final String DUMMY_HASH = Passwords.hash("no-such-user");

    private static Principal principal(JsonObject json) {
        String name = require(json, "name");
        Principal.Role role = switch (require(json, "role")) {
            case "viewer" -> Principal.Role.VIEWER;
            case "operator" -> Principal.Role.OPERATOR;
            default -> throw new IllegalArgumentException("Users file: role of " + name
                    + " must be viewer or operator");
        };
        JsonArray districts = json.getJsonArray("districts");
        Set<String> codes = null;
        if (districts != null) {
            codes = new HashSet<>();
            for (Object d : districts) {
                codes.add(String.valueOf(d));
            }
        }
        return new Principal(name, role, codes);
    }

    private static String require(JsonObject json, String field) {
        String value = json.getString(field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Users file: an entry has no '" + field + "'");
        }
        return value;
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
