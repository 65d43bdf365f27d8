package org.xxgk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.function.Executable;

/** What the tests share: where they find the source tree's data (-Dxxgk.source, set by tests/java/CMakeLists.txt). */
final class TestData {
    private TestData() {}

    static Path source() {
        String dir = System.getProperty("xxgk.source");
        if (dir == null) throw new IllegalStateException("run with -Dxxgk.source=<source tree>");
        return Path.of(dir);
    }

    static Path examples(String name) {
        return source().resolve("examples/data").resolve(name);
    }

    static Path testData(String name) {
        return source().resolve("tests/data").resolve(name);
    }

    static byte[] bytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path cangnan() {
        return examples("cangnan-2020.json");
    }

    static Path sample2021() {
        return examples("sample-2021.json");
    }

    /** Runs a call that must fail with {@code status}; returns its exception for more checks. */
    static XxgkException fails(Status status, Executable call) {
        XxgkException e = assertThrows(XxgkException.class, call);
        assertEquals(status, e.status(), e.getMessage());
        assertEquals(status.code(), e.code());
        assertFalse(e.problems().isEmpty());
        return e;
    }

    /** An empty report of a format with a body and a year, as tests/c/c_multi_test.c makes them. */
    static Report unit(Format format, String body, int year) {
        Report r = Report.create(format);
        r.setField("header.body", body);
        r.setField("header.year", Integer.toString(year));
        return r;
    }
}
