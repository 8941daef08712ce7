package org.civicpulse.jobs;

import org.civicpulse.contract.CivicEvent;

/** Where a case is and who handles it: what later events of the case inherit. */
public record CasePlace(String district, String street, String category, String unit) {

    static CasePlace of(CivicEvent opening) {
        return new CasePlace(opening.district(), opening.street(), opening.category(), opening.unit());
    }

    /** The place updated by a later event's own values (a dispatch names the unit). */
    CasePlace updatedBy(CivicEvent e) {
        return new CasePlace(district, street == null ? e.street() : street, category,
                e.unit() != null ? e.unit() : unit);
    }

    /** The event with the case's place filled in where the event leaves it out. */
    CivicEvent applyTo(CivicEvent e) {
        return e.withPlace(
                e.district() != null ? e.district() : district,
                e.street() != null ? e.street() : street,
                e.category() != null ? e.category() : category,
                e.unit() != null ? e.unit() : unit);
    }
}
