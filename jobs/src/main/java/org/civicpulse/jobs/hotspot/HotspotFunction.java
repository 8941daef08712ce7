package org.civicpulse.jobs.hotspot;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
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
    private transient ValueState<HotspotWatch> watch;
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
        if (w == null || !w.apply(c, listener(ctx, out))) {
            LOG.info("Alert command {} for unknown alert {} or already applied: ignored", c.commandId(), c.alertId());
            return;
        }
        watch.update(w);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertUpdate> out) throws Exception {
        HotspotWatch w = watch.value();
        if (w == null) {
            return;
        }
        long watermark = ctx.timerService().currentWatermark();
        w.advanceTo(Math.max(timestamp, watermark == Long.MAX_VALUE ? timestamp : watermark), listener(ctx, out));
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
