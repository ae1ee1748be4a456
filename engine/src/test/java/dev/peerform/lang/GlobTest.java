package dev.peerform.lang;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** fileset's pattern rules beyond the parity fixtures. */
class GlobTest {

    private static boolean matches(String glob, String path) {
        return Glob.compile(glob).matcher(path).matches();
    }

    @Test
    void singleStarStaysWithinOneDirectory() {
        assertTrue(matches("files/*.txt", "files/a.txt"));
        assertFalse(matches("files/*.txt", "files/sub/a.txt"));
    }

    @Test
    void doubleStarSegmentSpansAnyNumberOfDirectoriesEvenNone() {
        assertTrue(matches("files/**/*.txt", "files/a.txt"));
        assertTrue(matches("files/**/*.txt", "files/x/y/a.txt"));
        assertTrue(matches("files/**", "files/x/y/a.txt"));
    }

    @Test
    void doubleStarInsideASegmentIsASingleStar() {
        assertTrue(matches("files/a**b", "files/axxb"));
        assertFalse(matches("files/a**b", "files/a/b"));
    }

    @Test
    void bracesAndClassesNestAndNegate() {
        assertTrue(matches("{a,b/{c,d}}.txt", "b/d.txt"));
        assertTrue(matches("[!a]*", "b"));
        assertFalse(matches("[!a]*", "a"));
    }

    @Test
    void unclosedClassOrBraceIsASyntaxError() {
        assertNull(Glob.compile("files/["));
        assertNull(Glob.compile("files/{a,b"));
    }
}
