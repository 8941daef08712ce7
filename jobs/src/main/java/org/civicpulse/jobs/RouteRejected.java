package org.civicpulse.jobs;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Sends accepted events on and rejected ones to the dead-letter side output. */
public final class RouteRejected extends ProcessFunction<ParsedInput, AcceptedEvent> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(ParsedInput in, Context ctx, Collector<AcceptedEvent> out) {
        if (in.accepted() != null) {
            out.collect(in.accepted());
        } else {
            ctx.output(Outputs.DEAD_LETTERS, in.rejected());
        }
    }
}
