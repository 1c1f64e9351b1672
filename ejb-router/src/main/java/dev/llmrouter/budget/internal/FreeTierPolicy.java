package dev.llmrouter.budget.internal;

/**
 * When the money is gone. A budget counts as exhausted for a request when what is left of it (limit minus
 * spent minus held) cannot pay that request on the cheapest paid model: worst-case reservations leave a
 * remainder too small for any call, so "spent reached the limit" alone would almost never become true.
 */
final class FreeTierPolicy {

    private FreeTierPolicy() {
    }

    /** Money neither spent nor held, never negative, without overflow (rows set by hand may hold anything). */
    static long remaining(long limitMicros, long spentMicros, long reservedMicros) {
        if (spentMicros >= limitMicros) {
            return 0;
        }
        long unspent = limitMicros - spentMicros;
        return reservedMicros >= unspent ? 0 : unspent - reservedMicros;
    }

    /**
     * @param remainingMicros what is left of the budget, never negative
     * @param cheapestPaidMicros the request's worst case on the cheapest paid model; 0 when no paid model
     *                           exists, in which case only an empty budget counts as exhausted
     */
    static boolean exhausted(long remainingMicros, long cheapestPaidMicros) {
        return remainingMicros <= 0 || remainingMicros < cheapestPaidMicros;
    }
}
