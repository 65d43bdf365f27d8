/*
 * Validate — check a report file against the rules of its format and print every finding: the Java
 * twin of examples/c/validate.c, with the same output and exit codes.
 *
 *   java -Djna.library.path=DIR -cp xxgk.jar:jna.jar:. Validate REPORT.json [en]
 *
 * Exit status: 0 no error (warnings and infos may be printed), 1 the report has errors,
 * 2 the file could not be read or decoded (every problem is printed with its JSON Pointer).
 */
import org.xxgk.Finding;
import org.xxgk.Findings;
import org.xxgk.Language;
import org.xxgk.Problem;
import org.xxgk.Report;
import org.xxgk.XxgkException;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

public final class Validate {
    private Validate() {}

    /** Prints a failed call: its status, then every problem with its location. */
    private static void printError(PrintStream err, String what, XxgkException e) {
        err.println(what + ": " + e.status().cName());
        for (Problem p : e.problems()) err.println("  " + p);
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale: the messages are Chinese.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].equals("en"))) {
            err.println("usage: Validate REPORT.json [en]");
            System.exit(2);
        }
        Language language = args.length == 2 ? Language.EN : Language.ZH;

        int exitCode;
        try (Report report = Report.fromFile(Path.of(args[0]));  // strict decoding, the default limits
             Findings findings = report.validate()) {
            for (Finding f : findings)
                out.printf("%s %s %s%n    %s%n", f.severity().name().toLowerCase(java.util.Locale.ROOT), f.code(),
                           f.key().isEmpty() ? f.pointer() : f.key(), f.message(language));
            out.printf("%d errors, %d findings (%d format)%n", findings.errorCount(), findings.size(),
                       report.format().number());
            exitCode = findings.errorCount() > 0 ? 1 : 0;
        } catch (XxgkException e) {
            out.flush();
            printError(err, args[0], e);
            exitCode = 2;
        }
        out.flush();
        System.exit(exitCode);
    }
}
