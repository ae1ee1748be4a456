package dev.peerform.lang;

import static dev.peerform.lang.Functions.p;

import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** formatdate, timeadd, timecmp, timestamp, plantimestamp: RFC 3339 timestamps, as Terraform reads and writes them. */
final class TimeFunctions {

    private static final Pattern RFC3339 = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d*\\.?\\d*)([^\\d.]*)");
    private static final Map<String, Long> UNIT_NANOS = Map.of("ns", 1L, "us", 1_000L, "\u00b5s", 1_000L,
            "\u03bcs", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L,
            "h", 3_600_000_000_000L);

    private TimeFunctions() {
    }

    static void register(Functions.Registry r) {
        r.add("timestamp", List.of(), (a, c) -> Value.of(write(Instant.now().atOffset(ZoneOffset.UTC))));
        r.add("plantimestamp", List.of(), (a, c) -> Value.of(write(c.planTimestamp().atOffset(ZoneOffset.UTC))));
        r.add("formatdate", List.of(p("format", Type.STRING), p("time", Type.STRING)),
                (a, c) -> Value.of(format(a.get(0).asString(), parse(a.get(1).asString(), 1))));
        r.add("timeadd", List.of(p("timestamp", Type.STRING), p("duration", Type.STRING)), (a, c) -> {
            OffsetDateTime t = parse(a.get(0).asString(), -1);
            return Value.of(write(t.plusNanos(duration(a.get(1).asString()))));
        });
        r.add("timecmp", List.of(p("timestamp_a", Type.STRING), p("timestamp_b", Type.STRING)), (a, c) -> {
            OffsetDateTime x = parse(a.get(0).asString(), 0);
            OffsetDateTime y = parse(a.get(1).asString(), 1);
            return Value.of(Integer.signum(x.toInstant().compareTo(y.toInstant())));
        });
    }

    /** argument: the index to blame for a bad timestamp, or -1 for the call itself. */
    static OffsetDateTime parse(String s, int argument) throws FunctionException {
        Matcher m = RFC3339.matcher(s);
        if (!m.matches()) {
            String why = s.matches("\\d{4}-\\d{2}-\\d{2}.*") && !s.matches("\\d{4}-\\d{2}-\\d{2}[Tt].*")
                    ? "missing required time introducer 'T'" : "cannot use \"" + s + "\" as year";
            throw new FunctionException(argument, "not a valid RFC3339 timestamp: " + why + ".");
        }
        try {
            int nanos = m.group(7) == null ? 0
                    : new BigDecimal("0" + m.group(7)).movePointRight(9).intValue();
            ZoneOffset offset = m.group(8).equalsIgnoreCase("Z") ? ZoneOffset.UTC : ZoneOffset.of(m.group(8));
            return OffsetDateTime.of(LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)), nanos), offset);
        } catch (DateTimeException e) {
            throw new FunctionException(argument, "not a valid RFC3339 timestamp: " + e.getMessage() + ".");
        }
    }

    /** Go's time.RFC3339 layout: whole seconds, "Z" for UTC. */
    static String write(OffsetDateTime t) {
        OffsetDateTime s = t.truncatedTo(ChronoUnit.SECONDS);
        String zone = s.getOffset().equals(ZoneOffset.UTC) ? "Z" : s.getOffset().getId();
        return String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d%s", s.getYear(), s.getMonthValue(),
                s.getDayOfMonth(), s.getHour(), s.getMinute(), s.getSecond(), zone);
    }

    /** Go's time.ParseDuration, in nanoseconds. */
    static long duration(String text) throws FunctionException {
        String s = text;
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw new FunctionException("time: invalid duration \"" + text + "\".");
        }
        BigDecimal total = BigDecimal.ZERO;
        Matcher m = DURATION_PART.matcher(s);
        int at = 0;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at || m.group(1).isEmpty() || m.group(1).equals(".")) {
                throw new FunctionException("time: invalid duration \"" + text + "\".");
            }
            String unit = m.group(2);
            if (unit.isEmpty()) {
                throw new FunctionException("time: missing unit in duration \"" + text + "\".");
            }
            Long nanos = UNIT_NANOS.get(unit);
            if (nanos == null) {
                throw new FunctionException("time: unknown unit \"" + unit + "\" in duration \"" + text + "\".");
            }
            String number = m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1);
            total = total.add(new BigDecimal(number.startsWith(".") ? "0" + number : number)
                    .multiply(BigDecimal.valueOf(nanos)));
            at = m.end();
        }
        long n = total.longValue();
        return negative ? -n : n;
    }

    /** Terraform's formatdate layout: runs of a letter are verbs, 'quoted' text is literal, '' is a quote. */
    static String format(String layout, OffsetDateTime t) throws FunctionException {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < layout.length()) {
            char ch = layout.charAt(i);
            if (ch == '\'') {
                if (i + 1 < layout.length() && layout.charAt(i + 1) == '\'') {
                    out.append('\'');
                    i += 2;
                    continue;
                }
                int j = i + 1;
                StringBuilder lit = new StringBuilder();
                while (true) {
                    if (j >= layout.length()) {
                        throw new FunctionException(0, "unterminated literal '.");
                    }
                    if (layout.charAt(j) == '\'') {
                        if (j + 1 < layout.length() && layout.charAt(j + 1) == '\'') {
                            lit.append('\'');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    lit.append(layout.charAt(j++));
                }
                out.append(lit);
                i = j + 1;
                continue;
            }
            if (!Character.isLetter(ch)) {
                out.append(ch);
                i++;
                continue;
            }
            int j = i;
            while (j < layout.length() && layout.charAt(j) == ch) {
                j++;
            }
            out.append(verb(layout.substring(i, j), t));
            i = j;
        }
        return out.toString();
    }

    private static String verb(String v, OffsetDateTime t) throws FunctionException {
        int n = v.length();
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        String result = switch (v.charAt(0)) {
            case 'Y' -> n == 4 ? String.format(Locale.ROOT, "%04d", t.getYear())
                    : n == 2 ? String.format(Locale.ROOT, "%02d", t.getYear() % 100) : null;
            case 'M' -> switch (n) {
                case 1 -> Integer.toString(t.getMonthValue());
                case 2 -> two(t.getMonthValue());
                case 3 -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
                case 4 -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
                default -> null;
            };
            case 'D' -> n == 1 ? Integer.toString(t.getDayOfMonth()) : n == 2 ? two(t.getDayOfMonth()) : null;
            case 'E' -> n == 3 ? t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                    : n == 4 ? t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) : null;
            case 'h' -> n == 1 ? Integer.toString(t.getHour()) : n == 2 ? two(t.getHour()) : null;
            case 'H' -> n == 1 ? Integer.toString(hour12) : n == 2 ? two(hour12) : null;
            case 'm' -> n == 1 ? Integer.toString(t.getMinute()) : n == 2 ? two(t.getMinute()) : null;
            case 's' -> n == 1 ? Integer.toString(t.getSecond()) : n == 2 ? two(t.getSecond()) : null;
            case 'A' -> n == 2 ? (t.getHour() < 12 ? "AM" : "PM") : null;
            case 'a' -> n == 2 ? (t.getHour() < 12 ? "am" : "pm") : null;
            case 'Z' -> zone(n, t.getOffset());
            default -> throw new FunctionException(0, "invalid date format verb \"" + v + "\": unrecognized "
                    + "verb.");
        };
        if (result == null) {
            throw new FunctionException(0, "invalid date format verb \"" + v + "\": " + rule(v.charAt(0)) + ".");
        }
        return result;
    }

    private static String rule(char verb) {
        return switch (verb) {
            case 'Y' -> "year must either be \"YY\" or \"YYYY\"";
            case 'M' -> "month must be \"M\", \"MM\", \"MMM\", or \"MMMM\"";
            case 'D' -> "day of month must either be \"D\" or \"DD\"";
            case 'E' -> "day of week must either be \"EEE\" or \"EEEE\"";
            case 'A', 'a' -> "AM/PM marker must be \"AA\" or \"aa\"";
            case 'Z' -> "timezone must be Z, ZZZZ, or ZZZZZ";
            default -> "at most two digits are allowed";
        };
    }

    private static String zone(int n, ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        String sign = total < 0 ? "-" : "+";
        int abs = Math.abs(total);
        String hh = two(abs / 3600);
        String mm = two(abs / 60 % 60);
        boolean utc = total == 0;
        return switch (n) {
            case 1 -> utc ? "Z" : sign + hh + ":" + mm;
            case 3 -> utc ? "UTC" : sign + hh + mm;
            case 4 -> sign + hh + mm;
            case 5 -> sign + hh + ":" + mm;
            default -> null;
        };
    }

    private static String two(int n) {
        return String.format(Locale.ROOT, "%02d", n);
    }
}
