package io.slotpoll.metrics;

import io.micrometer.cloudwatch2.CloudWatchConfig;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;

/**
 * The service's meters: one composite registry that publishes to CloudWatch (when a
 * namespace is configured) and to a Prometheus scrape (when enabled), or to nothing.
 * Request meters are tagged by method, route template, and status class only, so the
 * number of series stays bounded whatever paths clients send.
 */
public final class Metrics implements AutoCloseable {

    /** How often CloudWatch gets a batch; its standard resolution is one minute. */
    public static final Duration CLOUDWATCH_STEP = Duration.ofMinutes(1);

    private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
    private final Optional<PrometheusMeterRegistry> prometheus;
    private final Optional<CloudWatchMeterRegistry> cloudwatch;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final ConcurrentMap<RequestKey, Timer> requestTimers = new ConcurrentHashMap<>();

    private Metrics(Optional<CloudWatchMeterRegistry> cloudwatch, Optional<PrometheusMeterRegistry> prometheus) {
        this.cloudwatch = cloudwatch;
        this.prometheus = prometheus;
        cloudwatch.ifPresent(registry::add);
        prometheus.ifPresent(registry::add);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Whether the service also keeps a Prometheus scrape ({@code /metrics}). */
    public enum Scrape { NONE, PROMETHEUS }

    /** Meters that go nowhere (tests, a laptop). */
    public static Metrics none() {
        return new Metrics(Optional.empty(), Optional.empty());
    }

    /**
     * Publishes to CloudWatch under {@code namespace} through {@code client} every
     * {@code step}, if a namespace is given, and keeps a Prometheus scrape if asked to.
     */
    public static Metrics create(Optional<String> namespace, Optional<CloudWatchAsyncClient> client, Duration step,
            Scrape scrape) {
        Optional<CloudWatchMeterRegistry> cloudwatch = namespace.map(ns -> new CloudWatchMeterRegistry(
                cloudWatchConfig(ns, step), Clock.SYSTEM, client.orElseGet(CloudWatchAsyncClient::create)));
        return new Metrics(cloudwatch, scrape == Scrape.PROMETHEUS ? Optional.of(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                : Optional.empty());
    }

    private static CloudWatchConfig cloudWatchConfig(String namespace, Duration step) {
        return new CloudWatchConfig() {
            @Override
            public String get(String key) {
                return null;
            }

            @Override
            public String namespace() {
                return namespace;
            }

            @Override
            public Duration step() {
                return step;
            }
        };
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** True if {@link #scrape()} has something to serve. */
    public boolean scrapes() {
        return prometheus.isPresent();
    }

    /** The Prometheus text exposition, if the scrape is enabled. */
    public Optional<String> scrape() {
        return prometheus.map(PrometheusMeterRegistry::scrape);
    }

    /** Records one answered HTTP request. */
    public void request(String method, String route, int status, double millis) {
        requestTimers.computeIfAbsent(new RequestKey(method, route, status / 100), key -> Timer.builder("http.server.requests")
                        .description("HTTP requests by method, route template and status class")
                        .tag("method", key.method())
                        .tag("route", key.route())
                        .tag("status", key.statusClass() + "xx")
                        .register(registry))
                .record(Math.round(millis * 1000), TimeUnit.MICROSECONDS);
    }

    /** Route templates and status classes are few, so this map stays small. */
    private record RequestKey(String method, String route, int statusClass) {
    }

    /** Publishes what is pending (CloudWatch gets its last batch) and stops. */
    @Override
    public void close() {
        gc.close();
        cloudwatch.ifPresent(CloudWatchMeterRegistry::close);
        registry.close();
    }
}
