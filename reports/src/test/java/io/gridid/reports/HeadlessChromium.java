package io.gridid.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Debian's headless Chromium driven through chromedriver's W3C WebDriver endpoints on the
 * loopback interface (five HTTP calls: new session, navigate, execute script, screenshot,
 * delete), with the JDK's HTTP client and Jackson: the test gets element geometry from the
 * browser itself without pulling Selenium's dependency tree into the build. One window of a
 * fixed size; a fresh profile folder; no network but 127.0.0.1.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = onPath("chromium");
    static final Path CHROMEDRIVER = onPath("chromedriver");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Process driver;
    private final String base;
    private final String session;

    /** Whether both Debian packages are installed. */
    static boolean available() {
        return CHROMIUM != null && CHROMEDRIVER != null;
    }

    /** The executable of that name on the PATH, null when there is none. */
    private static Path onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
                return Path.of(d, name);
            }
        }
        return null;
    }

    /**
     * Starts chromedriver and a browser whose viewport is {@code width} x {@code height} CSS px.
     *
     * @param profile an empty folder for the browser profile
     */
    HeadlessChromium(int width, int height, Path profile) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long until = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                if (call("GET", "/status", null).path("value").path("ready").asBoolean()) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > until || !driver.isAlive()) {
                driver.destroyForcibly();
                throw new IOException("chromedriver did not start");
            }
            Thread.sleep(100);
        }
        ObjectNode options = json.createObjectNode();
        options.put("binary", CHROMIUM.toString());
        ArrayNode args = options.putArray("args");
        for (String a : List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + width + "," + height)) {
            args.add(a);
        }
        ObjectNode caps = json.createObjectNode();
        ObjectNode always = caps.putObject("capabilities").putObject("alwaysMatch");
        always.put("browserName", "chrome");
        always.set("goog:chromeOptions", options);
        try {
            session = call("POST", "/session", caps).path("value").path("sessionId").asText();
        } catch (IOException | RuntimeException e) {
            driver.destroyForcibly();
            throw e;
        }
    }

    /** Opens a page and waits for it to load. */
    void open(Path page) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode();
        body.put("url", page.toAbsolutePath().toUri().toString());
        call("POST", "/session/" + session + "/url", body);
    }

    /** Runs a script in the page ({@code return ...;} gives the value) and returns its result as JSON. */
    JsonNode run(String script) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode();
        body.put("script", script);
        body.putArray("args");
        return call("POST", "/session/" + session + "/execute/sync", body).path("value");
    }

    /** Saves what the viewport shows as a PNG. */
    void screenshot(Path png) throws IOException, InterruptedException {
        String b64 = call("GET", "/session/" + session + "/screenshot", null).path("value").asText();
        Files.createDirectories(png.getParent());
        Files.write(png, Base64.getDecoder().decode(b64));
    }

    private JsonNode call(String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode node = json.readTree(r.body());
        if (r.statusCode() != 200) {
            throw new IOException("WebDriver " + method + " " + path + ": HTTP " + r.statusCode() + " "
                    + node.path("value").path("message").asText(r.body()));
        }
        return node;
    }

    @Override
    public void close() {
        try {
            call("DELETE", "/session/" + session, null);
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the driver is stopped below whatever happened
        } finally {
            driver.destroy();
            try {
                if (!driver.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    driver.destroyForcibly();
                }
            } catch (InterruptedException e) {
                driver.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
