package dev.llmrouter.route;

import java.io.Serializable;

/** An authenticated tenant (and the key it used). Only {@link RouterService#authenticate} makes one. */
public record Caller(long tenantId, String tenantName, Long apiKeyId) implements Serializable {
}
