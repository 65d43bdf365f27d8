package org.xxgk;

/** Argument checks: the Java side of the C library's "every pointer may be NULL" promise. */
final class Args {
    private Args() {}

    /** Throws {@link Status#INVALID_ARGUMENT} naming the argument when it is null; returns it otherwise. */
    static <T> T notNull(T value, String name) {
        if (value == null) throw new XxgkException(Status.INVALID_ARGUMENT, "argument '" + name + "' is null");
        return value;
    }

    /** A size_t option or index: never negative. */
    static long size(long value, String name) {
        if (value < 0) throw new XxgkException(Status.INVALID_ARGUMENT, "argument '" + name + "' is negative (" + value + ")");
        return value;
    }
}
