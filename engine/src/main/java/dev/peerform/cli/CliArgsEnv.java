package dev.peerform.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code TF_CLI_ARGS} and {@code TF_CLI_ARGS_<subcommand>}, as Terraform merges them: each value is split as a
 * shell would split it and inserted right after the subcommand's words, before the arguments typed, so that typed
 * flags (parsed later) win. The specific variable is merged last, so its flags come first.
 */
record CliArgsEnv(Map<String, String> env) {

    static final String PREFIX = "TF_CLI_ARGS";

    /** Commands that have subcommands: their name is two words ({@code state list} reads TF_CLI_ARGS_state_list). */
    private static final Set<String> GROUPS = Set.of("state", "workspace", "providers", "emulator");

    List<String> merge(List<String> args) {
        if (args.isEmpty() || args.get(0).startsWith("-")) {
            return args;
        }
        int words = GROUPS.contains(args.get(0)) && args.size() > 1 && !args.get(1).startsWith("-") ? 2 : 1;
        String name = String.join("_", args.subList(0, words)).replace('-', '_');
        List<String> merged = new ArrayList<>(args);
        insert(merged, words, env.get(PREFIX));
        insert(merged, words, env.get(PREFIX + "_" + name));
        return merged;
    }

    private static void insert(List<String> args, int at, String value) {
        if (value != null && !value.isBlank()) {
            args.addAll(at, split(value));
        }
    }

    /** Splits as a POSIX shell does for words: blanks separate, quotes group, a backslash escapes. */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    word.append(text.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
