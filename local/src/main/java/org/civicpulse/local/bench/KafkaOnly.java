package org.civicpulse.local.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.civicpulse.contract.Settings;
import org.civicpulse.local.LocalKafka;
import org.civicpulse.local.StackLayout;

/**
 * Starts only the local Kafka broker, with the topics, and keeps it until SIGTERM: for benchmarks
 * of a producer (the simulator) with no consumer competing for the cores.
 */
public final class KafkaOnly {
    private KafkaOnly() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalKafka kafka = LocalKafka.start(Settings.fromEnvironment(), StackLayout.detect().brokerClasspath(),
                Duration.ofSeconds(120));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            stopped.countDown();
        }));
        System.out.println("kafka ready on " + kafka.bootstrap());
        stopped.await();
    }
}
