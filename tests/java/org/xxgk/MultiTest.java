package org.xxgk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Reports: 汇总 aggregation with provenance, the reverse check, the cross-year series, narrative figures. */
class MultiTest {
    @Test
    void aggregateSumsAndKeepsProvenance() {
        try (Report a = TestData.unit(Format.F2019, "甲局", 2020); Report b = TestData.unit(Format.F2019, "乙镇", 2020);
             Report c = TestData.unit(Format.F2019, "丙街道", 2020)) {
            a.setCell("requests.granted.natural_person", 3);
            c.setCell("requests.granted.natural_person", 4);
            List<Report> parts = List.of(a, b, c);
            try (Aggregation sum = Reports.aggregate(parts)) {
                assertEquals(Format.F2019, sum.report().format());
                assertEquals(new BigDecimal(7), sum.report().cell("requests.granted.natural_person").value());
                assertEquals(CellState.BLANK, sum.report().cell("requests.granted.enterprise").state());
                assertEquals("2020", sum.report().field("header.year").orElseThrow());
                assertEquals(Keys.count(Format.F2019), sum.sources().size());
                int i = (int) Keys.find(Format.F2019, "requests.granted.natural_person").index();
                CellSources s = sum.sources().get(i);
                assertEquals("requests.granted.natural_person", s.key());
                assertEquals(List.of(0, 2), s.summed());
                assertEquals(List.of(1), s.blank());
                assertEquals(List.of(), s.unknown());

                // The reverse check: the sum checks clean; a changed cell is XXGK-A-001.
                try (Findings clean = Reports.checkAggregate(sum.report(), parts)) {
                    assertEquals(0, clean.size());
                }
                sum.report().setCell("requests.granted.natural_person", 6);
                try (Findings f = Reports.checkAggregate(sum.report(), parts)) {
                    assertEquals(1, f.size());
                    Finding only = f.get(0);
                    assertEquals("XXGK-A-001", only.code());
                    assertEquals("requests.granted.natural_person", only.key());
                    assertEquals("≥ 7", only.expected());
                    assertEquals("6", only.actual());
                    assertEquals("requests.granted.natural_person@parts/2", only.cells().get(2));
                    assertEquals(1, f.errorCount());
                }
            }
        }
    }

    @Test
    void aggregateErrorsNameTheOffendingPart() {
        try (Report a = TestData.unit(Format.F2019, "甲局", 2020); Report other = TestData.unit(Format.F2019, "丁镇", 2019);
             Report newer = TestData.unit(Format.F2021, "戊镇", 2021)) {
            XxgkException e = assertThrows(XxgkException.class, () -> Reports.aggregate(List.of(a, other)));
            assertEquals(Status.INVALID_VALUE, e.status());
            assertEquals("/1", e.location());
            assertTrue(e.getMessage().contains("丁镇"), e.getMessage());
            assertEquals(Status.WRONG_FORMAT, assertThrows(XxgkException.class, () -> Reports.aggregate(List.of(a, newer))).status());
            assertEquals(Status.INVALID_VALUE, assertThrows(XxgkException.class, () -> Reports.aggregate(List.of())).status());
            assertEquals(Status.WRONG_FORMAT,
                         assertThrows(XxgkException.class, () -> Reports.checkAggregate(newer, List.of(a))).status());
            XxgkException nullPart = assertThrows(XxgkException.class, () -> Reports.aggregate(Arrays.asList(a, null)));
            assertEquals(Status.INVALID_ARGUMENT, nullPart.status());
            assertEquals("argument 'parts[1]' is null", nullPart.getMessage());
            assertEquals(Status.INVALID_ARGUMENT, assertThrows(XxgkException.class, () -> Reports.aggregate(null)).status());
            assertEquals(Status.INVALID_ARGUMENT,
                         assertThrows(XxgkException.class, () -> Reports.checkAggregate(null, List.of(a))).status());
            other.close();
            assertEquals(Status.MISUSE, assertThrows(XxgkException.class, () -> Reports.aggregate(List.of(a, other))).status());
        }
    }

    @Test
    void seriesFindsTheCarriedOverMismatch() {
        try (Report y2020 = TestData.unit(Format.F2019, "测试县人民政府", 2020);
             Report y2021 = TestData.unit(Format.F2021, "测试县人民政府", 2021)) {
            y2020.setCell("requests.carried_forward.total", 12);
            y2021.setCell("requests.carried_over.total", 6);
            try (Findings f = Reports.validateSeries(List.of(y2020, y2021))) {
                assertEquals(1, f.size());
                assertEquals("XXGK-Y-001", f.get(0).code());
                assertEquals("R8", f.get(0).rule());
                assertEquals(Severity.WARNING, f.get(0).severity());
                assertEquals(List.of("requests.carried_over.total@2021", "requests.carried_forward.total@2020"),
                             f.get(0).cells().subList(0, 2));
            }
            y2021.setField("header.body", "另一县人民政府");
            XxgkException e = assertThrows(XxgkException.class, () -> Reports.validateSeries(List.of(y2020, y2021)));
            assertEquals(Status.INVALID_VALUE, e.status());
            assertEquals("/1", e.location());
            assertEquals(Status.INVALID_ARGUMENT, assertThrows(XxgkException.class, () -> Reports.validateSeries(null)).status());
        }
    }

    @Test
    void narrativeFiguresOfTheCangnanReport() {
        try (Report seed = Report.fromFile(TestData.cangnan()); Findings f = seed.checkNarrative()) {
            assertEquals(1, f.size());
            assertEquals("XXGK-N-006", f.get(0).code());
            assertEquals(Severity.WARNING, f.get(0).severity());
            assertEquals("45", f.get(0).expected());
            assertEquals("38", f.get(0).actual());
            assertEquals("/overview/subsections/2/paragraphs/0", f.get(0).pointer());
        }
    }
}
