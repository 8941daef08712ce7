package org.civicpulse.jobs.metrics;

/** Where a contribution belongs: source, district, street, category and handling unit (empty when unknown). */
public record Place(String source, String district, String street, String category, String unit) {

    static Place of(CaseState s) {
        return new Place(s.source, nz(s.district), nz(s.street), nz(s.category), nz(s.unit));
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
