package io.capstream.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigLoader;
import org.junit.jupiter.api.Test;

class WorkerApplicationIdTest {
    @Test
    void shouldNameGroupAfterTopicPrefixWhenPrefixIsDefault() {
        assertEquals(
                "capstream.worker", WorkerStreamsConfig.applicationId(CapstreamConfig.defaults()));
    }

    @Test
    void shouldKeepDeploymentsApartWhenPrefixesDiffer() {
        CapstreamConfig cfg = ConfigLoader.builder().optOverride("topic.prefix=staging.").build();
        assertEquals("staging.worker", WorkerStreamsConfig.applicationId(cfg));
    }
}
