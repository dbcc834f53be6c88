/**
 * A client for the Confluent Schema Registry REST API, the protocol spoken by Confluent Schema
 * Registry, Apicurio Registry ({@code /apis/ccompat/v7}), Karapace and Redpanda.
 *
 * <p>{@link io.capstream.schema.registry.SchemaRegistryClient} is the small interface the serdes
 * need; {@link io.capstream.schema.registry.RestSchemaRegistryClient} implements it over HTTP with
 * caching, retries and basic auth.
 */
package io.capstream.schema.registry;
