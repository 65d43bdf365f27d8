package org.xxgk;

import static org.xxgk.TestData.fails;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Report: loading, JSON, cells, fields, validation, rendering, lifetime, and every error path. */
class ReportTest {

    // ---- the 苍南 example: exactly its findings

    @Test
    void cangnanGivesExactlyItsFindings() {
        try (Report r = Report.fromFile(TestData.cangnan()); Findings f = r.validate()) {
            assertEquals(Format.F2019, r.format());
            assertEquals(2, f.size(), f.toString());
            Finding root = f.get(0);
            assertEquals("XXGK-T3-004", root.code());
            assertEquals(Severity.ERROR, root.severity());
            assertEquals("requests.withheld_prohibited_by_law.total", root.key());
            assertEquals("/requests/withheld_prohibited_by_law/total", root.pointer());
            assertEquals("2", root.expected());
            assertEquals("blank", root.actual());
            assertEquals("", root.causedBy());
            assertTrue(root.cells().contains("requests.withheld_prohibited_by_law.total"), root.cells().toString());
            assertTrue(root.messageZh().contains("总计"), root.messageZh());
            assertEquals(root.messageEn(), root.message(Language.EN));
            assertEquals(root.messageZh(), root.message(Language.ZH));
            fails(Status.INVALID_ARGUMENT, () -> root.message(null));
            Finding follows = f.get(1);
            assertEquals(Severity.INFO, follows.severity());
            assertEquals("XXGK-T3-004 requests.withheld_prohibited_by_law.total", follows.causedBy());
            assertEquals(1, f.errorCount());
            // The JSON form says the same.
            String json = f.toJson();
            assertTrue(json.startsWith("[{\"code\":\"XXGK-T3-004\""), json);
            assertTrue(json.contains("\"caused_by\":\"XXGK-T3-004 requests.withheld_prohibited_by_law.total\""), json);
            // Options: infos dropped; a cap of one finding ends with XXGK-L-001.
            try (Findings noInfo = r.validate(ValidateOptions.DEFAULTS.withOmitInfo(true))) {
                assertEquals(List.of(root), noInfo);
            }
            try (Findings capped = r.validate(ValidateOptions.DEFAULTS.withMaxFindings(1))) {
                assertEquals("XXGK-L-001", capped.get(capped.size() - 1).code());
            }
        }
    }

    @Test
    void sampleReportIsClean() {
        try (Report r = Report.fromFile(TestData.sample2021()); Findings f = r.validate()) {
            assertEquals(Format.F2021, r.format());
            assertEquals(List.of(), f);
            assertEquals(0, f.errorCount());
            assertEquals("[]", f.toJson());
        }
    }

    // ---- loading and JSON

    @Test
    void roundTripIsByteIdentical() {
        for (Path path : List.of(TestData.cangnan(), TestData.sample2021())) {
            byte[] file = TestData.bytes(path);
            try (Report r = Report.fromJson(file)) {
                byte[] once = r.toJsonBytes();
                try (Report again = Report.fromJson(once)) {
                    assertArrayEquals(once, again.toJsonBytes());
                    assertTrue(r.contentEquals(again));
                    assertEquals(new String(once, StandardCharsets.UTF_8), again.toJson());
                }
                try (Report fromString = Report.fromJson(new String(file, StandardCharsets.UTF_8))) {
                    assertArrayEquals(once, fromString.toJsonBytes());
                }
                try (Report fromFile = Report.fromFile(path)) {
                    assertArrayEquals(once, fromFile.toJsonBytes());
                }
            }
        }
    }

