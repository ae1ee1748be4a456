package dev.peerform.lang;

import dev.peerform.value.BoolValue;
import dev.peerform.value.ListValue;
import dev.peerform.value.NumberValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The format and formatlist functions: Go-style verbs (%s %d %f %e %g %t %q %v %x %X %o %b %%), flags
 * ({@code -}, {@code 0}, {@code +}, space), width, precision, and explicit argument indexes ({@code %[2]s}).
 */
final class Format {

    private Format() {
    }

    static String format(String spec, List<Value> args) throws FunctionException {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < spec.length(); i++) {
            char ch = spec.charAt(i);
            if (ch != '%') {
                out.append(ch);
                continue;
            }
            i++;
            if (i >= spec.length()) {
                throw new FunctionException(0, "invalid format string: trailing %.");
            }
            if (spec.charAt(i) == '%') {
                out.append('%');
                continue;
            }
            String flags = "";
            while (i < spec.length() && "-+ 0#".indexOf(spec.charAt(i)) >= 0) {
                flags += spec.charAt(i++);
            }
            if (i < spec.length() && spec.charAt(i) == '[') {
                int close = spec.indexOf(']', i);
                String index = close < 0 ? "" : spec.substring(i + 1, close);
                if (index.isEmpty() || index.length() > 4 || !index.chars().allMatch(Character::isDigit)
                        || Integer.parseInt(index) < 1) {
                    throw new FunctionException(0, "invalid format string: bad argument index at " + (i + 1) + ".");
                }
                next = Integer.parseInt(index) - 1;
                i = close + 1;
            }
            int width = -1;
            int start = i;
            while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
                i++;
            }
            if (i - start > 4) {
                throw new FunctionException(0, "invalid format string: width too large at " + (start + 1) + ".");
            }
            if (i > start) {
                width = Integer.parseInt(spec.substring(start, i));
            }
            int precision = -1;
            if (i < spec.length() && spec.charAt(i) == '.') {
                i++;
                start = i;
                while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
                    i++;
                }
                if (i - start > 4) {
                    throw new FunctionException(0, "invalid format string: precision too large at " + (start + 1)
                            + ".");
                }
                precision = i > start ? Integer.parseInt(spec.substring(start, i)) : 0;
            }
            if (i >= spec.length()) {
                throw new FunctionException(0, "invalid format string: unterminated verb.");
            }
            char verb = spec.charAt(i);
            if (next >= args.size()) {
                throw new FunctionException("not enough arguments for \"%" + verb + "\" at " + (i + 1)
                        + ": need index " + next + " but have " + args.size() + " total.");
            }
            Value arg = args.get(next++);
            out.append(pad(verb(verb, arg, flags, precision), width, flags));
        }
        if (next < args.size() && !spec.contains("%[")) {
            throw new FunctionException("too many arguments; no verbs left to consume " + args.get(next) + ".");
        }
        return out.toString();
    }

    private static String verb(char verb, Value arg, String flags, int precision) throws FunctionException {
        Value v = arg.unmarked();
        if (v.isNull()) {
            if (verb == 'v') {
                return "null";
            }
            throw new FunctionException("unsupported value for \"%" + verb + "\": null value cannot be formatted.");
        }
        try {
            switch (verb) {
                case 'v' -> {
                    if (flags.indexOf('#') >= 0) { // Go's %#v: the value's JSON, so strings are quoted
                        return EncodingFunctions.jsonEncode(v);
                    }
                    if (v instanceof StringValue || v instanceof NumberValue || v instanceof BoolValue) {
                        return Convert.to(v, Type.STRING).asString();
                    }
                    return EncodingFunctions.jsonEncode(v);
                }
                case 's' -> {
                    String s = Convert.to(v, Type.STRING).asString();
                    return precision >= 0 && precision < s.length() ? s.substring(0, precision) : s;
                }
                case 'q' -> {
                    return EncodingFunctions.jsonEncode(Convert.to(v, Type.STRING));
                }
                case 't' -> {
                    return Boolean.toString(Convert.to(v, Type.BOOL).asBool());
                }
                case 'd', 'x', 'X', 'o', 'b' -> {
                    BigDecimal n = Convert.to(v, Type.NUMBER).asNumber();
                    if (n.stripTrailingZeros().scale() > 0) {
                        throw new FunctionException("unsupported value for \"%" + verb + "\": an integer is "
                                + "required.");
                    }
                    int radix = switch (verb) {
                        case 'x', 'X' -> 16;
                        case 'o' -> 8;
                        case 'b' -> 2;
                        default -> 10;
                    };
                    String s = n.toBigInteger().toString(radix);
                    s = verb == 'X' ? s.toUpperCase(Locale.ROOT) : s;
                    return sign(n, s, flags);
                }
                case 'f', 'F' -> {
                    BigDecimal n = Convert.to(v, Type.NUMBER).asNumber();
                    String s = n.setScale(precision < 0 ? 6 : precision, RoundingMode.HALF_EVEN).toPlainString();
                    return sign(n, s, flags);
                }
                case 'e', 'E', 'g', 'G' -> {
                    double d = Convert.to(v, Type.NUMBER).asNumber().doubleValue();
                    String javaSpec = "%" + (precision >= 0 ? "." + precision : "") + verb;
                    String s = verb == 'g' || verb == 'G' ? (precision < 0 ? shortest(d) : String.format(javaSpec,
                            d)) : String.format(javaSpec, d);
                    return sign(BigDecimal.valueOf(d), s, flags);
                }
                default -> throw new FunctionException("unsupported format verb \"%" + verb + "\".");
            }
        } catch (ConversionException e) {
            throw new FunctionException("unsupported value for \"%" + verb + "\": " + e.getMessage() + ".");
        }
    }

    private static String shortest(double d) {
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    private static String sign(BigDecimal n, String s, String flags) {
        if (n.signum() >= 0 && flags.contains("+")) {
            return "+" + s;
        }
        if (n.signum() >= 0 && flags.contains(" ")) {
            return " " + s;
        }
        return s;
    }

    private static String pad(String s, int width, String flags) {
        int length = s.codePointCount(0, s.length());
        if (width <= length) {
            return s;
        }
        String fill = " ".repeat(width - length);
        if (flags.contains("-")) {
            return s + fill;
        }
        if (flags.contains("0")) {
            boolean signed = s.startsWith("-") || s.startsWith("+");
            String zeros = "0".repeat(width - length);
            return signed ? s.charAt(0) + zeros + s.substring(1) : zeros + s;
        }
        return fill + s;
    }

    static Value formatList(String spec, List<Value> args) throws FunctionException {
        int length = -1;
        for (int i = 0; i < args.size(); i++) {
            Value v = args.get(i).unmarked();
            if (isSequence(v)) {
                int n = v.children().size();
                if (length >= 0 && n != length) {
                    throw new FunctionException(i + 1, "argument " + (i + 1) + " has length " + n + ", which is "
                            + "inconsistent with the earlier lists' length " + length + ".");
                }
                length = n;
            }
        }
        if (length < 0) {
            length = 1;
        }
        List<Value> out = new ArrayList<>(length);
        for (int row = 0; row < length; row++) {
            List<Value> rowArgs = new ArrayList<>(args.size());
            for (Value a : args) {
                Value v = a.unmarked();
                rowArgs.add(isSequence(v) ? v.children().get(row) : v);
            }
            out.add(Value.of(format(spec, rowArgs)));
        }
        return new ListValue(Type.STRING, out);
    }

    private static boolean isSequence(Value v) {
        return v.type() instanceof Type.ListType || v.type() instanceof Type.TupleType
                || v.type() instanceof Type.SetType;
    }
}
