package dev.llmrouter.web.admin.cache;

import dev.llmrouter.persistence.CachedAnswer;
import java.io.Serializable;

/** One cache entry as a table row; similarity is only meaningful for search results. */
public class CacheRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String question;
    private final String answer;
    private final String model;
    private final String similarity;
    private final String expiresAt;

    public CacheRow(CachedAnswer entry, boolean searched) {
        this.id = entry.id();
        this.question = entry.question();
        this.answer = entry.answer().length() > 300 ? entry.answer().substring(0, 300) + "..." : entry.answer();
        this.model = entry.model();
        this.similarity = searched ? String.format("%.3f", entry.similarity()) : "";
        this.expiresAt = entry.expiresAt() == null ? "" : entry.expiresAt().toString();
    }

    public long getId() {
        return id;
    }

    public String getQuestion() {
        return question;
    }

    public String getAnswer() {
        return answer;
    }

    public String getModel() {
        return model;
    }

    public String getSimilarity() {
        return similarity;
    }

    public String getExpiresAt() {
        return expiresAt;
    }
}
