package io.capstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.config.ConfigLoader;
import io.capstream.data.render.DeterministicPng;
import io.capstream.embedded.ApicurioRegistry;
import io.capstream.embedded.EmbeddedKafka;
import io.capstream.embedded.EmbeddedServersExtension;
import io.capstream.embedded.KafkaClients;
import io.capstream.schema.ConfiguredTopics;
import io.capstream.schema.TopicSpec;
import io.capstream.schema.Topics;
import io.capstream.schema.avro.ImageEvent;
import io.capstream.schema.avro.ImagePairEvent;
import io.capstream.schema.avro.LabeledImage;
import io.capstream.schema.registry.SchemaRegistryClient;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@ExtendWith(EmbeddedServersExtension.class)
class ProduceCommandIT {
    @TempDir Path dir;
    private String bootstrap;
    private String registryUrl;
    private SchemaRegistryClient registry;
    private String prefix;

    @BeforeEach
    void servers(EmbeddedKafka kafka, ApicurioRegistry apicurio, SchemaRegistryClient client) {
        bootstrap = kafka.bootstrapServers();
        registryUrl = apicurio.url();
        registry = client;
        prefix = "prod-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    }

    private String produce(String... args) {
        List<String> all = new ArrayList<>(List.of("produce"));
        all.addAll(List.of(args));
        all.addAll(
                List.of(
                        "--set", "bootstrap.servers=" + bootstrap,
                        "--set", "schema.registry.url=" + registryUrl,
                        "--set", "topic.prefix=" + prefix,
                        "--set", "topic.partitions=1"));
        StringWriter out = new StringWriter();
        CommandLine cl = Main.newCommandLine();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute(all.toArray(new String[0])), String.join(" ", all));
        return out.toString();
    }

    private Topics topics() {
        return ConfiguredTopics.of(
                ConfigLoader.builder().optOverride("topic.prefix=" + prefix).build(), registry);
    }

    private <V> List<ConsumerRecord<String, V>> read(TopicSpec<String, V> topic, int n) {
        return KafkaClients.readRecords(
                KafkaClients.consumerConfig(bootstrap, 1 << 20),
                new StringDeserializer(),
                topic.valueSerde().deserializer(),
                topic.name(),
                n,
                Duration.ofSeconds(30));
    }

    private void png(String name, int side) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        DeterministicPng.write(new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB), p);
    }

    @Test
    void shouldSendOneImageEventPerPictureKeyedBySourceWhenProducingImages() throws Exception {
        png("shots/a.png", 16);
        png("shots/sub/b.png", 16);
        String out =
                produce("images", "--dir", dir.resolve("shots").toString(), "--source", "cam-7");
        assertTrue(out.contains("sent 2 events to " + prefix + "images"), out);
        List<ConsumerRecord<String, ImageEvent>> got = read(topics().images(), 2);
        Set<String> ids = new TreeSet<>();
        got.forEach(r -> ids.add(r.value().getId()));
        assertEquals(Set.of("a", "sub/b"), ids);
        got.forEach(r -> assertEquals("cam-7", r.key()));
        assertNotNull(got.get(0).value().getImage().getBytes());
    }

    @Test
    void shouldSendPairsNamedByConventionWhenProducingPairs() throws Exception {
        png("p/x_before.png", 16);
        png("p/x_after.png", 16);
        produce("pairs", "--dir", dir.resolve("p").toString());
        ImagePairEvent e = read(topics().imagePairs(), 1).get(0).value();
        assertEquals("x", e.getId());
        assertEquals("p", e.getSource());
    }

    @Test
    void shouldSendLabeledExamplesOfOneSplitWhenDatasetIsLabeled() throws Exception {
        Path toons = dir.resolve("toons");
        assertEquals(
                0,
                Main.run(
                        "generate",
                        "toons",
                        "--images",
                        "10",
                        "--out",
                        toons.toString(),
                        "--size",
                        "32"));
        String out = produce("dataset", "--dir", toons.toString(), "--labeled", "--split", "train");
        assertTrue(out.contains("to " + prefix + "labeled-images"), out);
        int n = Integer.parseInt(out.replaceAll("(?s).*sent (\\d+) events.*", "$1"));
        assertTrue(n > 0 && n < 10, out);
        LabeledImage l = read(topics().labeledImages(), n).get(0).value();
        assertEquals("coco", l.getSource());
        assertTrue(l.getCaptions().size() > 1);
    }

    @Test
    void shouldSendRateTimesDurationEventsWhenProducingSynthetic() {
        String out =
                produce(
                        "synthetic",
                        "--kind",
                        "toons",
                        "--rate",
                        "20",
                        "--duration",
                        "0.5",
                        "--size",
                        "32",
                        "--id-prefix",
                        "t-");
        assertTrue(out.contains("sent 10 events to " + prefix + "images"), out);
        assertEquals("t-toons-0", read(topics().images(), 10).get(0).value().getId());
    }

    @Test
    void shouldRefuseToProduceWhenNoClusterIsConfigured() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.newCommandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("produce", "synthetic", "--kind", "pairs"));
        assertTrue(err.toString().contains("no Kafka cluster configured"), err.toString());
    }
}
