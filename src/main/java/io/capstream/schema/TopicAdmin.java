package io.capstream.schema;

import io.capstream.util.UserInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics capstream needs and checks that existing ones can carry its records. */
public final class TopicAdmin {

    /** How long each admin request may take unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private TopicAdmin() {}

    /** {@link #ensureTopics(Admin, Collection, Duration)} with the default timeout. */
    public static List<String> ensureTopics(
            Admin admin, Collection<? extends TopicSpec<?, ?>> specs) {
        return ensureTopics(admin, specs, DEFAULT_TIMEOUT);
    }

    /**
     * Creates the missing topics and checks the existing ones: at least the expected partitions,
     * {@code max.message.bytes} at least the expected, compaction where expected.
     *
     * @return the names of the topics created
     * @throws UserInputException naming every topic that does not fit and how
     */
    public static List<String> ensureTopics(
            Admin admin, Collection<? extends TopicSpec<?, ?>> specs, Duration timeout) {
        Set<String> existing = await(admin.listTopics().names(), timeout, "list topics");
        List<String> created = new ArrayList<>();
        List<TopicSpec<?, ?>> toCheck = new ArrayList<>();
        List<TopicSpec<?, ?>> missing = new ArrayList<>();
        for (TopicSpec<?, ?> spec : specs) {
            (existing.contains(spec.name()) ? toCheck : missing).add(spec);
        }
        if (!missing.isEmpty()) {
            CreateTopicsResult result =
                    admin.createTopics(missing.stream().map(TopicSpec::newTopic).toList());
            for (TopicSpec<?, ?> spec : missing) {
                String what = "create topic " + spec.name();
                try {
                    result.values().get(spec.name()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(spec.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw failed(what, e.getCause());
                    }
                    toCheck.add(spec); // created by someone else since it was listed
                } catch (TimeoutException | InterruptedException e) {
                    throw failed(what, e);
                }
            }
        }
        List<String> problems = check(admin, toCheck, timeout);
        if (!problems.isEmpty()) {
            throw new UserInputException(
                    "existing Kafka topics do not fit capstream: "
                            + String.join("; ", problems)
                            + " (alter or delete them, or choose another topic prefix)");
        }
        return created;
    }

    private static List<String> check(Admin admin, List<TopicSpec<?, ?>> specs, Duration timeout) {
        if (specs.isEmpty()) {
            return List.of();
        }
        List<String> names = specs.stream().map(TopicSpec::name).toList();
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, TopicDescription> descriptions =
                awaitRetrying(
                        () -> admin.describeTopics(names).allTopicNames(),
                        deadline,
                        "describe topics");
        Map<ConfigResource, Config> configs =
                awaitRetrying(
                        () ->
                                admin.describeConfigs(
                                                names.stream()
                                                        .map(
                                                                n ->
                                                                        new ConfigResource(
                                                                                ConfigResource.Type
                                                                                        .TOPIC,
                                                                                n))
                                                        .collect(Collectors.toList()))
                                        .all(),
                        deadline,
                        "describe topic configs");
        List<String> problems = new ArrayList<>();
        for (TopicSpec<?, ?> spec : specs) {
            List<String> mismatches = new ArrayList<>();
            int partitions = descriptions.get(spec.name()).partitions().size();
            if (partitions < spec.partitions()) {
                mismatches.add(
                        "has " + partitions + " partitions, needs at least " + spec.partitions());
            }
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
            if (spec.maxMessageBytes().isPresent()) {
                int actual =
                        Integer.parseInt(value(config, TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "0"));
                int expected = spec.maxMessageBytes().getAsInt();
                if (actual < expected) {
                    mismatches.add(
                            "max.message.bytes is " + actual + ", needs at least " + expected);
                }
            }
            String policy = value(config, TopicConfig.CLEANUP_POLICY_CONFIG, "");
            if (spec.compacted() && !policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                mismatches.add("cleanup.policy is '" + policy + "', needs compact");
            }
            if (!mismatches.isEmpty()) {
                problems.add("topic " + spec.name() + " " + String.join(" and ", mismatches));
            }
        }
        return problems;
    }

    private static String value(Config config, String name, String orElse) {
        var entry = config == null ? null : config.get(name);
        return entry == null || entry.value() == null ? orElse : entry.value();
    }

    /**
     * Like {@link #await}, but asks again while the broker answers with a retriable error: a topic
     * another client created a moment ago can be listed before every broker hosts its partitions
     * ("This server does not host this topic-partition").
     */
    private static <T> T awaitRetrying(
            Supplier<Future<T>> request, long deadlineNanos, String what) {
        long backoffMs = 50;
        while (true) {
            Duration left = Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
            try {
                return request.get().get(left.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                boolean retriable = e.getCause() instanceof RetriableException;
                if (!retriable || System.nanoTime() + backoffMs * 1_000_000 > deadlineNanos) {
                    throw failed(what, e.getCause());
                }
            } catch (TimeoutException | InterruptedException e) {
                throw failed(what, e);
            }
            try {
                Thread.sleep(backoffMs);
            } catch (InterruptedException e) {
                throw failed(what, e);
            }
            backoffMs = Math.min(1000, backoffMs * 2);
        }
    }

    private static <T> T await(Future<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failed(what, e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            throw failed(what, e);
        }
    }

    private static RuntimeException failed(String what, Throwable cause) {
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("interrupted during '" + what + "'", cause);
        }
        if (cause instanceof TimeoutException) {
            return new UserInputException(
                    "Kafka admin request '"
                            + what
                            + "' got no answer in time: is the broker"
                            + " reachable?",
                    cause);
        }
        return new UserInputException(
                "Kafka admin request '" + what + "' failed: " + cause.getMessage(), cause);
    }
}
