package org.civicpulse.local;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the JVM's {@link LocalServices}, started on first use and stopped when the test
 * JVM's root context closes.
 */
public final class LocalServicesExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LocalServices.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == LocalServices.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        return c.getRoot().getStore(NS).getOrComputeIfAbsent("services", k -> new Holder(), Holder.class).services;
    }

    /** Closes the services with the root context. */
    static final class Holder implements ExtensionContext.Store.CloseableResource {
        final LocalServices services;

        Holder() {
            try {
                services = LocalServices.start();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            services.close();
        }
    }
}
