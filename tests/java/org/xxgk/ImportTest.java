package org.xxgk;

import static org.xxgk.TestData.fails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Importer: text (UTF-8, GB18030, UTF-16), HTML, PDF, Word; the log; options; every error status. */
class ImportTest {

    private static final Path TEXT = TestData.testData("import/cangnan-2020-annual-report.txt");

    @Test
    void textAsPublished() {
        try (ImportResult r = Importer.importBytes(TestData.bytes(TEXT), ImportOptions.DEFAULTS)) {
            assertEquals(Format.F2019, r.report().format());
            assertEquals(new BigDecimal(228), r.report().cell("requests.total.total").value());
            assertEquals(CellState.BLANK, r.report().cell("requests.withheld_prohibited_by_law.total").state());
            assertTrue(r.logJson().startsWith("["));
            assertTrue(r.logJson().contains("\"XXGK-I-090\""));
            assertTrue(r.logJson().contains("\"XXGK-I-050\""));
            // The imported report has the real defect of the published one.
            try (Findings f = r.report().validate()) {
                assertTrue(f.stream().anyMatch(x -> x.code().equals("XXGK-T3-004") && x.key().equals("requests.withheld_prohibited_by_law.total")),
                           f.toString());
            }
        }
        try (ImportResult gb = Importer.importFile(TestData.testData("import/cangnan-2020-gb18030.txt"));
             ImportResult utf16 = Importer.importFile(TestData.testData("import/cangnan-2020-utf16le.txt"), ImportOptions.DEFAULTS)) {
            assertEquals(new BigDecimal(228), gb.report().cell("requests.total.total").value());
            assertEquals(new BigDecimal(228), utf16.report().cell("requests.total.total").value());
            assertTrue(utf16.logJson().contains("UTF-16LE"));
        }
    }

    @Test
    void optionsForceKindFormatYear() {
        ImportOptions o = ImportOptions.of(SourceKind.TEXT).withFormat(Format.F2019).withYear(2020);
        assertEquals(new ImportOptions(SourceKind.TEXT, Format.F2019, 2020, 0), o);
        try (ImportResult r = Importer.importBytes(TestData.bytes(TEXT), o)) {
            assertTrue(r.logJson().contains("forced by the caller"));
            assertTrue(r.logJson().contains("\"XXGK-I-005\""));
            assertEquals("2020", r.report().field("header.year").orElseThrow());
        }
        fails(Status.LIMIT_EXCEEDED, () -> Importer.importBytes(TestData.bytes(TEXT), ImportOptions.DEFAULTS.withMaxInputBytes(100)));
        fails(Status.INVALID_ARGUMENT, () -> ImportOptions.DEFAULTS.withMaxInputBytes(-1));
    }

    @Test
    void anImageIsReadByOcr() {
        assertEquals(5, SourceKind.IMAGE.code());  // XXGK_SOURCE_IMAGE
        // A blank 1×1 PNG: OCR runs and finds no text (not refused as an unknown or unavailable kind).
        byte[] png = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC");
        fails(Status.INVALID_VALUE, () -> Importer.importBytes(png, ImportOptions.of(SourceKind.IMAGE)));
        fails(Status.INVALID_VALUE, () -> Importer.importBytes(png, ImportOptions.DEFAULTS));
    }

    @Test
    void everyKindOfSource() {
        try (ImportResult html = Importer.importFile(TestData.testData("import/sample-2021.html"), ImportOptions.of(SourceKind.HTML));
             Report sample = Report.fromFile(TestData.sample2021())) {
            assertEquals(Format.F2021, html.report().format());
            assertEquals(sample.cell("requests.total.total").value(), html.report().cell("requests.total.total").value());
        }
        try (ImportResult pdf = Importer.importFile(TestData.testData("import/pdf/hongze-2023.pdf"))) {
            assertEquals(Format.F2021, pdf.report().format());
        }
        try (ImportResult docx = Importer.importFile(TestData.testData("import/docx/blanks-2021.docx"), ImportOptions.of(SourceKind.DOCX))) {
            assertEquals(Format.F2021, docx.report().format());
        }
    }

    @Test
    void errors() {
        fails(Status.INVALID_VALUE, () -> Importer.importBytes("minutes of a meeting".getBytes(StandardCharsets.UTF_8), ImportOptions.DEFAULTS));
        XxgkException legacy = fails(Status.UNSUPPORTED_KIND, () -> Importer.importBytes(
            new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, ' ', 'x'}, ImportOptions.DEFAULTS));
        assertTrue(legacy.getMessage().contains("soffice"), legacy.getMessage());
        fails(Status.NO_TEXT_LAYER, () -> Importer.importFile(TestData.testData("import/pdf/image-only.pdf")));
        fails(Status.ENCRYPTED, () -> Importer.importFile(TestData.testData("import/pdf/encrypted.pdf")));
        fails(Status.INVALID_VALUE, () -> Importer.importFile(TestData.testData("import/pdf/truncated.pdf")));
        XxgkException device = fails(Status.IO, () -> Importer.importFile(Path.of("/dev/zero")));
        assertTrue(device.getMessage().contains("device"), device.getMessage());
        fails(Status.IO, () -> Importer.importFile(TestData.testData("import")));
        fails(Status.IO, () -> Importer.importFile(TestData.testData("import/no-such-file.txt")));
        fails(Status.INVALID_VALUE, () -> Importer.importBytes(new byte[0], ImportOptions.DEFAULTS));
        fails(Status.INVALID_ARGUMENT, () -> Importer.importBytes(null, ImportOptions.DEFAULTS));
        fails(Status.INVALID_ARGUMENT, () -> Importer.importBytes(new byte[1], null));
        fails(Status.INVALID_ARGUMENT, () -> Importer.importFile(null));
        fails(Status.INVALID_ARGUMENT, () -> Importer.importFile(TEXT, null));
    }
}
