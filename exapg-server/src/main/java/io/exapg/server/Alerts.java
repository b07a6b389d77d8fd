package io.exapg.server;

import io.exapg.core.exec.IoTier;
import io.exapg.core.trace.QueryRecord;
import io.exapg.core.trace.TraceExport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks each finished statement against the alert rules: a statement over the time limit
 * (slow_query), and the device's share of the bytes read over the last minute above its limit
 * (tier3_share, at most one alert a minute). An alert is a log line, a count in
 * exapg_alerts_total{rule} and, when configured, a JSON POST to the webhook.
 */
final class Alerts {
  private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);
  private static final long WINDOW_NANOS = 60_000_000_000L;
  /** Bytes a minute must read before its tier shares mean anything. */
  private static final long MINIMUM_WINDOW_BYTES = 1 << 20;

  private final AlertOptions options;
  private final MeterRegistry registry;
  private final HttpClient http;
  private final ArrayDeque<long[]> window = new ArrayDeque<>();
  private long windowBytes;
  private long windowDeviceBytes;
  private long lastShareAlert = Long.MIN_VALUE;

  Alerts(AlertOptions options, MeterRegistry registry) {
    this.options = options;
    this.registry = registry;
    this.http = options.webhook() == null ? null : HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  void check(QueryRecord record) {
    if (options.slowQueryMillis() >= 0
        && record.durationMillis() >= options.slowQueryMillis()) {
      raise("slow_query", String.format(Locale.ROOT,
          "statement %d ran %.1f ms (limit %d ms)", record.traceId(), record.durationMillis(),
          options.slowQueryMillis()), "\"trace_id\":" + record.traceId() + ",\"duration_ms\":"
          + String.format(Locale.ROOT, "%.3f", record.durationMillis()) + ",\"user\":"
          + TraceExport.quote(record.user()) + ",\"query\":" + TraceExport.quote(record.query()));
    }
    if (options.deviceSharePercent() >= 0) {
      checkDeviceShare(record);
    }
  }

  private synchronized void checkDeviceShare(QueryRecord record) {
    long now = System.nanoTime();
    long bytes = 0;
    for (IoTier tier : IoTier.values()) {
      bytes += record.bytes(tier);
    }
    long device = record.bytes(IoTier.DEVICE);
    window.addLast(new long[] {now, bytes, device});
    windowBytes += bytes;
    windowDeviceBytes += device;
    while (!window.isEmpty() && now - window.peekFirst()[0] > WINDOW_NANOS) {
      long[] old = window.removeFirst();
      windowBytes -= old[1];
      windowDeviceBytes -= old[2];
    }
    double share = windowBytes == 0 ? 0 : 100.0 * windowDeviceBytes / windowBytes;
    if (windowBytes >= MINIMUM_WINDOW_BYTES && share > options.deviceSharePercent()
        && (lastShareAlert == Long.MIN_VALUE || now - lastShareAlert > WINDOW_NANOS)) {
      lastShareAlert = now;
      raise("tier3_share", String.format(Locale.ROOT, "%.1f%% of the %d bytes read in the last"
          + " minute came from the device (limit %.1f%%)", share, windowBytes,
          options.deviceSharePercent()), String.format(Locale.ROOT,
          "\"tier3_share_percent\":%.3f,\"bytes\":%d", share, windowBytes));
    }
  }

  private void raise(String rule, String message, String fields) {
    LOG.warn("alert {}: {}", rule, message);
    Counter.builder("exapg.alerts").description("Alerts raised, by rule").tag("rule", rule)
        .register(registry).increment();
    if (http != null) {
      String body = "{\"rule\":\"" + rule + "\",\"time\":\"" + Instant.now() + "\",\"message\":"
          + TraceExport.quote(message) + "," + fields + "}";
      HttpRequest request = HttpRequest.newBuilder(options.webhook())
          .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete(
          (response, error) -> {
            if (error != null) {
              LOG.warn("alert webhook {} failed: {}", options.webhook(), error.getMessage());
            } else if (response.statusCode() >= 300) {
              LOG.warn("alert webhook {} answered {}", options.webhook(),
                  response.statusCode());
            }
          });
    }
  }
}
