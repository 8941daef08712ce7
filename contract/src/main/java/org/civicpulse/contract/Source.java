package org.civicpulse.contract;

/** The channel through which a problem reached the city; each has its own Kafka topic. */
public enum Source {
    /** A citizen called or messaged the 12345 service line and a work order was opened. */
    HOTLINE,
    /** A grid worker or alley steward found the problem on patrol. */
    GRID,
    /** A civilized-city spot check of a point. */
    INSPECTION
}
