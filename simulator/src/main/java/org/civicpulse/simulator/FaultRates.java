package org.civicpulse.simulator;

import java.util.EnumMap;
import java.util.Map;

/** The rate of every {@link FaultKind}: a share of the valid events the kind applies to. */
public final class FaultRates {
    private final EnumMap<FaultKind, Double> rates;

    private FaultRates(EnumMap<FaultKind, Double> rates) {
        double sum = 0;
        for (Map.Entry<FaultKind, Double> e : rates.entrySet()) {
            double r = e.getValue();
            if (!(r >= 0 && r <= 1)) {
                throw new IllegalArgumentException("Fault rate of " + e.getKey() + " must be between 0 and 1, is " + r);
            }
            sum += r;
        }
        if (sum > 0.5) {
            throw new IllegalArgumentException("Fault rates add up to " + sum + "; at most 0.5 is allowed");
        }
        this.rates = rates;
    }

    /** Every kind at its default rate. */
    public static FaultRates defaults() {
        EnumMap<FaultKind, Double> m = new EnumMap<>(FaultKind.class);
        for (FaultKind k : FaultKind.values()) {
            m.put(k, k.defaultRate());
        }
        return new FaultRates(m);
    }

    /** Every kind at the same rate; 0 gives a clean stream. */
    public static FaultRates all(double rate) {
        EnumMap<FaultKind, Double> m = new EnumMap<>(FaultKind.class);
        for (FaultKind k : FaultKind.values()) {
            m.put(k, rate);
        }
        return new FaultRates(m);
    }

    /** No faults at all. */
    public static FaultRates none() {
        return all(0);
    }

    /** A copy with one kind's rate replaced. */
    public FaultRates with(FaultKind kind, double rate) {
        EnumMap<FaultKind, Double> m = new EnumMap<>(rates);
        m.put(kind, rate);
        return new FaultRates(m);
    }

    public double rate(FaultKind kind) {
        return rates.get(kind);
    }

    /** The rates in kind order, for the ground truth's header. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        rates.forEach((k, v) -> m.put(k.name(), v));
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaultRates other && rates.equals(other.rates);
    }

    @Override
    public int hashCode() {
        return rates.hashCode();
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
