package io.exapg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.exapg.core.trace.IoCounters;
import io.exapg.core.trace.QueryRecord;
import io.exapg.core.trace.StatementUsage;
import io.exapg.core.trace.TableActivity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert rules: thresholds, the device-share rule's one-a-minute limit, and a slow statement
 * counted in /metrics and POSTed to the webhook.
 */
class AlertsTest {
  @Test
  void rulesFireOnlyPastTheirThresholdsAndTheShareRuleOnceAMinute() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Alerts alerts = new Alerts(new AlertOptions(1000, 20, null), registry);
    alerts.check(record(1, 500, 1_000_000, 0));
    assertEquals(0, count(registry, "slow_query"));
    alerts.check(record(2, 1500, 0, 0));
    assertEquals(1, count(registry, "slow_query"));
    alerts.check(record(3, 10, 4_000_000, 100_000));
    assertEquals(0, count(registry, "tier3_share"));
    alerts.check(record(4, 10, 0, 3_000_000));
    assertEquals(1, count(registry, "tier3_share"));
    alerts.check(record(5, 10, 0, 3_000_000));
    assertEquals(1, count(registry, "tier3_share"));
  }

  private static QueryRecord record(long traceId, long millis, long cacheBytes,
      long deviceBytes) {
    return new QueryRecord(traceId, 1, "exapg", "SELECT " + traceId, 0, millis * 1_000_000L, 1,
        QueryRecord.OK, IoCounters.of(new long[] {1, 0, 1}, new long[] {cacheBytes, 0,
            deviceBytes}, new long[3]), StatementUsage.NONE, TableActivity.NONE, null);
  }

  private static double count(SimpleMeterRegistry registry, String rule) {
    Counter counter = registry.find("exapg.alerts").tag("rule", rule).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aSlowStatementReachesTheWebhookAndTheMetrics(@TempDir Path directory) throws Exception {
    LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    webhook.createContext("/alerts", exchange -> {
      received.add(new String(exchange.getRequestBody().readAllBytes(),
          StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    webhook.start();
    URI target = URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/alerts");
    try (TestServer server = TestServer.start(directory.resolve("data"),
        config -> config.withAlerts(new AlertOptions(0, -1, target)))) {
      try (Connection connection = server.connect(); Statement statement =
          connection.createStatement()) {
        statement.executeQuery("SELECT count(*) FROM generate_series(1, 1000) AS g(x)"
            + " WHERE x % 7 = 1").close();
      }
      String alert = null;
      for (String body = received.poll(30, TimeUnit.SECONDS); body != null;
          body = received.poll(5, TimeUnit.SECONDS)) {
        if (body.contains("generate_series(1, 1000)")) {
          alert = body;
          break;
        }
      }
      assertTrue(alert != null, "no alert for the statement arrived");
      assertTrue(alert.startsWith("{\"rule\":\"slow_query\""), alert);
      String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
          "http://127.0.0.1:" + server.httpPort() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertTrue(metrics.contains("exapg_alerts_total{rule=\"slow_query\"}"), metrics);
    } finally {
      webhook.stop(0);
    }
  }
}
