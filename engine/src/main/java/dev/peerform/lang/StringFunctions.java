package dev.peerform.lang;

import static dev.peerform.lang.Functions.p;

import dev.peerform.value.ListValue;
import dev.peerform.value.MapValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.TupleValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** chomp, endswith, format, formatlist, indent, join, lower, regex, regexall, replace, split, ... */
final class StringFunctions {

    /** The summary renderTemplate gives a reference to a variable the template was not given. */
    static final String MISSING_VARIABLE = "Invalid template variable";
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?P?<([a-zA-Z][a-zA-Z0-9]*)>");

    private StringFunctions() {
    }

    static void register(Functions.Registry r) {
        Type str = Type.STRING;
        r.add("chomp", List.of(p("str", str)), (a, c) -> Value.of(a.get(0).asString().replaceAll("(\r?\n)+$", "")));
        r.add("endswith", List.of(p("str", str), p("suffix", str)),
                (a, c) -> Value.of(a.get(0).asString().endsWith(a.get(1).asString())));
        r.add("startswith", List.of(p("str", str), p("prefix", str)),
                (a, c) -> Value.of(a.get(0).asString().startsWith(a.get(1).asString())));
        // Go maps case one code point at a time: "ß" has no one-letter upper case and stays, and a final sigma
        // is not special
        r.add("lower", List.of(p("str", str)), (a, c) -> Value.of(mapCase(a.get(0).asString(), false)));
        r.add("upper", List.of(p("str", str)), (a, c) -> Value.of(mapCase(a.get(0).asString(), true)));
        r.add("strcontains", List.of(p("str", str), p("substr", str)),
                (a, c) -> Value.of(a.get(0).asString().contains(a.get(1).asString())));
        r.add("templatestring", List.of(p("template", str), p("vars", Type.DYNAMIC)), (a, c) -> {
            if (!(a.get(1) instanceof ObjectValue || a.get(1) instanceof MapValue)) {
                throw new FunctionException(1, "invalid vars value: must be a map.");
            }
            Map<String, Value> vars = a.get(1) instanceof ObjectValue o ? o.attributes()
                    : ((MapValue) a.get(1)).elements();
            Value v;
            try {
                v = c.renderTemplate("<templatestring argument>", a.get(0).asString(), vars);
            } catch (FunctionException e) {
                // a variable the vars lack is the vars' fault; any other failure is the template's
                throw e.getMessage().startsWith(MISSING_VARIABLE)
                        ? new FunctionException(1, "vars map does not contain a key the template refers to: "
                                + e.getMessage())
                        : new FunctionException(e.getMessage());
            }
            try {
                return Convert.to(v, Type.STRING);
            } catch (ConversionException e) {
                throw new FunctionException("the template produced a value that is not a string: "
                        + e.getMessage() + ".");
            }
        });
        r.add("title", List.of(p("str", str)), (a, c) -> Value.of(title(a.get(0).asString())));
        r.add("strrev", List.of(p("str", str)),
                (a, c) -> Value.of(new StringBuilder(a.get(0).asString()).reverse().toString()));
        r.add("trimspace", List.of(p("str", str)), (a, c) -> Value.of(a.get(0).asString().strip()));
        r.add("trimprefix", List.of(p("str", str), p("prefix", str)), (a, c) -> {
            String s = a.get(0).asString();
            String pre = a.get(1).asString();
            return Value.of(s.startsWith(pre) ? s.substring(pre.length()) : s);
        });
        r.add("trimsuffix", List.of(p("str", str), p("suffix", str)), (a, c) -> {
            String s = a.get(0).asString();
            String suf = a.get(1).asString();
            return Value.of(s.endsWith(suf) ? s.substring(0, s.length() - suf.length()) : s);
        });
        r.add("trim", List.of(p("str", str), p("cutset", str)), (a, c) -> Value.of(trim(a.get(0).asString(),
                a.get(1).asString())));
        r.add("indent", List.of(p("spaces", Type.NUMBER), p("str", str)), (a, c) -> {
            int spaces = a.get(0).asNumber().intValueExact();
            String text = a.get(1).asString();
            Limits.checkChars((long) spaces * text.chars().filter(ch -> ch == '\n').count() + text.length());
            String pad = " ".repeat(spaces);
            return Value.of(text.replace("\n", "\n" + pad));
        });
        r.add("join", List.of(p("separator", str)), p("lists", Type.list(str)), (a, c) -> {
            if (a.size() < 2) {
                throw new FunctionException("at least one list is required.");
            }
            List<String> parts = new ArrayList<>();
            for (Value list : a.subList(1, a.size())) {
                for (Value e : list.children()) {
                    if (e.isNull()) {
                        throw new FunctionException("element " + parts.size() + " is null; cannot concatenate "
                                + "null values.");
                    }
                    parts.add(e.asString());
                }
            }
            return Value.of(String.join(a.get(0).asString(), parts));
        });
        r.add("split", List.of(p("separator", str), p("str", str)), (a, c) -> {
            String sep = a.get(0).asString();
            String s = a.get(1).asString();
            List<Value> out = new ArrayList<>();
            if (sep.isEmpty()) {
                s.codePoints().forEach(cp -> out.add(Value.of(new String(Character.toChars(cp)))));
            } else {
                int from = 0;
                int at;
                while ((at = s.indexOf(sep, from)) >= 0) {
                    out.add(Value.of(s.substring(from, at)));
                    from = at + sep.length();
                }
                out.add(Value.of(s.substring(from)));
            }
            return new ListValue(Type.STRING, out);
        });
        r.add("substr", List.of(p("str", str), p("offset", Type.NUMBER), p("length", Type.NUMBER)), (a, c) -> {
            int[] cps = a.get(0).asString().codePoints().toArray();
            int offset = a.get(1).asNumber().intValueExact();
            int length = a.get(2).asNumber().intValueExact();
            if (offset < 0) {
                offset = Math.max(0, cps.length + offset);
            }
            if (offset > cps.length) {
                throw new FunctionException(1, "offset must be within the string's length.");
            }
            int end = length < 0 ? cps.length : Math.min(cps.length, offset + length);
            return Value.of(new String(cps, offset, Math.max(0, end - offset)));
        });
        r.add("replace", List.of(p("str", str), p("substr", str), p("replace", str)), (a, c) -> {
            String s = a.get(0).asString();
            String find = a.get(1).asString();
            String with = a.get(2).asString();
            if (find.length() > 1 && find.startsWith("/") && find.endsWith("/")) {
                Pattern pattern;
                try {
                    pattern = compile(find.substring(1, find.length() - 1), 1);
                } catch (FunctionException e) {
                    throw new FunctionException("error parsing regexp: " + e.getMessage());
                }
                Matcher m = pattern.matcher(s);
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(out, Matcher.quoteReplacement(expand(with, m)));
                }
                m.appendTail(out);
                return Value.of(out.toString());
            }
            return Value.of(s.replace(find, with));
        });
        r.add("regex", List.of(p("pattern", str), p("string", str)), (a, c) -> {
            Pattern pattern = compile(a.get(0).asString(), 0);
            Matcher m = pattern.matcher(a.get(1).asString());
            if (!m.find()) {
                throw new FunctionException("pattern did not match any part of the given string.");
            }
            return match(pattern, m);
        });
        r.add("regexall", List.of(p("pattern", str), p("string", str)), (a, c) -> {
            Pattern pattern = compile(a.get(0).asString(), 0);
            Matcher m = pattern.matcher(a.get(1).asString());
            List<Value> out = new ArrayList<>();
            while (m.find()) {
                out.add(match(pattern, m));
            }
            Type element = out.isEmpty() ? (m.groupCount() == 0 ? Type.STRING : Type.DYNAMIC) : out.get(0).type();
            return new ListValue(element, out);
        });
        r.add("format", List.of(p("format", str)), p("args", Type.DYNAMIC).nullable(), (a, c) -> {
            // an untyped null says nothing of what it would be: like Terraform, the result is not known yet
            if (a.stream().anyMatch(v -> v.isNull() && v.type() == Type.DYNAMIC)) {
                return Value.DYNAMIC_UNKNOWN;
            }
            return Value.of(Format.format(a.get(0).asString(), a.subList(1, a.size())));
        });
        r.add("formatlist", List.of(p("format", str)), p("args", Type.DYNAMIC).nullable(),
                (a, c) -> Format.formatList(a.get(0).asString(), a.subList(1, a.size())));
    }

    private static Pattern compile(String regex, int argument) throws FunctionException {
        try {
            // RE2's (?P<name>...) is Java's (?<name>...)
            return Pattern.compile(regex.replace("(?P<", "(?<"));
        } catch (PatternSyntaxException e) {
            throw new FunctionException(argument, "invalid regular expression pattern: " + e.getDescription()
                    + ".");
        }
    }

    private static Value match(Pattern pattern, Matcher m) {
        List<String> names = new ArrayList<>();
        Matcher n = NAMED_GROUP.matcher(pattern.pattern());
        while (n.find()) {
            names.add(n.group(1));
        }
        if (!names.isEmpty()) {
            Map<String, Value> attrs = new LinkedHashMap<>();
            for (String name : names) {
                String g = m.group(name);
                attrs.put(name, g == null ? Value.nullOf(Type.STRING) : Value.of(g));
            }
            return new ObjectValue(attrs);
        }
        if (m.groupCount() == 0) {
            return Value.of(m.group());
        }
        List<Value> groups = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
            String g = m.group(i);
            groups.add(g == null ? Value.nullOf(Type.STRING) : Value.of(g));
        }
        return new TupleValue(groups);
    }

    /**
     * Go's Regexp.Expand: {@code $name} takes the longest run of letters, digits and underscores ({@code $1x} is
     * the group named "1x"), {@code ${name}} is braced, {@code $$} is a dollar; a group that does not exist or did
     * not match is empty.
     */
    private static String expand(String template, Matcher m) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char ch = template.charAt(i);
            if (ch != '$' || i + 1 >= template.length()) {
                b.append(ch);
                i++;
                continue;
            }
            if (template.charAt(i + 1) == '$') {
                b.append('$');
                i += 2;
                continue;
            }
            String name;
            int next;
            if (template.charAt(i + 1) == '{') {
                int close = template.indexOf('}', i + 2);
                name = close < 0 ? "" : template.substring(i + 2, close);
                next = close + 1;
                if (close < 0 || !name.matches("[A-Za-z0-9_]+")) {
                    b.append('$'); // not a valid reference: the dollar is kept, as in Go
                    i++;
                    continue;
                }
            } else {
                int j = i + 1;
                while (j < template.length() && (Character.isLetterOrDigit(template.charAt(j))
                        || template.charAt(j) == '_') && template.charAt(j) < 128) {
                    j++;
                }
                if (j == i + 1) {
                    b.append('$');
                    i++;
                    continue;
                }
                name = template.substring(i + 1, j);
                next = j;
            }
            b.append(group(m, name));
            i = next;
        }
        return b.toString();
    }

    private static String group(Matcher m, String name) {
        String g = null;
        if (name.chars().allMatch(Character::isDigit)) {
            try {
                int n = Integer.parseInt(name);
                g = n <= m.groupCount() ? m.group(n) : null;
            } catch (NumberFormatException e) {
                g = null;
            }
        } else {
            try {
                g = m.group(name);
            } catch (IllegalArgumentException noSuchGroup) {
                g = null;
            }
        }
        return g == null ? "" : g;
    }

    private static String mapCase(String s, boolean upper) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(upper ? Character.toUpperCase(cp)
                : Character.toLowerCase(cp)));
        return b.toString();
    }

    private static String trim(String s, String cutset) {
        int start = 0;
        int end = s.length();
        while (start < end && cutset.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && cutset.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String title(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            b.append(start && Character.isLetter(ch) ? Character.toTitleCase(ch) : ch);
            start = !Character.isLetterOrDigit(ch) && ch != '_' && ch != '\'';
        }
        return b.toString();
    }
}
