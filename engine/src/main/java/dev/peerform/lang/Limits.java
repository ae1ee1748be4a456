package dev.peerform.lang;

/**
 * How much one evaluation may build, so that a configuration mistake is refused with a diagnostic within a
 * second instead of exhausting the heap or the stack or running for minutes. Each bound is far above what an
 * Express Connect configuration uses (tens of connections, hundreds of routes).
 */
final class Limits {

    /** Elements of one collection a function or a for expression produces. */
    static final int MAX_ELEMENTS = 1_000_000;

    /** Iterations of the for expressions in one evaluation, nested ones multiplied: about a second of work. */
    static final long MAX_ITERATIONS = 1_000_000;

    /** Characters of one string a function or a template produces (16 Mi). */
    static final int MAX_STRING_CHARS = 16 * 1024 * 1024;

    /** Bytes of a file that file and templatefile read (16 MiB), as large as any template or key file gets. */
    static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

    /** Nesting of expressions the evaluator recurses into (the parser refuses more than 128 already). */
    static final int MAX_DEPTH = 256;

    private Limits() {
    }

    static String count(long n) {
        return String.format("%,d", n);
    }

    /** Refuses a collection of {@code size} elements past the bound. */
    static void checkElements(long size, String what) throws FunctionException {
        if (size > MAX_ELEMENTS) {
            throw new FunctionException("the result would have " + count(size) + " " + what + ", more than the "
                    + count(MAX_ELEMENTS) + " one result may have. Build smaller collections.");
        }
    }

    /** Refuses a string of {@code length} characters past the bound. */
    static void checkChars(long length) throws FunctionException {
        if (length > MAX_STRING_CHARS) {
            throw new FunctionException("the result would have " + count(length) + " characters, more than the "
                    + count(MAX_STRING_CHARS) + " one string may have.");
        }
    }
}
