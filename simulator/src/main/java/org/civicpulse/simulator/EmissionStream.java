package org.civicpulse.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.civicpulse.simulator.GroundTruth.InjectionRecord;
import org.civicpulse.simulator.LineRenderer.Rendered;
import org.civicpulse.simulator.Timeline.Entry;

/**
 * The simulator's output as a lazy, ordered stream: every line sent in [from, to), by send time.
 * It generates one hour of new problems at a time, only when the next line could come from it, and
 * keeps the pending steps of open cases in a priority queue, so days of full-scale volume never
 * sit in memory at once. Ground truth is reported as the lines are emitted; closing the stream
 * reports the drill items still pending.
 */
public final class EmissionStream implements Iterator<Emission>, AutoCloseable {
    /** An endless stream that finds nothing to emit for a year of event time gives up. */
    private static final int MAX_EMPTY_HOURS = 24 * 366;
    private static final DateTimeFormatter HOUR_LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx");

    private final HourGenerator generator;
    private final LineRenderer renderer;
    private final GroundTruth truth;
    private final long casesFromMs;
    private final long fromMs;
    private final long toMs;
    private final long endHour;
    private long nextHour;
    private final PriorityQueue<Timeline> queue = new PriorityQueue<>(Timeline.ORDER);
    private final List<Tally> tallies = new ArrayList<>();
    private int nextTally;
    private long emitted;
    private boolean closed;

    EmissionStream(HourGenerator generator, LineRenderer renderer, List<ScenarioInjector.Item> items,
            Instant casesFrom, Instant from, Instant to, GroundTruth truth) {
        this.generator = generator;
        this.renderer = renderer;
        this.truth = truth;
        this.casesFromMs = casesFrom.toEpochMilli();
        this.fromMs = from.toEpochMilli();
        this.toMs = to == null ? Long.MAX_VALUE : to.toEpochMilli();
        long lookback = fromMs - LifecyclePlanner.MAX_CASE_SPAN.toMillis() - Simulator.MAX_SEND_DELAY.toMillis();
        this.nextHour = Math.floorDiv(Math.max(casesFromMs, lookback), HourGenerator.HOUR_MS);
        this.endHour = to == null ? Long.MAX_VALUE : Math.floorDiv(toMs - 1, HourGenerator.HOUR_MS) + 1;
        for (ScenarioInjector.Item item : items) {
            tallies.add(new Tally(item, casesFromMs, fromMs, toMs));
        }
        tallies.sort(Comparator.comparingLong((Tally t) -> t.item.end).thenComparingInt(t -> t.item.index));
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        refill();
        return !queue.isEmpty() && queue.peek().current().sendAt() < toMs;
    }

    @Override
    public Emission next() {
        if (!hasNext()) {
            throw new NoSuchElementException("The stream has no more lines before " + Instant.ofEpochMilli(toMs));
        }
        Timeline timeline = queue.poll();
        Entry entry = timeline.current();
        PlannedCase pc = timeline.plannedCase;
        timeline.advance();
        if (timeline.hasCurrent()) {
            queue.add(timeline);
        }
        Rendered rendered = renderer.render(pc, entry);
        if (rendered.fault() != null) {
            truth.fault(rendered.fault());
        }
        if (pc.injectedItem >= 0 && entry.step() == 0 && entry.fault() == null) {
            tallyFor(pc.injectedItem).add(pc, entry);
        }
        emitted++;
        reportFinishedItems(entry.sendAt());
        return rendered.emission();
    }

    /** Lines emitted so far. */
    public long emitted() {
        return emitted;
    }

    /** Reports the drill items not reported yet; the stream ends. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (; nextTally < tallies.size(); nextTally++) {
            truth.injection(tallies.get(nextTally).record());
        }
    }

    private void refill() {
        // A line from a later hour is sent no earlier than that hour starts: generate until the
        // queue's head is earlier than the next ungenerated hour.
        int emptyHours = 0;
        while (nextHour < endHour
                && (queue.isEmpty() || nextHour * HourGenerator.HOUR_MS <= queue.peek().current().sendAt())) {
            List<Timeline> generated = generator.generate(nextHour, casesFromMs, fromMs);
            queue.addAll(generated);
            nextHour++;
            emptyHours = queue.isEmpty() ? emptyHours + 1 : 0;
            if (emptyHours > MAX_EMPTY_HOURS && toMs == Long.MAX_VALUE) {
                throw new IllegalStateException("Nothing was generated for " + MAX_EMPTY_HOURS
                        + " hours in a row: every volume is (nearly) zero");
            }
        }
    }

    private void reportFinishedItems(long sendAt) {
        // Injected problems are sent when they occur, so an item is finished once the stream passes its end.
        while (nextTally < tallies.size() && tallies.get(nextTally).item.end <= sendAt) {
            truth.injection(tallies.get(nextTally++).record());
        }
    }

    private Tally tallyFor(int itemIndex) {
        for (Tally t : tallies) {
            if (t.item.index == itemIndex) {
                return t;
            }
        }
        throw new IllegalStateException("No drill item " + itemIndex);
    }

    /** What one drill item has injected so far. */
    private static final class Tally {
        final ScenarioInjector.Item item;
        final boolean complete;
        final Map<String, Integer> perHour = new LinkedHashMap<>();
        final List<String> ids = new ArrayList<>();
        final List<String> caseIds = new ArrayList<>();

        Tally(ScenarioInjector.Item item, long casesFromMs, long fromMs, long toMs) {
            this.item = item;
            this.complete = item.start >= Math.max(casesFromMs, fromMs) && item.end <= toMs;
        }

        void add(PlannedCase pc, Entry entry) {
            ids.add(pc.eventId(0));
            if (pc.caseId != null) {
                caseIds.add(pc.caseId);
            }
            long hour = Math.floorDiv(entry.sendAt(), HourGenerator.HOUR_MS) * HourGenerator.HOUR_MS;
            String label = Instant.ofEpochMilli(hour).atOffset(ZoneOffset.ofHours(8)).format(HOUR_LABEL);
            perHour.merge(label, 1, Integer::sum);
        }

        InjectionRecord record() {
            return new InjectionRecord("injection", item.label, item.id, item.kind, item.source.name(), item.district,
                    item.street == null ? null : item.street.street.name(),
                    item.point == null ? null : item.point.address(), item.categoryCode,
                    Instant.ofEpochMilli(item.start), Instant.ofEpochMilli(item.end), item.multiplier,
                    item.extraCount, ids.size(), complete, perHour, ids, caseIds);
        }
    }
}
