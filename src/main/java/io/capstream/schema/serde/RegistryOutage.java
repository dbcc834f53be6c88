package io.capstream.schema.serde;

import io.capstream.schema.registry.SchemaRegistryException;

/**
 * Tells a registry that could not answer from a malformed record, for consumers that must re-read
 * the record later (an outage) rather than dead-letter it (the record's fault).
 */
public final class RegistryOutage {
    private RegistryOutage() {}

    /** True when the registry could not answer, as opposed to the record being malformed. */
    public static boolean causedBy(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof WireFormatException) {
                return false;
            }
            if (c instanceof SchemaRegistryException) {
                return true;
            }
        }
        return false;
    }
}