    @Test
    void decodingErrorsCarryEveryProblem() {
        // Syntax: offset, line and column.
        XxgkException syntax = fails(Status.INVALID_JSON, () -> Report.fromJson("{\n  \"format\": \"2019\",\n  x"));
        assertEquals(3, syntax.line());
        assertEquals(3, syntax.column());
        assertEquals(24, syntax.offset().orElseThrow());  // the "x"
        assertEquals("", syntax.location());
        assertEquals(1, syntax.problems().size());
        assertEquals(24, syntax.problems().get(0).offset());
        assertEquals(24, syntax.problems().get(0).byteOffset().orElseThrow());
        // Several problems, each with its JSON Pointer, the decoder does not stop at the first.
        XxgkException many = fails(Status.WRONG_TYPE, () -> Report.fromJson(
            "{\"format\":\"2019\",\"header\":{\"body\":1,\"year\":\"x\",\"bogus\":true}}"));
        List<String> pointers = many.problems().stream().map(Problem::pointer).toList();
        assertTrue(pointers.contains("/header/body"), pointers.toString());
        assertTrue(pointers.contains("/header/year"), pointers.toString());
        assertTrue(pointers.contains("/header/bogus"), pointers.toString());
        assertTrue(many.problems().size() >= 3);
        assertEquals(many.problems().get(0).pointer(), many.location());
        assertTrue(many.problems().get(0).toString().startsWith("wrong_type at '/header/body'"), many.problems().get(0).toString());
        assertFalse(many.problems().get(0).byteOffset().isPresent() && many.problems().get(0).line() == 0);
        // Invalid UTF-8 in bytes: the offset of the first bad byte.
        XxgkException utf8 = fails(Status.INVALID_UTF8, () -> Report.fromJson(new byte[] {'{', '"', (byte) 0xff, '"'}));
        assertEquals(2, utf8.offset().orElseThrow());
        // A Java string that is not Unicode (lone surrogate) is refused, never turned into "?".
        fails(Status.INVALID_UTF8, () -> Report.fromJson("{\"format\":\"\ud800\"}"));
        fails(Status.INVALID_JSON, () -> Report.fromJson(new byte[0]));
        fails(Status.INVALID_JSON, () -> Report.fromJson(""));
        // A missing file.
        XxgkException io = fails(Status.IO, () -> Report.fromFile(TestData.examples("no-such-report.json")));
        assertTrue(io.getMessage().contains("no-such-report.json"), io.getMessage());
    }

    @Test
    void loadOptionsAreHonoured() {
        String lax = new String(TestData.bytes(TestData.sample2021()), StandardCharsets.UTF_8)
            .replaceFirst("\"header\": *\\{", "\"header\":{\"x_extra\":1,");
        assertTrue(lax.contains("\"x_extra\":1"));
        XxgkException strict = fails(Status.UNKNOWN_MEMBER, () -> Report.fromJson(lax));
        assertEquals("/header/x_extra", strict.location());
        try (Report r = Report.fromJson(lax, LoadOptions.DEFAULTS.withKeepUnknownMembers(true))) {
            assertTrue(r.toJson().contains("\"x_extra\":1"), r.toJson());
        }
        byte[] file = TestData.bytes(TestData.sample2021());
        fails(Status.LIMIT_EXCEEDED, () -> Report.fromJson(file, LoadOptions.DEFAULTS.withMaxInputBytes(file.length - 1)));
        Report.fromJson(file, LoadOptions.DEFAULTS.withMaxInputBytes(file.length)).close();
        fails(Status.LIMIT_EXCEEDED, () -> Report.fromJson(file, LoadOptions.DEFAULTS.withMaxDepth(2)));
        fails(Status.LIMIT_EXCEEDED, () -> Report.fromJson(file, LoadOptions.DEFAULTS.withMaxStringBytes(10)));
        XxgkException cut = fails(Status.WRONG_TYPE, () -> Report.fromJson(
            "{\"format\":\"2019\",\"header\":{\"body\":1,\"scope\":2,\"level\":3,\"title\":4}}", LoadOptions.DEFAULTS.withMaxProblems(2)));
        assertEquals(3, cut.problems().size());
        assertEquals(Status.LIMIT_EXCEEDED, cut.problems().get(2).status());
        fails(Status.INVALID_ARGUMENT, () -> LoadOptions.DEFAULTS.withMaxDepth(-1));
        fails(Status.IO, () -> Report.fromFile(TestData.examples("no-such.json"), LoadOptions.DEFAULTS));
    }

