package org.civicpulse.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EventTypeTest {

    @Test
    void shouldAllowEveryStepButCheckedOnHotline() {
        assertThat(allowed(Source.HOTLINE)).containsExactly(EventType.CREATED,
                EventType.DISPATCHED, EventType.RESPONDED, EventType.RESOLVED, EventType.RATED,
                EventType.CLOSED, EventType.REOPENED);
    }

    @Test
    void shouldAllowNeitherCheckedNorRatedOnGrid() {
        assertThat(allowed(Source.GRID)).containsExactly(EventType.CREATED,
                EventType.DISPATCHED, EventType.RESPONDED, EventType.RESOLVED, EventType.CLOSED,
                EventType.REOPENED);
    }

    @Test
    void shouldAllowChecksAndCaseFollowUpsButNoCreationOrRatingOnInspection() {
        assertThat(allowed(Source.INSPECTION)).containsExactly(EventType.DISPATCHED,
                EventType.RESPONDED, EventType.RESOLVED, EventType.CLOSED, EventType.REOPENED,
                EventType.CHECKED);
    }

    @Test
    void shouldCountEverythingButCreatedAndCheckedAsFollowUp() {
        assertThat(Arrays.stream(EventType.values()).filter(EventType::isCaseFollowUp))
                .containsExactly(EventType.DISPATCHED, EventType.RESPONDED, EventType.RESOLVED,
                        EventType.RATED, EventType.CLOSED, EventType.REOPENED);
    }

    private static EventType[] allowed(Source source) {
        return Arrays.stream(EventType.values()).filter(t -> t.allowedFor(source))
                .toArray(EventType[]::new);
    }
}
