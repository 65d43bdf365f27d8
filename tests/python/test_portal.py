"""Portal files from Python (docs/python.md § Portal files): attribute access over the derived
classes, loads/dumps, validate(), to_frame(), pickling, the vocabularies."""

import copy
import json
import pickle

import pytest

import xxgk

from conftest import CANGNAN, DATA

PORTAL = DATA / "cangnan-portal.json"


@pytest.fixture
def portal():
    return xxgk.load_portal(PORTAL)


def test_attribute_access(portal):
    assert isinstance(portal, xxgk.Portal)
    assert portal.name == "中国·苍南"
    assert len(portal.departments) == 32
    assert portal.departments[20].name == "县民政局"
    assert portal.departments[20].position == 21
    duty = portal.responsibility_lists[0].duties[0]
    assert isinstance(duty, xxgk.Duty)
    assert duty.year == 2017
    assert duty.work_items_state == "not_captured"
    county = portal.catalogs[0]
    assert county.level == "county"
    assert [s.domain for s in county.sections][:3] == [
        "major_construction_projects", "public_resource_trading", "compulsory_education"]
    item = portal.items[0]
    assert item.index_number == "11/2020-27943"
    assert item.published_at.time == "20:36:13"
    assert item.published_at.date.isoformat() == "2020-12-22"
    assert item.interpretation.form == "graphic"
    assert portal.listings[0].entries[4].title.endswith("最低生活保障实施办法的通知")


def test_edits_land_in_the_portal(portal):
    portal.departments[20].link = "https://example.org/minzheng"
    portal.departments[4].link = "https://example.org/minzheng"
    assert portal.validate() == []
    portal.items[0].written_date = {"date": "2020-12-23"}
    codes = [f.code for f in portal.validate()]
    assert codes == ["XXGK-P-008"]


def test_loads_dumps_round_trip(portal):
    text = portal.dumps()
    assert text.startswith('{"kind":"portal",')
    assert json.loads(text) == json.loads(PORTAL.read_text(encoding="utf-8"))
    again = xxgk.Portal.loads(text)
    assert again == portal
    assert again.dumps() == text
    assert xxgk.is_portal_json(text)
    assert not xxgk.is_portal_json(CANGNAN.read_bytes())


def test_loads_reports_every_problem():
    with pytest.raises(xxgk.ValidationError) as e:
        xxgk.loads_portal('{"kind":"portal","departments":[{"name":1}]}')
    locs = [err["loc"] for err in e.value.errors()]
    assert locs == [("departments", 0, "name"), ("departments", 0, "id")]  # document order: absent members last
    with pytest.raises(xxgk.ValidationError):
        xxgk.loads_portal('{"format":"2021"}')


def test_validate(portal):
    findings = portal.validate()
    assert [(f.code, f.pointer, f.severity) for f in findings] == [("XXGK-P-003", "/departments/20", "warning")]
    assert "县民政局" in findings[0].message("zh")


def test_to_frame(portal):
    frame = portal.to_frame("departments")
    assert list(frame.columns) == ["id", "name", "full_name", "link", "position"]
    assert len(frame) == 32
    assert frame.loc[20, "name"] == "县民政局"
    sections = portal.to_frame("catalog_sections")
    assert len(sections) == 26
    assert set(sections["domain"]) == set(xxgk.domain_labels())
    assert portal.tables() == ["departments", "responsibility_lists", "duties", "catalogs", "catalog_sections",
                               "items", "listing_entries"]
    assert set(portal.to_frames()) == set(portal.tables())
    with pytest.raises(KeyError):
        portal.to_frame("power_items")


def test_pickle_and_copy(portal):
    back = pickle.loads(pickle.dumps(portal))
    assert back == portal
    assert back.dumps() == portal.dumps()
    twin = copy.deepcopy(portal)
    twin.name = "别的"
    assert portal.name == "中国·苍南"
    entry = xxgk.CatalogEntry(seq="1", item_level1="城乡规划", content_elements="x", basis="y", publisher="z",
                              phases=[{"time_limit": "实时公开", "channels": [{"kind": "government_website", "raw": "政府网站"}],
                                       "audiences": [{"kind": "general_public"}], "modes": ["proactive"]}])
    assert pickle.loads(pickle.dumps(entry)) == entry


def test_render(portal):
    html = portal.render_html(standalone=False, findings=portal.validate())
    assert html.startswith('<article class="xxgk-report xxgk-portal"')
    assert 'data-code="XXGK-P-003"' in html
    tables = portal.csv_tables()
    assert tables["departments"].splitlines()[0] == "id,name,full_name,link,position"
    with pytest.raises(ValueError):
        portal.render_html(lang="fr")


def test_vocabularies():
    r = xxgk.resolve_domain("扶贫领域")
    assert r == {"domain": "poverty_alleviation", "match": "suffix_removed", "closest": None, "similarity": 0.0}
    r = xxgk.resolve_domain("食品安全监管")
    assert r["domain"] is None and r["match"] == "unresolved"
    assert r["closest"] == "food_drug_supervision"
    assert len(xxgk.domain_labels()) == 26
    assert xxgk.domain_labels()["employment"] == "就业"
    p = xxgk.parse_index_number("11341702486344515H/202110-00013")
    assert p == {"front": "11341702486344515H", "front_kind": "credit_code", "year": 2021, "month": 10,
                 "serial": "00013", "status": "partial"}
    schema = xxgk.portal_json_schema()
    assert schema["$id"] == "urn:xxgk:schema:portal"
    assert schema["properties"]["kind"]["const"] == "portal"
