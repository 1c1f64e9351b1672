package it.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Asks the server's simulated upstream how many chat calls carried a tag. */
public final class SimulatorCalls {

    private SimulatorCalls() {
    }

    public static long count(String tag) {
        return count(System.getProperty("router.simulator.url"), tag);
    }

    /** The count of one given simulator, such as the second IT server's (router.simulator.url2). */
    public static long count(String simulatorUrl, String tag) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(simulatorUrl + "/_sim/calls?tag=" + tag))
                            .GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return RouterClient.json(response.body()).get("calls").asLong();
        } catch (Exception e) {
            throw new AssertionError("simulator not reachable", e);
        }
    }
}
