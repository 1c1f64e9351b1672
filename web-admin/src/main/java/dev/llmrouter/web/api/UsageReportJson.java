package dev.llmrouter.web.api;

import dev.llmrouter.budget.report.UsageLine;
import dev.llmrouter.budget.report.UsageReport;
import dev.llmrouter.budget.report.UsageReports;
import dev.llmrouter.web.api.error.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The query parameters and the JSON of a usage report, shared by the tenant's {@code /v1/usage} and the
 * operators' admin view. Dates are UTC: {@code from=2025-06-01} starts at that midnight, {@code to=2025-06-30}
 * includes that whole day; full instants ({@code 2025-06-01T12:00:00Z}) are taken as they are, {@code to}
 * exclusive.
 */
public final class UsageReportJson {

    private UsageReportJson() {
    }

    /** The period and grouping a request asks for; by default this UTC month up to now, by day. */
    public record Query(Instant from, Instant to, UsageReport.Grouping grouping) {
    }

    public static Query query(String from, String to, String groupBy, Instant now) {
        Instant end = to == null || to.isBlank() ? now : instant("to", to, true);
        Instant start = from == null || from.isBlank()
                ? LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                : instant("from", from, false);
        if (!start.isBefore(end)) {
            throw ApiException.invalid("from", "'from' must be before 'to'.");
        }
        if (java.time.Duration.between(start, end).compareTo(UsageReports.MAX_PERIOD) > 0) {
            throw ApiException.invalid("from", "A report covers at most " + UsageReports.MAX_PERIOD.toDays() + " days.");
        }
        return new Query(start, end, grouping(groupBy));
    }

    private static UsageReport.Grouping grouping(String groupBy) {
        if (groupBy == null || groupBy.isBlank()) {
            return UsageReport.Grouping.DAY;
        }
        return switch (groupBy.toLowerCase(Locale.ROOT)) {
            case "day" -> UsageReport.Grouping.DAY;
            case "tier" -> UsageReport.Grouping.TIER;
            default -> throw ApiException.invalid("group_by", "'group_by' is 'day' or 'tier'.");
        };
    }

    private static Instant instant(String param, String value, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(param, "'" + param + "' is a date (2025-06-01) or an instant"
                    + " (2025-06-01T00:00:00Z).");
        }
    }

    public static JsonObject of(UsageReport report) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (UsageLine line : report.lines()) {
            data.add(line(line));
        }
        return Json.createObjectBuilder()
                .add("object", "usage_report")
                .add("tenant", report.tenantName())
                .add("tenant_id", report.tenantId())
                .add("from", report.from().toString())
                .add("to", report.to().toString())
                .add("group_by", report.grouping().name().toLowerCase(Locale.ROOT))
                .add("totals", line(report.totals()))
                .add("data", data)
                .build();
    }

    private static JsonObjectBuilder line(UsageLine line) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        if (line.day() != null) {
            json.add("day", line.day().toString());
        }
        if (line.tier() != null) {
            json.add("tier", line.tier().toLowerCase(Locale.ROOT));
        }
        return json
                .add("requests", line.answered())
                .add("failed", line.failed())
                .add("rejected", line.rejected())
                .add("expired", line.expired())
                .add("prompt_tokens", line.promptTokens())
                .add("completion_tokens", line.completionTokens())
                .add("cost_micros", line.costMicros())
                .add("shadow_cost_micros", line.shadowCostMicros())
                .add("saved_micros", line.savedMicros())
                .add("cost_usd", RouterHeaders.usd(line.costMicros()))
                .add("saved_usd", RouterHeaders.usd(line.savedMicros()));
    }
}
