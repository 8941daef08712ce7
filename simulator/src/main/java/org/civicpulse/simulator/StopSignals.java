package org.civicpulse.simulator;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns SIGTERM and Ctrl-C into a stop request, so a run flushes what it has and exits 0; a second
 * signal exits at once. Uses {@code sun.misc.Signal} (module jdk.unsupported) through reflection,
 * and falls back to a shutdown hook where it is missing.
 */
final class StopSignals {
    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

    private final AtomicBoolean stop = new AtomicBoolean();

    boolean stopRequested() {
        return stop.get();
    }

    void requestStop() {
        stop.set(true);
    }

    /** Installs the handlers for INT and TERM. */
    StopSignals install() {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object handler = Proxy.newProxyInstance(StopSignals.class.getClassLoader(), new Class<?>[] {handlerClass},
                    (proxy, method, args) -> {
                        if ("handle".equals(method.getName())) {
                            onSignal();
                            return null;
                        }
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> "StopSignals";
                        };
                    });
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            for (String name : new String[] {"TERM", "INT"}) {
                handle.invoke(null, signalClass.getConstructor(String.class).newInstance(name), handler);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.debug("No signal handling ({}); stopping through a shutdown hook", e.toString());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.set(true), "simulator-stop"));
        }
        return this;
    }

    private void onSignal() {
        if (stop.getAndSet(true)) {
            // A second signal: the user insists.
            Runtime.getRuntime().halt(130);
        }
        System.err.println("simulator: stopping, flushing what was sent…");
    }
}
