package dev.peerform.diag;

import java.util.Collection;

/** "Did you mean ...?": the closest candidate by edit distance, if one is close enough to be a likely typo. */
public final class Suggestions {

    private Suggestions() {
    }

    /** The closest candidate within {@code maxDistance} edits, or null. */
    public static String closest(String name, Collection<String> candidates, int maxDistance) {
        String best = null;
        int bestDistance = maxDistance + 1;
        for (String c : candidates) {
            int d = editDistance(name, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The sentence to append to a diagnostic's detail, or "" when nothing is close. */
    public static String didYouMean(String name, Collection<String> candidates) {
        String best = closest(name, candidates, 2);
        return best == null ? "" : " Did you mean \"" + best + "\"?";
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    public static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
