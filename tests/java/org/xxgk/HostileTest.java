package org.xxgk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The hostile-input corpus of the C++ and C tests (tests/data/hostile/cases.json, docs/security.md)
 * fed through Java: every JSON case gives exactly its problems (code, JSON Pointer, offset) or its
 * findings, and what decodes survives a JSON round trip and renders; every import case gives its
 * status, or its report and log, and never imports what it must not.
 */
class HostileTest {
    private static JsonArray cases() {
        return JsonParser.parseString(new String(TestData.bytes(TestData.testData("hostile/cases.json")), StandardCharsets.UTF_8))
                         .getAsJsonArray();
    }

    /** The input of a case: its file, or prefix + repeat × count + suffix. */
    private static byte[] input(JsonObject c) {
        if (c.has("generate")) {
            JsonObject g = c.getAsJsonObject("generate");
            StringBuilder s = new StringBuilder(g.get("prefix").getAsString());
            s.append(g.get("repeat").getAsString().repeat(g.get("count").getAsInt()));
            s.append(g.get("suffix").getAsString());
            return s.toString().getBytes(StandardCharsets.UTF_8);
        }
        return TestData.bytes(TestData.testData("hostile/" + c.get("input").getAsString()));
    }

    /** The offset of the first byte that is not (strict) UTF-8, by Java's own decoder; -1 when all are. */
    private static long firstBadUtf8(byte[] input) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(input);
        CharBuffer out = CharBuffer.allocate(input.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        return r.isError() ? in.position() : -1;
    }

    private static LoadOptions options(JsonObject c) {
        LoadOptions o = LoadOptions.DEFAULTS;
        if (!c.has("options")) return o;
        for (Map.Entry<String, JsonElement> kv : c.getAsJsonObject("options").entrySet()) {
            switch (kv.getKey()) {
                case "strict" -> o = o.withKeepUnknownMembers(!kv.getValue().getAsBoolean());
                case "max_input_bytes" -> o = o.withMaxInputBytes(kv.getValue().getAsLong());
                case "max_depth" -> o = o.withMaxDepth(kv.getValue().getAsLong());
                case "max_string_bytes" -> o = o.withMaxStringBytes(kv.getValue().getAsLong());
                case "max_problems" -> o = o.withMaxProblems(kv.getValue().getAsLong());
                default -> fail("unknown option " + kv.getKey());
            }
        }
        return o;
    }

    private static String describe(List<Problem> problems) {
        StringBuilder s = new StringBuilder();
        for (Problem p : problems) s.append("\n  ").append(p.status().cName()).append(" '").append(p.pointer()).append("' @").append(p.offset());
        return s.toString();
    }

    /** What holds for every report that decodes or imports: it survives JSON and renders. */
    private static void checkReport(Report r, Findings findings, boolean lax) {
        byte[] once = r.toJsonBytes();
        LoadOptions back = LoadOptions.DEFAULTS.withKeepUnknownMembers(lax).withMaxDepth(1000).withMaxStringBytes(Long.MAX_VALUE);
        try (Report again = Report.fromJson(once, back)) {
            assertTrue(again.contentEquals(r), "the round trip lost something");
            assertArrayEquals(once, again.toJsonBytes());
        }
        String html = r.render(RenderKind.HTML, RenderOptions.DEFAULTS.withFindings(findings));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertFalse(html.contains("<script"), "a report's text became markup");
    }

