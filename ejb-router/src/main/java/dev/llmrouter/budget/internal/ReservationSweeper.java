package dev.llmrouter.budget.internal;

import dev.llmrouter.persistence.BudgetLedger;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Charges reservations whose call never settled (the instance died, or settling failed) once they
 * expire: the worst case is the only amount known to be safe. The interval is configurable, hence a
 * programmatic timer instead of {@code @Schedule}.
 */
@Singleton
@Startup
public class ReservationSweeper {

    private static final Logger LOG = Logger.getLogger(ReservationSweeper.class.getName());
    private static final int BATCH = 1_000;
    private static final int MAX_BATCHES = 20;

    @Resource
    TimerService timers;

    @Inject
    BudgetLedger ledger;

    @Inject
    BudgetSettings settings;

    @PostConstruct
    void start() {
        long interval = settings.sweepInterval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("budget-reservation-sweeper", false));
    }

    @Timeout
    void sweep() {
        try {
            int total = 0;
            for (int i = 0; i < MAX_BATCHES; i++) {
                int expired = ledger.expireOverdue(BATCH);
                total += expired;
                if (expired < BATCH) {
                    break;
                }
            }
            if (total > 0) {
                int charged = total;
                LOG.warning(() -> "Charged " + charged + " expired budget reservations at their full estimate");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Expiring budget reservations failed; the next run tries again", e);
        }
    }
}
