package dev.peerform.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * GNU {@code diff -u} output (what {@code terraform fmt -diff} prints): a longest-common-subsequence line diff in
 * hunks with three lines of context, {@code @@ -l,s +l,s @@} headers, and the "No newline at end of file" marker.
 */
final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    private record Line(char op, String text, boolean lastWithoutNewline) {
    }

    static String of(String oldLabel, String newLabel, String before, String after) {
        List<Line> edits = edits(lines(before), lines(after));
        StringBuilder out = new StringBuilder("--- " + oldLabel + "\n+++ " + newLabel + "\n");
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // a hunk takes every change whose gap to the previous one is at most twice the context
            while (true) {
                while (end < edits.size() && edits.get(end).op() != ' ') {
                    end++;
                }
                int next = end;
                while (next < edits.size() && edits.get(next).op() == ' ') {
                    next++;
                }
                if (next < edits.size() && next - end <= 2 * CONTEXT) {
                    end = next;
                } else {
                    end = Math.min(edits.size(), end + CONTEXT);
                    break;
                }
            }
            hunk(out, edits, start, end);
            i = end;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Line> edits, int start, int end) {
        int oldStart = 1;
        int newStart = 1;
        for (int k = 0; k < start; k++) {
            oldStart += edits.get(k).op() != '+' ? 1 : 0;
            newStart += edits.get(k).op() != '-' ? 1 : 0;
        }
        int oldCount = 0;
        int newCount = 0;
        for (int k = start; k < end; k++) {
            oldCount += edits.get(k).op() != '+' ? 1 : 0;
            newCount += edits.get(k).op() != '-' ? 1 : 0;
        }
        out.append("@@ -").append(range(oldStart, oldCount)).append(" +").append(range(newStart, newCount))
                .append(" @@\n");
        for (int k = start; k < end; k++) {
            Line l = edits.get(k);
            out.append(l.op()).append(l.text()).append('\n');
            if (l.lastWithoutNewline()) {
                out.append("\\ No newline at end of file\n");
            }
        }
    }

    private static String range(int start, int count) {
        if (count == 1) {
            return String.valueOf(start);
        }
        return (count == 0 ? start - 1 : start) + "," + count;
    }

    private static List<Line> lines(String text) {
        List<Line> out = new ArrayList<>();
        String[] parts = text.split("\n", -1);
        int n = text.endsWith("\n") ? parts.length - 1 : parts.length;
        for (int i = 0; i < n; i++) {
            out.add(new Line(' ', parts[i], i == n - 1 && !text.endsWith("\n")));
        }
        return out;
    }

    private static List<Line> edits(List<Line> a, List<Line> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = same(a.get(i), b.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && same(a.get(i), b.get(j))) {
                out.add(b.get(j));
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                Line l = a.get(i++); // removals before additions, as diff prints a changed run
                out.add(new Line('-', l.text(), l.lastWithoutNewline()));
            } else {
                Line l = b.get(j++);
                out.add(new Line('+', l.text(), l.lastWithoutNewline()));
            }
        }
        return out;
    }

    private static boolean same(Line x, Line y) {
        return x.text().equals(y.text()) && x.lastWithoutNewline() == y.lastWithoutNewline();
    }
}
