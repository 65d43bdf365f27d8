package org.xxgk;

import static org.xxgk.TestData.fails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/** The static faces: versions, formats, keys with labels, the rule catalog, schema, CSS, statuses. */
class CatalogTest {

    @Test
    void versionsAndFormats() throws Exception {
        String version = Xxgk.versionString();
        assertTrue(version.matches("[0-9]+\\.[0-9]+\\.[0-9]+"), version);
        String[] parts = version.split("\\.");
        assertEquals(Long.parseLong(parts[0]) * 10000 + Long.parseLong(parts[1]) * 100 + Long.parseLong(parts[2]),
                     Xxgk.versionNumber());
        // The jar (its manifest) and the native library come from the same build.
        try (JarFile jar = new JarFile(Path.of(Report.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile())) {
            assertEquals(version, jar.getManifest().getMainAttributes().getValue("Implementation-Version"));
            assertEquals("org.xxgk", jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
        }
        assertEquals(List.of(Format.F2019, Format.F2021), Xxgk.formats());
        assertTrue(Xxgk.formatSupported(2019));
        assertTrue(Xxgk.formatSupported(2021));
        assertFalse(Xxgk.formatSupported(2020));
        assertEquals(2019, Format.F2019.number());
        assertEquals(7, Xxgk.csvTableCount(Format.F2019));
        assertEquals(6, Xxgk.csvTableCount(Format.F2021));
        fails(Status.INVALID_ARGUMENT, () -> Xxgk.csvTableCount(null));
    }

    @Test
    void keysWithTheirLabels() {
        assertEquals(198, Keys.count(Format.F2019));
        assertEquals(200, Keys.count(Format.F2021));
        KeyInfo k = Keys.find(Format.F2021, "requests.granted.enterprise");
        assertEquals("requests.granted.enterprise", k.key());
        assertEquals("/requests/granted/enterprise", k.pointer());
        assertEquals("requests", k.section());
        assertEquals("granted", k.row());
        assertEquals("enterprise", k.column());
        assertEquals(CellKind.COUNT, k.kind());
        assertEquals("（一）予以公开", k.rowLabel());
        assertEquals("商业企业", k.columnLabel());
        assertEquals("法人或其他组织", k.columnGroup());
        assertEquals("三、收到和处理政府信息公开申请情况", k.sectionLabel());
        assertEquals("三、本年度办理结果", k.rowGroups());
        assertEquals("三、收到和处理政府信息公开申请情况 › 三、本年度办理结果 › （一）予以公开 › 法人或其他组织 › 商业企业", k.labelPath());
        assertEquals(k, Keys.at(Format.F2021, k.index()));
        assertEquals(CellKind.AMOUNT_WAN_YUAN, Keys.find(Format.F2021, "proactive.fees.amount").kind());
        assertEquals(CellKind.AMOUNT, Keys.find(Format.F2019, "proactive.procurement.amount").kind());

        List<KeyInfo> all = Keys.all(Format.F2019);
        assertEquals(198, all.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < all.size(); ++i) {
            assertEquals(i, all.get(i).index());
            assertTrue(seen.add(all.get(i).key()));
            assertTrue(all.get(i).labelPath().startsWith(all.get(i).sectionLabel()));
        }
        fails(Status.NOT_FOUND, () -> Keys.at(Format.F2019, 198));
        fails(Status.INVALID_ARGUMENT, () -> Keys.at(Format.F2019, -1));
        XxgkException other = fails(Status.UNKNOWN_KEY, () -> Keys.find(Format.F2021, "proactive.fees.prior_items"));
        assertEquals("proactive.fees.prior_items", other.location());
        fails(Status.INVALID_ARGUMENT, () -> Keys.find(null, "x"));
        fails(Status.INVALID_ARGUMENT, () -> Keys.find(Format.F2019, null));
        fails(Status.INVALID_ARGUMENT, () -> Keys.count(null));
        fails(Status.INVALID_ARGUMENT, () -> Keys.all(null));
    }

    @Test
    void theRuleCatalog() {
        List<Rule> rules = Rules.all();
        assertEquals(Rules.count(), rules.size());
        assertTrue(rules.size() > 20);
        Rule t3 = Rules.find("XXGK-T3-004");
        assertEquals("XXGK-T3-004", t3.code());
        assertEquals(Severity.ERROR, t3.severity());
        assertFalse(t3.titleZh().isEmpty());
        assertFalse(t3.titleEn().isEmpty());
        assertTrue(t3.templateEn().contains("{"), t3.templateEn());
        assertFalse(t3.templateZh().isEmpty());
        assertFalse(t3.rule().isEmpty());
        assertTrue(rules.contains(t3));
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < rules.size(); ++i) {
            assertEquals(rules.get(i), Rules.at(i));
            assertEquals(rules.get(i), Rules.find(rules.get(i).code()));
            assertTrue(codes.add(rules.get(i).code()), "a code twice: " + rules.get(i).code());
            assertTrue(rules.get(i).code().startsWith("XXGK-"), rules.get(i).code());
        }
        assertTrue(codes.containsAll(List.of("XXGK-H-001", "XXGK-A-001", "XXGK-Y-001", "XXGK-P-017", "XXGK-L-001")));
        fails(Status.NOT_FOUND, () -> Rules.find("XXGK-NOPE-001"));
        fails(Status.NOT_FOUND, () -> Rules.at(rules.size()));
        fails(Status.INVALID_ARGUMENT, () -> Rules.at(-1));
        fails(Status.INVALID_ARGUMENT, () -> Rules.find(null));
    }

    @Test
    void schemaAndStylesheet() {
        String schema = Xxgk.jsonSchema(Format.F2021);
        assertTrue(schema.contains("https://json-schema.org/draft/2020-12/schema"), schema.substring(0, 100));
        assertTrue(schema.contains("\"additionalProperties\": false"));
        assertTrue(schema.contains("\"$id\": \"urn:xxgk:schema:report:2021\""));
        assertFalse(schema.equals(Xxgk.jsonSchema(Format.F2019)));
        fails(Status.INVALID_ARGUMENT, () -> Xxgk.jsonSchema(null));
        String css = Xxgk.renderCss();
        assertTrue(css.contains(".xxgk-value"), css.substring(0, Math.min(200, css.length())));
    }

    @Test
    void statusesMirrorTheC() {
        for (Status s : Status.values()) {
            if (s == Status.UNKNOWN) continue;
            assertEquals(s, Status.of(s.code()));
            assertFalse(s.cName().equals("unknown"), s.name());
        }
        assertEquals("ok", Status.OK.cName());
        assertEquals("io_error", Status.IO.cName());
        assertEquals("invalid_json", Status.INVALID_JSON.cName());
        assertEquals("misuse", Status.MISUSE.cName());
        assertEquals(Status.UNKNOWN, Status.of(99));
        assertEquals("unknown", Status.UNKNOWN.cName());
        XxgkException e = new XxgkException(Status.NOT_FOUND, "gone");
        assertEquals(102, e.code());
        assertEquals("", e.location());
        assertFalse(e.offset().isPresent());
        assertEquals(0, e.line());
        assertEquals(0, e.column());
        assertEquals(List.of(new Problem(Status.NOT_FOUND, "", "gone", -1, 0, 0)), e.problems());
    }
}