    private static void runJson(JsonObject c) {
        byte[] input = input(c);
        LoadOptions options = options(c);
        JsonObject expect = c.getAsJsonObject("expect");
        Report report;
        try {
            report = Report.fromJson(input, options);
        } catch (XxgkException e) {
            if (!expect.has("problems")) throw new AssertionError("expected findings, got problems:" + describe(e.problems()), e);
            long bad = firstBadUtf8(input);
            if (bad >= 0) {
                // The C ABI checks the bytes before the JSON parser sees them (xxgk.h, "Strings"): input
                // that is not UTF-8 is XXGK_E_INVALID_UTF8 at its first bad byte, where the C++ decoder
                // of the corpus reports invalid_json.
                assertEquals("invalid_json", expect.getAsJsonArray("problems").get(0).getAsJsonObject().get("code").getAsString());
                assertEquals(Status.INVALID_UTF8, e.status());
                assertEquals(1, e.problems().size(), describe(e.problems()));
                assertEquals(bad, e.offset().orElseThrow(), "the offset of the first byte that is not UTF-8");
                return;
            }
            JsonArray want = expect.getAsJsonArray("problems");
            assertEquals(want.size(), e.problems().size(), "problems:" + describe(e.problems()));
            for (int i = 0; i < want.size(); ++i) {
                JsonObject w = want.get(i).getAsJsonObject();
                Problem p = e.problems().get(i);
                assertEquals(w.get("code").getAsString(), p.status().cName(), "problem " + i);
                assertEquals(w.get("pointer").getAsString(), p.pointer(), "problem " + i);
                if (w.has("offset")) {
                    assertEquals(w.get("offset").getAsLong(), p.offset(), "problem " + i);
                    assertNotEquals(0, p.line());
                    assertNotEquals(0, p.column());
                }
                assertFalse(p.message().isEmpty());
            }
            assertEquals(e.problems().get(0).status(), e.status());
            return;
        }
        try (report; Findings found = report.validate()) {
            if (!expect.has("findings")) fail("expected problems, the input decoded");
            JsonArray want = expect.getAsJsonArray("findings");
            assertEquals(want.size(), found.size(), "findings: " + found);
            for (int i = 0; i < want.size(); ++i) {
                JsonObject w = want.get(i).getAsJsonObject();
                assertEquals(w.get("code").getAsString(), found.get(i).code(), "finding " + i);
                assertEquals(w.get("pointer").getAsString(), found.get(i).pointer(), "finding " + i);
                if (w.has("actual")) assertEquals(w.get("actual").getAsString(), found.get(i).actual(), "finding " + i);
            }
            checkReport(report, found, options.keepUnknownMembers());
        }
    }

    private static ImportOptions kind(String kind) {
        return ImportOptions.of(switch (kind) {
            case "text" -> SourceKind.TEXT;
            case "html" -> SourceKind.HTML;
            case "pdf" -> SourceKind.PDF;
            case "docx" -> SourceKind.DOCX;
            case "image" -> SourceKind.IMAGE;
            default -> throw new AssertionError("unknown kind " + kind);
        });
    }

    private static void runImport(JsonObject c) {
        String kind = c.get("kind").getAsString();
        JsonObject expect = c.getAsJsonObject("expect");
        ImportResult result;
        try {
            result = Importer.importBytes(input(c), kind(kind));
        } catch (XxgkException e) {
            if (!expect.has("throws")) throw new AssertionError("the import threw " + e.status().cName(), e);
            assertEquals(expect.get("throws").getAsString(), e.status().cName(), e.getMessage());
            return;
        }
        try (result; Findings findings = result.report().validate()) {
            assertFalse(expect.has("throws"), "expected " + (expect.has("throws") ? expect.get("throws").getAsString() : "") + ", the import succeeded");
            Report r = result.report();
            if (expect.has("same_as")) {
                // The hostile part changed nothing: the same report as the clean source.
                try (ImportResult clean = Importer.importFile(TestData.testData(expect.get("same_as").getAsString()), kind(kind))) {
                    assertEquals(clean.report().toJson(), r.toJson());
                }
            }
            if (expect.has("imports")) {
                JsonObject w = expect.getAsJsonObject("imports");
                assertEquals(w.get("format").getAsString(), Integer.toString(r.format().number()));
                long numbers = 0, notCaptured = 0;
                for (KeyInfo k : Keys.all(r.format())) {
                    Cell cell = r.cell(k.key());
                    if (cell.isNumber()) ++numbers;
                    if (cell.state() == CellState.NOT_CAPTURED) ++notCaptured;
                }
                assertEquals(w.get("numbers").getAsLong(), numbers, "numbers");
                assertEquals(w.get("not_captured").getAsLong(), notCaptured, "not captured");
                for (JsonElement code : w.getAsJsonArray("log"))
                    assertTrue(result.logJson().contains("\"" + code.getAsString() + "\""), "the log must hold " + code);
            }
            String everything = r.toJson() + result.logJson();
            if (expect.has("absent"))
                for (JsonElement a : expect.getAsJsonArray("absent"))
                    assertFalse(everything.contains(a.getAsString()), "must not be imported: " + a.getAsString());
            checkReport(r, findings, false);
        }
    }

    @Test
    void theCorpusHasItsCases() {
        long json = 0;
        for (JsonElement e : cases()) json += e.getAsJsonObject().get("kind").getAsString().equals("json") ? 1 : 0;
        assertTrue(json >= 100, json + " JSON cases");
        assertTrue(cases().size() > json, "import cases too");
    }

    @TestFactory
    Stream<DynamicTest> everyCase() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonElement e : cases()) {
            JsonObject c = e.getAsJsonObject();
            String name = c.get("kind").getAsString() + " " + c.get("name").getAsString();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                if (c.get("kind").getAsString().equals("json")) runJson(c);
                else runImport(c);
            }));
        }
        return tests.stream();
    }
}
