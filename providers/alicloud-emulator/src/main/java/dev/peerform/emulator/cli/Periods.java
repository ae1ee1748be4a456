package dev.peerform.emulator.cli;

import dev.peerform.emulator.cloud.Billing;
import dev.peerform.vpcapi.billing.SubscriptionPeriod;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The CLI's spellings of a span of time ({@code 30d}, {@code 36h}, ISO {@code P1M}) and of a period ({@code 6m}). */
final class Periods {

    private static final Pattern SHORT = Pattern.compile("(\\d+)([smhdw])");
    private static final Pattern SUBSCRIPTION = Pattern.compile("(\\d+)\\s*(m|mo|month|months|y|year|years)");

    private Periods() {
    }

    /** A span to move the clock by; a month in ISO form counts as 30 days (the clock moves by fixed time). */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "w" -> Duration.ofDays(7 * n);
                default -> Duration.ofDays(n);
            };
        }
        String iso = text.trim().toUpperCase(Locale.ROOT);
        try {
            return Duration.parse(iso);
        } catch (DateTimeParseException e) {
            try {
                Period p = Period.parse(iso);
                return Duration.ofDays(p.getYears() * 365L + p.getMonths() * 30L + p.getDays());
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("\"" + text + "\" is not a duration: write 30d, 36h, 90m, 2w "
                        + "or an ISO-8601 duration such as P1M2D or PT36H.");
            }
        }
    }

    /** A subscription period: {@code 6m}, {@code 1y}, {@code 3 months}. */
    static SubscriptionPeriod subscription(String text) {
        Matcher m = SUBSCRIPTION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a subscription period: write 1m-9m or "
                    + "1y-3y.");
        }
        boolean year = m.group(2).startsWith("y");
        try {
            return Billing.period(Integer.parseInt(m.group(1)), year ? "Year" : "Month");
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a subscription period.");
        }
    }
}
