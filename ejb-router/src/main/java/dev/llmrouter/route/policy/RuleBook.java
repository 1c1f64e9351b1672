package dev.llmrouter.route.policy;

import dev.llmrouter.persistence.RoutingRules;
import dev.llmrouter.persistence.StoredRoutingRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The routing rules in force on this instance: read from the database at most every few seconds (so a
 * change reaches every instance within that time) and at once after a change made here. A table that
 * cannot be read leaves the last known rules in force; a stored rule that cannot be parsed is skipped.
 */
@ApplicationScoped
public class RuleBook {

    private static final Logger LOG = Logger.getLogger(RuleBook.class.getName());

    @Inject
    RoutingRules storage;

    @Inject
    PolicySettings settings;

    private volatile List<RoutingRule> rules = List.of();
    private volatile long readAt;
    private volatile boolean stale = true;
    private final Set<Long> reportedBroken = new HashSet<>();

    public RuleVerdict verdict(RuleSubject subject) {
        return RuleVerdict.of(current(), subject);
    }

    /** The enabled rules, in the order they run. */
    public List<RoutingRule> current() {
        if (stale || System.nanoTime() - readAt > settings.rulesRefreshMs() * 1_000_000L) {
            reload();
        }
        return rules;
    }

    /** After a change on this instance: the next request reads the table again. */
    public void invalidate() {
        stale = true;
    }

    private synchronized void reload() {
        if (!stale && System.nanoTime() - readAt <= settings.rulesRefreshMs() * 1_000_000L) {
            return;
        }
        try {
            List<RoutingRule> parsed = new ArrayList<>();
            for (StoredRoutingRule stored : storage.all()) {
                if (!stored.enabled()) {
                    continue;
                }
                try {
                    parsed.add(RoutingRule.from(stored));
                } catch (InvalidRuleException e) {
                    if (reportedBroken.add(stored.id())) {
                        LOG.warning(() -> "Routing rule " + stored.id() + " '" + stored.name() + "' is skipped: "
                                + e.getMessage());
                    }
                }
            }
            rules = List.copyOf(parsed);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Routing rules unreadable; keeping the " + rules.size() + " known ones", e);
        }
        readAt = System.nanoTime();
        stale = false;
    }
}
