/**
 * Real servers started from the JVM for the embedded mode and the integration tests: a single-node
 * KRaft Kafka broker in-process ({@link io.capstream.embedded.EmbeddedKafka}) and the Apicurio
 * schema registry as a child process ({@link io.capstream.embedded.ApicurioRegistry}), both on
 * 127.0.0.1 only.
 */
package io.capstream.embedded;
