package org.xxgk;

import static org.xxgk.TestData.fails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Portal: decoding, JSON Pointer reads, XXGK-P validation, HTML, CSV tables, schema, misuse. */
class PortalTest {

    @Test
    void theCangnanPortal() {
        byte[] file = TestData.bytes(TestData.examples("cangnan-portal.json"));
        assertTrue(Portal.isPortalJson(file));
        assertTrue(Portal.isPortalJson(new String(file, StandardCharsets.UTF_8)));
        assertFalse(Portal.isPortalJson("{\"format\":\"2021\"}"));
        assertFalse(Portal.isPortalJson(new byte[0]));
        try (Portal p = Portal.fromFile(TestData.examples("cangnan-portal.json"))) {
            String json = p.toJson();
            assertTrue(json.startsWith("{\"kind\":\"portal\","), json.substring(0, 30));
            try (Portal back = Portal.fromJson(json); Portal fromBytes = Portal.fromJson(file);
                 Portal lax = Portal.fromJson(file, LoadOptions.DEFAULTS.withKeepUnknownMembers(true))) {
                assertEquals(json, back.toJson());
                assertEquals(json, fromBytes.toJson());
                assertEquals(json, lax.toJson());
            }
            assertEquals("\"就业领域\"", p.getJson("/catalogs/0/sections/8/label"));
            assertEquals("\"employment\"", p.getJson("/catalogs/0/sections/8/domain"));
            assertEquals("\"11/2020-27943\"", p.getJson("/items/0/index_number"));
            fails(Status.NOT_FOUND, () -> p.getJson("/items/7"));
            fails(Status.INVALID_ARGUMENT, () -> p.getJson("items"));

            try (Findings f = p.validate()) {
                assertEquals(1, f.size());
                assertEquals(0, f.errorCount());
                assertEquals("XXGK-P-003", f.get(0).code());
                assertEquals("/departments/20", f.get(0).pointer());
                assertEquals("portal", f.get(0).rule());
                assertEquals(Severity.WARNING, f.get(0).severity());
                String html = p.render(RenderKind.HTML_FRAGMENT, RenderOptions.DEFAULTS.withFindings(f));
                assertTrue(html.startsWith("<article"));
                assertTrue(html.contains("data-code=\"XXGK-P-003\""));
                assertTrue(p.render(RenderKind.HTML, RenderOptions.DEFAULTS).startsWith("<!DOCTYPE html>"));
            }
            try (Findings none = p.validate(ValidateOptions.DEFAULTS.withMaxFindings(1))) {
                assertEquals(1, none.size());
            }
            fails(Status.INVALID_ARGUMENT, () -> p.render(RenderKind.MARKDOWN, RenderOptions.DEFAULTS));

            List<CsvTable> tables = p.csvTables();
            assertEquals(7, tables.size());
            assertEquals("departments", tables.get(0).name());
            assertTrue(tables.get(0).csv().startsWith("id,name,full_name,link,position\n"));
            assertEquals(tables.get(3), p.csvTable(3));
            fails(Status.NOT_FOUND, () -> p.csvTable(7));
            fails(Status.INVALID_ARGUMENT, () -> p.csvTable(-1));
        }
        assertTrue(Portal.jsonSchema().contains("\"urn:xxgk:schema:portal\""));
    }

    @Test
    void errorsCarryEveryProblem() {
        XxgkException type = fails(Status.WRONG_TYPE, () -> Portal.fromJson(
            "{\"kind\":\"portal\",\"items\":[{\"id\":\"i1\",\"title\":\"t\",\"view_count\":\"3\"}]}"));
        assertEquals("/items/0/view_count", type.location());
        XxgkException missing = fails(Status.MISSING_MEMBER, () -> Portal.fromJson("{\"kind\":\"portal\",\"departments\":[{}]}"));
        assertEquals(2, missing.problems().size());
        assertEquals(Status.MISSING_MEMBER, missing.problems().get(1).status());
        assertEquals("/departments/0/name", missing.problems().get(1).pointer());
        fails(Status.INVALID_UTF8, () -> Portal.fromJson(new byte[] {'{', '"', (byte) 0xff, '"', '}'}, LoadOptions.DEFAULTS));
        fails(Status.IO, () -> Portal.fromFile(java.nio.file.Path.of("/nonexistent/portal.json")));
        fails(Status.IO, () -> Portal.fromFile(java.nio.file.Path.of("/nonexistent/portal.json"), LoadOptions.DEFAULTS));
        fails(Status.INVALID_ARGUMENT, () -> Portal.fromJson((String) null));
        fails(Status.INVALID_ARGUMENT, () -> Portal.fromJson((byte[]) null));
        fails(Status.INVALID_ARGUMENT, () -> Portal.fromJson("{}", null));
        fails(Status.INVALID_ARGUMENT, () -> Portal.fromFile(null));
        fails(Status.INVALID_ARGUMENT, () -> Portal.isPortalJson((String) null));
        fails(Status.INVALID_ARGUMENT, () -> Portal.isPortalJson((byte[]) null));
    }

    @Test
    void useAfterClose() {
        Portal p = Portal.fromFile(TestData.examples("cangnan-portal.json"));
        p.close();
        assertTrue(p.isClosed());
        p.close();
        for (org.junit.jupiter.api.function.Executable use : List.<org.junit.jupiter.api.function.Executable>of(
                 p::toJson, p::validate, p::csvTables, () -> p.csvTable(0), () -> p.getJson(""),
                 () -> p.render(RenderKind.HTML, RenderOptions.DEFAULTS), () -> p.validate(ValidateOptions.DEFAULTS)))
            assertEquals("the portal is closed", fails(Status.MISUSE, use).getMessage());
    }
}