    @Test
    void jsonPartsAndFields() {
        try (Report r = Report.fromFile(TestData.cangnan())) {
            assertEquals("\"苍南县人民政府\"", r.getJson("/header/body"));
            assertEquals("228", r.getJson("/requests/total/total"));
            assertEquals(r.toJson(), r.getJson(""));
            assertEquals("null", r.getJson("/header/contact/email"));
            fails(Status.INVALID_ARGUMENT, () -> r.getJson("header"));
            fails(Status.UNKNOWN_KEY, () -> r.getJson("/header/nothing"));

            assertEquals(Optional.of("苍南县人民政府"), r.field("header.body"));
            assertEquals(Optional.of("2020"), r.field("header.year"));
            assertEquals(Optional.of("2020-01-01"), r.field("header.statistics_period.start"));
            assertEquals(Optional.of("compiled"), r.field("header.scope"));
            assertEquals(Optional.empty(), r.field("header.contact.email"));
            fails(Status.UNKNOWN_KEY, () -> r.field("header.nothing"));
            fails(Status.WRONG_TYPE, () -> r.field("header.contact"));

            r.setField("header.contact.email", "gk@cncn.gov.cn");
            assertEquals(Optional.of("gk@cncn.gov.cn"), r.field("header.contact.email"));
            XxgkException date = fails(Status.INVALID_VALUE, () -> r.setField("header.statistics_period.start", "2020-13-01"));
            assertEquals("/header/statistics_period/start", date.location());
            assertEquals(Optional.of("2020-01-01"), r.field("header.statistics_period.start"));  // unchanged
            fails(Status.INVALID_VALUE, () -> r.setField("header.scope", "everything"));

            r.setJson("/header/contact/email", "null");
            assertEquals(Optional.empty(), r.field("header.contact.email"));
            r.setJson("/requests/total/total", "229");
            assertEquals(new BigDecimal(229), r.cell("requests.total.total").value());
            XxgkException bad = fails(Status.WRONG_TYPE, () -> r.setJson("/header/year", "\"x\""));
            assertEquals("/header/year", bad.location());
            fails(Status.INVALID_JSON, () -> r.setJson("/header/year", "{"));
            fails(Status.UNKNOWN_KEY, () -> r.setJson("/header/nothing", "1"));
            r.setJson("/header/legal_bases/-", "\"《新依据》\"");
            assertEquals(Optional.of("《新依据》"), r.field("header.legal_bases.3"));
            fails(Status.NOT_FOUND, () -> r.setJson("/header/legal_bases/9", "\"x\""));
            // "" replaces the whole report, the format may change.
            r.setJson("", new String(TestData.bytes(TestData.sample2021()), StandardCharsets.UTF_8));
            assertEquals(Format.F2021, r.format());
        }
    }

    // ---- cells

