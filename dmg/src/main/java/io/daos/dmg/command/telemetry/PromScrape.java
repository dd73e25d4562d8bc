package io.daos.dmg.command.telemetry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads {@code http://<host>:<port>/metrics} and parses the Prometheus text format (0.0.4) into metric sets by name
 * (DAOS {@code control.scrapeMetrics}); samples of histograms and summaries other than the family name are left out.
 */
final class PromScrape {
  private PromScrape() {
  }

  static Map<String, MetricSet> scrape(String host, int port) {
    URI uri = URI.create("http://" + host + ":" + port + "/metrics");
    try {
      HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
          .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("unable to query metrics: " + uri + " answered HTTP " + r.statusCode());
      }
      return parse(r.body());
    } catch (IOException e) {
      throw new IllegalStateException("unable to query metrics: " + uri + ": " + e + " (is telemetry_port set in "
          + "that server's daos_server.yml, and is -p its value?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while querying " + uri, e);
    }
  }

  static Map<String, MetricSet> parse(String text) {
    Map<String, String> help = new LinkedHashMap<>();
    Map<String, String> type = new LinkedHashMap<>();
    Map<String, List<MetricSet.Sample>> samples = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
        String[] p = line.substring(7).split(" ", 2);
        (line.startsWith("# HELP ") ? help : type).put(p[0], p.length > 1 ? unescape(p[1]) : "");
        samples.computeIfAbsent(p[0], k -> new ArrayList<>());
      } else if (!line.isBlank() && !line.startsWith("#")) {
        sample(line, samples);
      }
    }
    Map<String, MetricSet> out = new TreeMap<>();
    samples.forEach((name, s) -> out.put(name, new MetricSet(name, help.getOrDefault(name, ""),
        MetricSet.typeOf(type.getOrDefault(name, "untyped")), s)));
    return out;
  }

  private static void sample(String line, Map<String, List<MetricSet.Sample>> samples) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    String name = line.substring(0, brace >= 0 && brace < space ? brace : space);
    Map<String, String> labels = new TreeMap<>();
    String rest = line.substring(name.length());
    if (rest.startsWith("{")) {
      int end = rest.lastIndexOf('}');
      labels(rest.substring(1, end), labels);
      rest = rest.substring(end + 1);
    }
    String[] v = rest.trim().split(" ");
    List<MetricSet.Sample> family = samples.get(name);
    if (family != null) {
      family.add(new MetricSet.Sample(labels, Double.parseDouble(v[0])));
    }
  }

  private static void labels(String s, Map<String, String> out) {
    int i = 0;
    while (i < s.length()) {
      int eq = s.indexOf('=', i);
      String key = s.substring(i, eq).trim();
      StringBuilder val = new StringBuilder();
      int j = eq + 2;
      while (s.charAt(j) != '"') {
        val.append(s.charAt(j) == '\\' ? s.charAt(++j) : s.charAt(j));
        j++;
      }
      out.put(key, val.toString());
      i = j + 1;
      if (i < s.length() && s.charAt(i) == ',') {
        i++;
      }
    }
  }

  private static String unescape(String s) {
    return s.replace("\\n", "\n").replace("\\\\", "\\");
  }
}
