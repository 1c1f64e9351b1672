package it.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import it.support.Budgets;
import it.support.RouterClient;
import it.support.Tenants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The second router instance dies with {@code kill -9} in the middle of paid calls. Its open reservations
 * stay held until they expire; then the surviving instance's sweeper charges them at their estimate and
 * books them in the ledger, and the DESIGN.md invariants hold: nothing reserved, nothing OPEN, the
 * ledger's costs add up to what the budget spent, which stays within the limit.
 *
 * <p>Runs in its own Failsafe execution after every other IT (liberty-config/pom.xml, profile it): the
 * second server does not come back. It finds that server's JVM through the pid file Liberty's
 * {@code server start} writes ({@code usr/servers/.pid/llm-router-it2.pid}) and checks that this pid
 * really is that server's java process before killing it.
 */
class KillServerBudgetIT {

    private static final int LOAD_THREADS = 24;
    private static final long LIMIT = 1_000_000;

    private final RouterClient first = new RouterClient(System.getProperty("router.url"));
    private final RouterClient second = new RouterClient(System.getProperty("router.url2"));

    private static String body(String tag) {
        ObjectNode root = RouterClient.JSON.createObjectNode().put("model", "sim-cloud").put("max_tokens", 5);
        // A slow first token keeps many calls in flight, each holding a reservation, when the kill lands.
        root.putArray("messages").addObject().put("role", "user")
                .put("content", "Count to five. [[sim tokens=5 ttft=1500 tag=" + tag + "]]");
        root.putObject("cache").put("no-store", true);
        return root.toString();
    }

    @Test
    void theSweeperSettlesADeadInstancesReservationsAndTheInvariantsHold() throws Exception {
        String tenant = "kill-" + UUID.randomUUID().toString().substring(0, 8);
        String key = Tenants.createWithKey(tenant);
        long budget = Budgets.create(tenant, LIMIT, "NONE");
        String tag = "kill" + UUID.randomUUID().toString().substring(0, 6);
        ProcessHandle victim = secondServerProcess();

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong answered = new AtomicLong();
        AtomicLong broken = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        ExecutorService load = Executors.newFixedThreadPool(LOAD_THREADS);
        try {
            for (int i = 0; i < LOAD_THREADS; i++) {
                load.execute(() -> {
                    while (!stop.get()) {
                        try {
                            HttpResponse<String> response = second.postChat(body(tag), key, null);
                            (response.statusCode() == 200 ? answered : refused).incrementAndGet();
                        } catch (UncheckedIOException e) {
                            broken.incrementAndGet();
                            return;
                        }
                    }
                });
            }
            await("calls answered and others in flight on the second server", Duration.ofSeconds(120),
                    () -> answered.get() >= 5 && Budgets.reservations(budget, "OPEN") >= 5);

            kill9(victim);
            await("the second server's JVM is gone", Duration.ofSeconds(30), () -> !victim.isAlive());
            stop.set(true);
        } finally {
            load.shutdown();
            assertTrue(load.awaitTermination(90, TimeUnit.SECONDS), "the load stopped");
        }

        long orphans = Budgets.reservations(budget, "OPEN");
        Budgets.State dead = Budgets.state(budget);
        assertTrue(orphans > 0, "the kill left reservations open");
        assertTrue(dead.reservedMicros() > 0, "and their money held");
        assertTrue(broken.get() > 0, "calls in flight broke with the server");

        // Nothing settles them any more; their TTL (router.budget.reservation-ttl-seconds, 15 minutes) is
        // fast-forwarded, as if that time had passed. The surviving server's sweeper does the rest.
        expireOpenReservationsNow(budget);
        await("the first server's sweeper expired them", Duration.ofSeconds(60),
                () -> Budgets.reservations(budget, "OPEN") == 0);

        Budgets.State state = Budgets.state(budget);
        assertEquals(0, state.reservedMicros(), "reserved is back to 0");
        assertEquals(orphans, Budgets.reservations(budget, "EXPIRED"), "every orphan was charged by the sweeper");
        assertEquals(orphans, Budgets.ledgerRows(tenant, "EXPIRED"), "and booked in the ledger");
        assertEquals(Budgets.ledgerCostMicros(tenant), state.spentMicros(), "the ledger adds up to spent");
        assertTrue(state.spentMicros() <= state.limitMicros());
        assertEquals(dead.spentMicros() + dead.reservedMicros(), state.spentMicros(),
                "exactly what was held is charged: the estimates of the calls that died");
        assertEquals(0, refused.get(), "the budget never refused and no call failed before the kill");

        // The budget stays usable from the surviving instance.
        HttpResponse<String> after = first.postChat(body(tag).replace("ttft=1500", "ttft=0"), key, null);
        assertEquals(200, after.statusCode(), after.body());
        Budgets.State settled = Budgets.state(budget);
        assertEquals(Budgets.ledgerCostMicros(tenant), settled.spentMicros());
        assertEquals(0, settled.reservedMicros());
    }

    /** The second IT server's JVM, from Liberty's pid file, verified by its command line. */
    private static ProcessHandle secondServerProcess() throws IOException {
        Path pidFile = Path.of(System.getProperty("router.it2.pid-file"));
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new AssertionError("no process " + pid + " from " + pidFile));
        Optional<String> commandLine = process.info().commandLine();
        assertTrue(commandLine.isPresent(), "the command line of " + pid + " is readable");
        assertTrue(commandLine.get().contains("llm-router-it2"), "pid " + pid + " is the second IT server: "
                + commandLine.get());
        return process;
    }

    private static void kill9(ProcessHandle process) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -9 " + process.pid());
    }

    private static void expireOpenReservationsNow(long budgetId) {
        String sql = "update reservations set expires_at = now() where budget_id = ? and status = 'OPEN'";
        try (Connection c = DriverManager.getConnection(System.getProperty("db.url"), System.getProperty("db.user"),
                System.getProperty("db.password", "")); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, budgetId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            // Paces the polling; the deadline, not this pause, decides how long the test waits.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }
}