    @Test
    void cellsReadAndWrite() {
        try (Report r = Report.fromFile(TestData.sample2021())) {
            Cell fees = r.cell("proactive.fees.amount");
            assertEquals(CellState.NUMBER, fees.state());
            assertTrue(fees.isNumber());
            assertEquals(CellKind.AMOUNT_WAN_YUAN, fees.kind());
            assertEquals(new BigDecimal("36.482571"), fees.value());
            assertEquals(Optional.of(new BigDecimal("36.482571")), fees.number());
            assertEquals("36.482571", fees.raw());
            assertEquals(Optional.of("36.482571"), fees.rawText());
            assertEquals(Unit.NONE, fees.unit());

            Cell licensing = r.cell("proactive.licensing.decisions");
            assertEquals(new Cell(CellState.NUMBER, CellKind.COUNT, Unit.NONE, new BigDecimal(486), null), licensing);

            r.setCell("requests.granted.enterprise", -3);
            assertEquals(new BigDecimal(-3), r.cell("requests.granted.enterprise").value());
            assertNull(r.cell("requests.granted.enterprise").raw());

            r.setCell("proactive.fees.amount", new BigDecimal("17424.880"), Unit.WAN_YUAN);
            Cell money = r.cell("proactive.fees.amount");
            assertEquals(new BigDecimal("17424.880"), money.value());  // the scale is kept
            assertEquals(Unit.WAN_YUAN, money.unit());
            fails(Status.INVALID_VALUE, () -> r.setCell("proactive.fees.amount", new BigDecimal("1e-19"), Unit.NONE));
            fails(Status.INVALID_VALUE, () -> r.setCell("proactive.fees.amount", new BigDecimal("1e19"), Unit.NONE));

            r.setCell("requests.granted.research_institute", CellState.NOT_APPLICABLE, "不适用");
            Cell na = r.cell("requests.granted.research_institute");
            assertEquals(CellState.NOT_APPLICABLE, na.state());
            assertEquals("不适用", na.raw());
            assertNull(na.value());
            assertEquals(Optional.empty(), na.number());
            r.setCell("requests.granted.research_institute", CellState.BLANK, null);
            assertEquals(new Cell(CellState.BLANK, CellKind.COUNT, Unit.NONE, null, null), r.cell("requests.granted.research_institute"));
            r.setCell("requests.granted.research_institute", CellState.TEXT, "见附件");
            assertEquals(CellState.TEXT, r.cell("requests.granted.research_institute").state());
            r.setCell("requests.granted.research_institute", CellState.NOT_CAPTURED, null);
            assertEquals(CellState.NOT_CAPTURED, r.cell("requests.granted.research_institute").state());
            fails(Status.INVALID_ARGUMENT, () -> r.setCell("requests.granted.research_institute", CellState.NUMBER, "1"));

            XxgkException unknown = fails(Status.UNKNOWN_KEY, () -> r.cell("requests.nothing.total"));
            assertEquals("requests.nothing.total", unknown.location());
            // A key of the other format: the message says so.
            XxgkException other = fails(Status.UNKNOWN_KEY, () -> r.cell("proactive.fees.prior_items"));
            assertTrue(other.getMessage().contains("2019"), other.getMessage());
            fails(Status.UNKNOWN_KEY, () -> r.setCell("requests.nothing.total", 1));
            fails(Status.UNKNOWN_KEY, () -> r.setCell("requests.nothing.total", BigDecimal.ONE, Unit.NONE));
            fails(Status.UNKNOWN_KEY, () -> r.setCell("requests.nothing.total", CellState.BLANK, null));
        }
    }

    @Test
    void createCopyAndCompare() {
        try (Report empty = Report.create(Format.F2019)) {
            assertEquals(Format.F2019, empty.format());
            assertEquals(CellState.BLANK, empty.cell("requests.total.total").state());
            try (Findings f = empty.validate()) {
                assertTrue(f.errorCount() > 0);  // the header is missing
                assertTrue(f.stream().anyMatch(x -> x.pointer().equals("/header/body")), f.toString());
            }
            try (Report copy = empty.copy()) {
                assertTrue(copy.contentEquals(empty));
                copy.setCell("requests.total.total", 1);
                assertFalse(copy.contentEquals(empty));
                assertEquals(CellState.BLANK, empty.cell("requests.total.total").state());
                assertNotEquals(copy, empty);  // equals is identity
            }
        }
        fails(Status.INVALID_ARGUMENT, () -> Report.create(null));
        assertEquals(Format.F2021, Format.of(2021));
        fails(Status.INVALID_ARGUMENT, () -> Format.of(2020));
    }

    // ---- rendering

    @Test
    void renderEveryKind() {
        try (Report r = Report.fromFile(TestData.cangnan()); Findings f = r.validate()) {
            String page = r.render(RenderKind.HTML);
            assertTrue(page.startsWith("<!DOCTYPE html>"), page.substring(0, 40));
            assertFalse(page.contains("data-findings="), "nothing highlighted");
            String fragment = r.render(RenderKind.HTML_FRAGMENT);
            assertTrue(fragment.startsWith("<article class=\"xxgk-report"), fragment.substring(0, 40));
            assertTrue(fragment.contains("data-key=\"requests.total.total\""));
            String marked = r.render(RenderKind.HTML, RenderOptions.DEFAULTS.withFindings(f).withLanguage(Language.EN));
            assertTrue(marked.contains(" xxgk-finding xxgk-severity-error\" data-key=\"requests.withheld_prohibited_by_law.total\" data-findings=\"XXGK-T3-004"),
                       "the cell of the finding highlighted");
            assertTrue(marked.contains(f.get(0).messageEn().substring(0, 20).replace("\"", "&quot;")));
            String markdown = r.render(RenderKind.MARKDOWN);
            assertTrue(markdown.contains("|"));
            assertEquals(r.cellsCsv(), r.render(RenderKind.CSV_LONG));
            assertTrue(r.cellsCsv().startsWith("key,section,row_label,column_label,value,state,unit,raw\n"));
            assertTrue(r.cellsCsv().contains("requests.total.total,"));
            // The official tables.
            List<CsvTable> tables = r.csvTables();
            assertEquals(Xxgk.csvTableCount(Format.F2019), tables.size());
            assertEquals(tables.get(0), r.csvTable(0));
            assertTrue(tables.stream().anyMatch(t -> t.name().equals("requests")), tables.toString());
            fails(Status.NOT_FOUND, () -> r.csvTable(tables.size()));
            fails(Status.INVALID_ARGUMENT, () -> r.csvTable(-1));
            // Closed findings cannot be highlighted.
            f.close();
            assertEquals(2, f.size());  // the list stays readable
            assertTrue(f.isClosed());
            fails(Status.MISUSE, () -> r.render(RenderKind.HTML, RenderOptions.DEFAULTS.withFindings(f)));
            fails(Status.MISUSE, f::toJson);
            f.close();  // twice: nothing
        }
    }

