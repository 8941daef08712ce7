package org.civicpulse.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;

/** Creates the topics of SPEC §2 (before use, so nothing relies on auto-creation). */
public final class Topics {
    private Topics() {
    }

    /** Every topic of these settings: input, dead-letter, live metrics, live alerts, alert commands. */
    public static List<String> names(Settings s) {
        return List.of(s.get(Setting.TOPIC_HOTLINE), s.get(Setting.TOPIC_GRID), s.get(Setting.TOPIC_INSPECTION),
                s.get(Setting.TOPIC_DEADLETTER), s.get(Setting.TOPIC_METRICS_LIVE),
                s.get(Setting.TOPIC_ALERTS_LIVE), s.get(Setting.TOPIC_ALERT_COMMANDS));
    }

    /** Creates whichever of the topics is missing, with the configured partitions and retention. */
    public static void ensure(Settings s) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, s.get(Setting.KAFKA_BOOTSTRAP));
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            long retentionMs = 24L * 3600 * 1000 * s.getInt(Setting.KAFKA_RETENTION_DAYS);
            List<NewTopic> missing = new ArrayList<>();
            for (String name : names(s)) {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, s.getInt(Setting.KAFKA_PARTITIONS), (short) 1)
                            .configs(Map.of("retention.ms", Long.toString(retentionMs))));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create Kafka topics: " + e.getMessage(), e);
        }
    }
}
