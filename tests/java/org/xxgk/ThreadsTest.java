package org.xxgk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The C library's threading promise kept by the Java objects (docs/c-api.md, "Threads"): 8 threads
 * work on their own reports while all read one shared report and one shared findings object; two
 * threads on one report (one writing) need no lock of the caller's; a close while others use the
 * report is an exception for them, never a crash.
 */
class ThreadsTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 40;

    @Test
    void eightThreadsShareOneReadOnlyReport() throws Exception {
        try (Report shared = Report.fromFile(TestData.cangnan()); Findings sharedFindings = shared.validate()) {
            String sharedJson = shared.toJson();
            String sharedHtml = shared.render(RenderKind.HTML, RenderOptions.DEFAULTS.withFindings(sharedFindings));
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; ++t) {
                final int id = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int checks = 0;
                    for (int round = 0; round < ROUNDS; ++round) {
                        // Its own report: loaded, changed, validated.
                        try (Report own = Report.fromFile(id % 2 == 0 ? TestData.cangnan() : TestData.sample2021())) {
                            String key = "requests.granted.natural_person";
                            own.setCell(key, id * 1000L + round);
                            assertEquals(new BigDecimal(id * 1000L + round), own.cell(key).value());
                            try (Findings f = own.validate()) {
                                assertTrue(f.size() > 0);  // the changed cell breaks a sum
                            }
                        }
                        // The shared report and findings: only read.
                        assertEquals(sharedJson, shared.toJson());
                        assertEquals(new BigDecimal(228), shared.cell("requests.total.total").value());
                        try (Findings f = shared.validate()) {
                            assertEquals(sharedFindings, f);
                        }
                        assertEquals(sharedHtml, shared.render(RenderKind.HTML, RenderOptions.DEFAULTS.withFindings(sharedFindings)));
                        checks += 4;
                    }
                    return checks;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> r : results) total += r.get();
            pool.shutdown();
            assertEquals(THREADS * ROUNDS * 4, total);
            assertEquals(sharedJson, shared.toJson());
        }
    }

    @Test
    void twoThreadsOnOneReportOneWriting() throws Exception {
        try (Report r = Report.fromFile(TestData.sample2021())) {
            String key = "requests.granted.natural_person";
            AtomicBoolean done = new AtomicBoolean();
            Thread writer = new Thread(() -> {
                for (int i = 0; i < 2000; ++i) {
                    r.setCell(key, i);
                    r.setField("header.body", "机关" + i);
                }
                done.set(true);
            });
            AtomicInteger reads = new AtomicInteger();
            Thread reader = new Thread(() -> {
                while (!done.get()) {
                    BigDecimal v = r.cell(key).value();
                    assertTrue(v.signum() >= 0);
                    try (Report copy = Report.fromJson(r.toJson())) {  // a consistent snapshot every time
                        assertEquals(Format.F2021, copy.format());
                    }
                    reads.incrementAndGet();
                }
            });
            List<Throwable> failures = new ArrayList<>();
            Thread.UncaughtExceptionHandler h = (t, e) -> {
                synchronized (failures) {
                    failures.add(e);
                }
            };
            writer.setUncaughtExceptionHandler(h);
            reader.setUncaughtExceptionHandler(h);
            writer.start();
            reader.start();
            writer.join();
            reader.join();
            assertEquals(List.of(), failures);
            assertEquals(new BigDecimal(1999), r.cell(key).value());
            assertEquals("机关1999", r.field("header.body").orElseThrow());
            assertTrue(reads.get() > 0);
        }
    }

    @Test
    void closeWhileOthersReadIsAnExceptionForThem() throws Exception {
        for (int attempt = 0; attempt < 20; ++attempt) {
            Report r = Report.fromFile(TestData.cangnan());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<String>> outcomes = new ArrayList<>();
            for (int t = 0; t < 4; ++t)
                outcomes.add(pool.submit(() -> {
                    try {
                        while (true) {
                            try (Findings f = r.validate()) {
                                assertEquals(2, f.size());
                            }
                        }
                    } catch (XxgkException e) {
                        return e.status() + ": " + e.getMessage();
                    }
                }));
            Thread.sleep(5);
            r.close();
            for (Future<String> o : outcomes) assertEquals("MISUSE: the report is closed", o.get());
            pool.shutdown();
        }
    }
}
