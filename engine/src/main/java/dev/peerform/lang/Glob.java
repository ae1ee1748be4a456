package dev.peerform.lang;

import java.util.regex.Pattern;

/**
 * fileset's patterns (Terraform uses doublestar): {@code *} and {@code ?} within a path segment, {@code [a-z]}
 * and {@code [!a]} classes, {@code {a,b}} alternatives, and {@code **} for any number of directories.
 */
final class Glob {

    private Glob() {
    }

    /** The pattern as a regular expression over slash-separated paths; null when its syntax is wrong. */
    static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        int end = translate(glob, 0, re, false);
        return end < 0 ? null : Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /** Appends the regex of glob[from..] to re, stopping at an unnested ',' or '}' when inside braces. */
    private static int translate(String g, int from, StringBuilder re, boolean inBraces) {
        int i = from;
        while (i < g.length()) {
            char ch = g.charAt(i);
            switch (ch) {
                case '*' -> {
                    boolean segmentStart = i == 0 || g.charAt(i - 1) == '/';
                    boolean wholeSegment = segmentStart && i + 1 < g.length() && g.charAt(i + 1) == '*'
                            && (i + 2 == g.length() || g.charAt(i + 2) == '/');
                    if (wholeSegment && i + 2 < g.length()) { // "**/": any number of directories, even none
                        re.append("(?:.*/)?");
                        i += 3;
                    } else if (wholeSegment) { // a final "**": everything below
                        re.append(".*");
                        i += 2;
                    } else if (i + 1 < g.length() && g.charAt(i + 1) == '*') { // "a**b" is "a*b"
                        re.append("[^/]*");
                        i += 2;
                    } else {
                        re.append("[^/]*");
                        i++;
                    }
                }
                case '?' -> {
                    re.append("[^/]");
                    i++;
                }
                case '[' -> {
                    int close = g.indexOf(']', i + 2);
                    if (close < 0) {
                        return -1;
                    }
                    String body = g.substring(i + 1, close);
                    if (body.startsWith("!") || body.startsWith("^")) {
                        body = "^" + body.substring(1);
                    }
                    re.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                    i = close + 1;
                }
                case '{' -> {
                    re.append("(?:");
                    int j = i + 1;
                    while (true) {
                        j = translate(g, j, re, true);
                        if (j < 0 || j >= g.length()) {
                            return -1;
                        }
                        if (g.charAt(j) == '}') {
                            break;
                        }
                        re.append('|');
                        j++;
                    }
                    re.append(')');
                    i = j + 1;
                }
                case ',', '}' -> {
                    if (inBraces) {
                        return i;
                    }
                    re.append(Pattern.quote(String.valueOf(ch)));
                    i++;
                }
                case '\\' -> {
                    if (i + 1 >= g.length()) {
                        return -1;
                    }
                    re.append(Pattern.quote(String.valueOf(g.charAt(i + 1))));
                    i += 2;
                }
                default -> {
                    re.append(Pattern.quote(String.valueOf(ch)));
                    i++;
                }
            }
        }
        return inBraces ? -1 : i;
    }
}
