package io.capstream.data.imports;

/**
 * One dataset entry is unusable; the message names the file and the entry. Readers catch it per
 * entry and hand it to {@link ProblemLog}, which skips or fails.
 */
final class BadEntry extends RuntimeException {
    BadEntry(String message) {
        super(message, null, false, false);
    }
}
