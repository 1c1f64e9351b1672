package dev.llmrouter.stats;

import dev.llmrouter.route.RouterException;
import jakarta.ejb.ApplicationException;

/** Feedback on a request that no model answered: there is no answer to judge. */
@ApplicationException
public class NothingToJudgeException extends RouterException {

    public NothingToJudgeException(String requestId) {
        super("nothing_to_judge", "Request '" + requestId + "' got no answer; only answers can be judged.");
    }
}
