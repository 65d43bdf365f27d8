import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.xxgk.Findings;
import org.xxgk.Report;

/**
 * The Java side of the overhead benchmark (bench/java/run): Report.fromJson(bytes), validate()
 * (which copies every finding into Java), close both, ROUNDS × ITERATIONS times after a warm-up
 * round for the JIT; prints the median nanoseconds of thread CPU time per load+validate. With
 * "load": Report.fromJson and close only.
 *
 *   java -Djna.library.path=DIR -cp xxgk.jar:jna.jar:. LoadValidateBench REPORT.json ITERATIONS ROUNDS [load]
 */
public final class LoadValidateBench {
    private LoadValidateBench() {}

    public static void main(String[] args) throws Exception {
        byte[] json = Files.readAllBytes(Path.of(args[0]));
        int iterations = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        boolean loadOnly = args.length > 3 && args[3].equals("load");
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long findings = 0;
        double[] perCall = new double[rounds];
        for (int r = -1; r < rounds; ++r) {  // round -1: warm-up, not counted
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < iterations; ++i) {
                try (Report report = Report.fromJson(json)) {
                    if (loadOnly) continue;
                    try (Findings f = report.validate()) {
                        findings += f.size();
                    }
                }
            }
            if (r >= 0) perCall[r] = (cpu.getCurrentThreadCpuTime() - t0) / (double) iterations;
        }
        Arrays.sort(perCall);
        System.out.printf("%.0f%n", perCall[rounds / 2]);
        System.err.println("Java: " + findings + " findings in all");
    }
}
