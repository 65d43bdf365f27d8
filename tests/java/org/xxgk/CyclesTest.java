package org.xxgk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Open/validate/close cycles leave native memory flat: the resident set after many cycles is the
 * resident set after a warm-up, give or take allocator noise. Run by ctest with a fixed, pre-touched
 * heap (-Xms64m -Xmx64m -XX:+AlwaysPreTouch) so that the Java heap's growth is not counted.
 *
 * <p>By hand, for the figures of docs/java.md (100,000 cycles):
 * {@code java -Xms64m -Xmx64m -XX:+AlwaysPreTouch -Djna.library.path=build/bindings/c -cp ... org.xxgk.CyclesTest 100000}
 */
class CyclesTest {
    private static final int WARM_UP = 2_000;
    /** Cycles after the warm-up: the first block settles the JIT and allocator, the rest is measured. */
    private static final int SETTLE = 5_000;
    private static final int CYCLES = 20_000;
    /** A leak of 1 KiB per cycle would add 20 MiB over CYCLES; allocator noise stays far below this. */
    private static final long SLACK_BYTES = 8L << 20;

    /** VmRSS of this process, in bytes (Linux). */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status")))
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    /** One cycle: load the 苍南 report from bytes, validate it, close both. Returns the finding count. */
    static int cycle(byte[] json) {
        try (Report r = Report.fromJson(json); Findings f = r.validate()) {
            return f.size();
        }
    }

    static long run(byte[] json, int cycles) {
        long findings = 0;
        for (int i = 0; i < cycles; ++i) findings += cycle(json);
        return findings;
    }

    @Test
    void residentMemoryStaysFlat() {
        byte[] json = TestData.bytes(TestData.cangnan());
        assertEquals(2L * WARM_UP, run(json, WARM_UP));
        long warm = residentBytes();
        assertEquals(2L * SETTLE, run(json, SETTLE));
        long before = residentBytes();
        for (int i = 0; i < 4; ++i) {
            assertEquals(2L * CYCLES / 4, run(json, CYCLES / 4));
            System.out.printf("VmRSS after %d cycles: %.1f MiB%n", WARM_UP + SETTLE + (i + 1) * CYCLES / 4, residentBytes() / 1048576.0);
        }
        long after = residentBytes();
        System.out.printf("VmRSS after %d warm-up cycles: %.1f MiB; after %d more: %.1f MiB; after %d more: %.1f MiB (%+.1f MiB)%n",
                          WARM_UP, warm / 1048576.0, SETTLE, before / 1048576.0, CYCLES, after / 1048576.0,
                          (after - before) / 1048576.0);
        assertTrue(after - before < SLACK_BYTES, "resident memory grew by " + (after - before) + " bytes over " + CYCLES + " cycles");
    }

    /**
     * The hand-run measurement: {@code CyclesTest [cycles]} prints VmRSS at the start, after the
     * warm-up and at the end.
     *
     * @param args the number of cycles (default 100000)
     */
    public static void main(String[] args) {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        byte[] json = TestData.bytes(TestData.cangnan());
        long start = residentBytes();
        run(json, WARM_UP);
        long warm = residentBytes();
        long t0 = System.nanoTime();
        for (int done = 0; done < cycles; done += cycles / 10) {
            run(json, Math.min(cycles / 10, cycles - done));
            System.out.printf("  after %d cycles: %.1f MiB%n", done + cycles / 10, residentBytes() / 1048576.0);
        }
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        long end = residentBytes();
        System.out.printf("VmRSS: start %.1f MiB, after %d warm-up cycles %.1f MiB, after %d cycles %.1f MiB (%+.1f MiB; %d s)%n",
                          start / 1048576.0, WARM_UP, warm / 1048576.0, cycles, end / 1048576.0, (end - warm) / 1048576.0, seconds);
    }
}
