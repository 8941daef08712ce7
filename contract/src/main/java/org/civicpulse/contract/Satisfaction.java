package org.civicpulse.contract;

/** The citizen's rating of a hotline case at the return visit (回访). */
public enum Satisfaction {
    SATISFIED,
    BASIC,
    DISSATISFIED
}
