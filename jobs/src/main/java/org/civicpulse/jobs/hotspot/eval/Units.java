package org.civicpulse.jobs.hotspot.eval;

/** The evaluation's name of a street × category unit. */
final class Units {
    private Units() {
    }

    static String of(String district, String street, String category) {
        return district + "|" + street + "|" + category;
    }
}
