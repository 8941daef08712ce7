package org.civicpulse.storage;

/**
 * One version of a case as stored in {@code cases}. Times are epoch milliseconds, 0 when the
 * stage has not happened; {@code lastSatisfaction} is empty when the case has no rating.
 */
public record CaseSnapshot(String caseId, String source, String district, String street, String category,
                           String unit, String address, boolean urgent, String status, long createdAt,
                           long dispatchedAt, long respondedAt, long resolvedAt, long reopenedAt, long closedAt,
                           long responseLimitAt, long resolutionLimitAt, boolean overdue, boolean aboutToBreach,
                           int ratings, Boolean lastRatingResolved, String lastSatisfaction, long revision) {
}