    // ---- lifetime and misuse

    @Test
    void useAfterCloseIsAnException() {
        Report r = Report.fromFile(TestData.cangnan());
        assertFalse(r.isClosed());
        r.close();
        assertTrue(r.isClosed());
        r.close();  // twice: nothing
        List<Executable> uses = List.of(r::format, r::toJson, r::toJsonBytes, r::cellsCsv, r::validate, r::copy,
            r::checkNarrative, r::csvTables, () -> r.csvTable(0), () -> r.cell("requests.total.total"),
            () -> r.setCell("requests.total.total", 1), () -> r.setCell("requests.total.total", BigDecimal.ONE, Unit.NONE),
            () -> r.setCell("requests.total.total", CellState.BLANK, null), () -> r.field("header.body"),
            () -> r.setField("header.body", "x"), () -> r.getJson(""), () -> r.setJson("/header/body", "\"x\""),
            () -> r.render(RenderKind.HTML), () -> r.validate(ValidateOptions.DEFAULTS));
        for (Executable use : uses) {
            XxgkException e = fails(Status.MISUSE, use);
            assertEquals("the report is closed", e.getMessage());
        }
        try (Report open = Report.create(Format.F2019)) {
            fails(Status.MISUSE, () -> open.contentEquals(r));
            fails(Status.MISUSE, () -> r.contentEquals(open));
        }
    }

    @Test
    void nullArgumentsAreExceptions() {
        try (Report r = Report.create(Format.F2021)) {
            List<Executable> calls = List.of(() -> Report.fromJson((String) null), () -> Report.fromJson((byte[]) null),
                () -> Report.fromJson("{}", null), () -> Report.fromFile(null), () -> Report.fromFile(TestData.cangnan(), null),
                () -> r.cell(null), () -> r.setCell(null, 1), () -> r.setCell("requests.total.total", null, Unit.NONE),
                () -> r.setCell("requests.total.total", BigDecimal.ONE, null), () -> r.setCell("requests.total.total", (CellState) null, null),
                () -> r.field(null), () -> r.setField("header.body", null), () -> r.getJson(null), () -> r.setJson("", null),
                () -> r.validate(null), () -> r.render(null), () -> r.render(RenderKind.HTML, null), () -> r.contentEquals(null),
                () -> new RenderOptions(null, null), () -> new ImportOptions(null, null, 0, 0));
            for (Executable call : calls) {
                XxgkException e = fails(Status.INVALID_ARGUMENT, call);
                assertTrue(e.getMessage().startsWith("argument '"), e.getMessage());
            }
        }
    }

    @Test
    void cleanerReleasesForgottenReports() throws InterruptedException {
        // Reports never closed are released by the Cleaner once unreachable; nothing to observe but
        // that it neither crashes nor blocks (CyclesTest measures the memory).
        for (int i = 0; i < 200; ++i) Report.fromFile(TestData.cangnan()).validate();
        System.gc();
        Thread.sleep(100);
        try (Report r = Report.fromFile(TestData.cangnan())) {
            assertEquals(2, r.validate().size());
        }
    }
}
