package org.civicpulse.jobs.hotspot;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.civicpulse.contract.Alert;
import org.civicpulse.contract.AlertCommand;
import org.civicpulse.contract.Catalogue;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.EventCodec;
import org.civicpulse.jobs.AcceptedEvent;
import org.civicpulse.jobs.points.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed by district × category: counts new problems per street, judges each bucket in event time
 * (a timer at every bucket end) and applies operators' commands to the alerts it owns. Emits every
 * new state of an alert; notifications for the webhook go to {@link #NOTIFICATIONS}.
 */
public final class HotspotFunction extends KeyedCoProcessFunction<String, AcceptedEvent, AlertCommand, AlertUpdate> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(HotspotFunction.class);
    /** Webhook bodies of notifications ({@link WebhookSink#body}). */
    public static final OutputTag<String> NOTIFICATIONS = new OutputTag<>("alert-notifications", Types.STRING);

    private final HotspotConfig config;
    /** Commands wait at most this long in event time past the moment they were given. */
    static final long MAX_WAIT_MS = 24 * 60 * 60_000L;
    /** And at most this many wait per district × category (the newest kept). */
    static final int MAX_WAITING = 1000;

    private transient ValueState<HotspotWatch> watch;
    private transient ListState<AlertCommand> waiting;
    private transient Catalogue catalogue;
    private transient EventCodec codec;

    public HotspotFunction(HotspotConfig config) {
        this.config = config;
    }

    /** The key of an event that counts, or null: a new problem (SPEC §4) with district, street and category. */
    public static String keyOf(CivicEvent e) {
        return Point.isProblem(e) && e.district() != null && e.street() != null && e.category() != null
                ? AlertIds.key(e.district(), e.category()) : null;
    }

    @Override
    public void open(OpenContext ctx) {
        watch = getRuntimeContext().getState(new ValueStateDescriptor<>("hotspot-watch",
                HotspotWatchSerializer.INSTANCE));
        waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("hotspot-waiting-commands",
                TypeInformation.of(AlertCommand.class)));
        catalogue = Catalogue.load();
        codec = new EventCodec();
    }

    @Override
    public void processElement1(AcceptedEvent in, Context ctx, Collector<AlertUpdate> out) throws Exception {
        CivicEvent e = in.event();
        HotspotWatch w = watch.value();
        if (w == null) {
            w = new HotspotWatch(config, e.district(), e.category(), catalogue.streets(e.district()).size());
        }
        String code = catalogue.street(e.district(), e.street()).map(Catalogue.Street::code).orElse(e.street());
        w.count(e.street(), code, in.eventTime(), Point.of(e), e.lat(), e.lon());
        watch.update(w);
        ctx.timerService().registerEventTimeTimer(w.nextBucketEnd());
    }

    @Override
    public void processElement2(AlertCommand c, Context ctx, Collector<AlertUpdate> out) throws Exception {
        HotspotWatch w = watch.value();
        if (w != null && w.apply(c, listener(ctx, out))) {
            watch.update(w);
        } else if (w != null && w.knows(c.alertId())) {
            LOG.info("Alert command {} for alert {} already applied: ignored", c.commandId(), c.alertId());
        } else {
            // After a restore both inputs are replayed from the checkpoint, and the few commands
            // arrive long before the events and timers that reopen an alert opened after it: the
            // command waits here until its alert is known again.
            waiting.add(c);
        }
    }

    /**
     * Applies the commands that wait for their alert; drops those already applied, and those whose
     * alert is still unknown a day of event time after the command was given (it cannot open
     * after the operator acknowledged it) or beyond {@link #MAX_WAITING} per unit.
     */
    private void applyWaiting(HotspotWatch w, AlertListener listener) throws Exception {
        List<AlertCommand> still = new ArrayList<>();
        boolean any = false;
        for (AlertCommand c : waiting.get()) {
            any = true;
            if (w.apply(c, listener) || w.knows(c.alertId())) {
                continue;
            }
            long given = c.at() == null ? Long.MAX_VALUE - MAX_WAIT_MS : c.at().toEpochMilli();
            if (w.nextBucketEnd() > given + MAX_WAIT_MS) {
                LOG.warn("Alert command {} for unknown alert {} dropped: the alert never opened", c.commandId(),
                        c.alertId());
                continue;
            }
            still.add(c);
        }
        if (any) {
            waiting.update(still.size() > MAX_WAITING ? still.subList(still.size() - MAX_WAITING, still.size()) : still);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertUpdate> out) throws Exception {
        HotspotWatch w = watch.value();
        if (w == null) {
            return;
        }
        long watermark = ctx.timerService().currentWatermark();
        AlertListener listener = listener(ctx, out);
        w.advanceTo(Math.max(timestamp, watermark == Long.MAX_VALUE ? timestamp : watermark), listener);
        applyWaiting(w, listener);
        watch.update(w);
        // Every bucket is judged, with or without problems, so episodes calm down and close. At the
        // end of a bounded input (watermark MAX) nothing follows: stop re-arming.
        if (watermark != Long.MAX_VALUE) {
            ctx.timerService().registerEventTimeTimer(w.nextBucketEnd());
        }
    }

    private AlertListener listener(Context ctx, Collector<AlertUpdate> out) {
        return new AlertListener() {
            @Override
            public void changed(Alert alert) {
                out.collect(AlertUpdate.of(alert, codec));
            }

            @Override
            public void notify(AlertNotification n) {
                ctx.output(NOTIFICATIONS, WebhookSink.body(codec, n));
            }
        };
    }
}
