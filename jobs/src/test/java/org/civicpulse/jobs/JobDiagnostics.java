package org.civicpulse.jobs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;

/**
 * What a failing integration test prints about its job, read from the mini cluster's REST API:
 * the job's state and vertices (records in and out), its exceptions and each vertex's watermarks.
 * A wait that times out then says whether the job was failing, stalled on event time, or idle.
 */
public final class JobDiagnostics {
    private static final int LIMIT = 6_000;

    private JobDiagnostics() {
    }

    public static String describe(Configuration clientConfiguration, JobID job) {
        String base = "http://" + clientConfiguration.get(RestOptions.ADDRESS) + ":"
                + clientConfiguration.get(RestOptions.PORT) + "/jobs/" + job;
        StringBuilder out = new StringBuilder("\n--- job ").append(job).append(" ---\n");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            String detail = get(http, base);
            out.append("job: ").append(cut(detail)).append('\n');
            out.append("exceptions: ").append(cut(get(http, base + "/exceptions?maxExceptions=3"))).append('\n');
            java.util.regex.Matcher ids = java.util.regex.Pattern.compile("\"id\":\"([0-9a-f]{32})\"").matcher(detail);
            while (ids.find()) {
                out.append("watermarks ").append(ids.group(1)).append(": ")
                        .append(cut(get(http, base + "/vertices/" + ids.group(1) + "/watermarks"))).append('\n');
            }
        } catch (Exception e) {
            out.append("(could not read the job's REST API: ").append(e).append(")\n");
        }
        return out.toString();
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String cut(String s) {
        return s.length() <= LIMIT ? s : s.substring(0, LIMIT) + "…";
    }
}
