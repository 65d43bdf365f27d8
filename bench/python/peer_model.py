"""The peer of xxgk.loads + validate: a pydantic v2 model of the canonical JSON report.

The model reads the same document (docs/json-format.md) with the same strictness — unknown members
are refused (extra="forbid"), counts are integers, money is an exact Decimal, dates are real days —
and its model validators run the same row and column sums as xxgk's rules R1, R2, R3, R5 and R6,
collecting every mismatch (as xxgk does) instead of stopping at the first:

    adapter.validate_json(text, context={"findings": []})

A sum is checked when all its cells are numbers; a blank total whose parts are known and not all
zero is reported too (R2/R3/R5/R6 "blank total"). It is the fair, idiomatic way to write this check
in pydantic, not a port of xxgk's engine: it is the peer the performance target is measured against
(docs/performance.md), not a second implementation to keep in step.
"""
from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Annotated, Any, List, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, StrictBool, StrictInt, StrictStr, TypeAdapter
from pydantic import ValidationInfo, model_validator


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ---- cells


class Provenance(Strict):
    line: Optional[NonNegativeInt] = None
    column: Optional[NonNegativeInt] = None
    table: Optional[NonNegativeInt] = None
    row: Optional[NonNegativeInt] = None
    cell: Optional[NonNegativeInt] = None


class CellObject(Strict):
    state: Literal["blank", "number", "not_applicable", "text", "not_captured"] = "number"
    value: Union[StrictInt, Decimal, None] = None
    unit: Optional[Literal["none", "yuan", "wan_yuan"]] = None
    raw: Optional[StrictStr] = None
    source: Optional[Provenance] = None

    @model_validator(mode="after")
    def _value_matches_state(self) -> "CellObject":
        if self.state == "number" and self.value is None:
            raise ValueError('state "number" needs a "value"')
        if self.state != "number" and self.value is not None:
            raise ValueError('a value is allowed only with state "number"')
        return self


# A bare integer (a number), null (a blank) or an object.
Cell = Union[StrictInt, None, CellObject]


def number(cell: Cell) -> Optional[Decimal]:
    """The cell's value when it is a number, None otherwise (blank, not applicable, text)."""
    if isinstance(cell, int):
        return Decimal(cell)
    if isinstance(cell, CellObject) and cell.state == "number":
        return Decimal(cell.value)
    return None


def is_blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, CellObject) and cell.state == "blank")


def check_sum(info: ValidationInfo, rule: str, where: str, total: Cell, parts: List[Cell]) -> None:
    """total = sum(parts), recorded in info.context["findings"] when it does not hold."""
    findings = info.context["findings"] if info.context else None
    if findings is None:
        return
    values = [number(p) for p in parts]
    known = [v for v in values if v is not None]
    t = number(total)
    if t is not None and len(known) == len(values):
        if t != sum(known, Decimal(0)):
            findings.append((rule, where, "mismatch", str(sum(known, Decimal(0))), str(t)))
    elif is_blank(total) and known and sum(known, Decimal(0)) > 0:
        findings.append((rule, where, "blank_total", str(sum(known, Decimal(0))), "blank"))


# ---- header and narrative


class Period(Strict):
    start: datetime.date
    end: datetime.date


class Contact(Strict):
    address: Optional[StrictStr] = None
    postcode: Optional[StrictStr] = None
    phone: Optional[StrictStr] = None
    fax: Optional[StrictStr] = None
    email: Optional[StrictStr] = None


class Signature(Strict):
    body: Optional[StrictStr] = None
    date: Optional[datetime.date] = None


class Header(Strict):
    body: StrictStr
    scope: Literal["unknown", "own", "compiled"] = "unknown"
    level: Literal["unknown", "central", "provincial", "prefectural", "county", "township"] = "unknown"
    region_code: Optional[StrictStr] = None
    year: StrictInt
    title: Optional[StrictStr] = None
    statistics_period: Optional[Period] = None
    publication_date: Optional[datetime.date] = None
    portal_url: Optional[StrictStr] = None
    contact: Optional[Contact] = None
    legal_bases: List[StrictStr] = []
    preamble: Optional[StrictStr] = None
    signature: Optional[Signature] = None


class Subsection(Strict):
    ordinal: Optional[StrictStr] = None
    title: StrictStr
    paragraphs: List[StrictStr] = []


class ForeignBlock(Strict):
    after_subsection: NonNegativeInt = 0
    heading: Optional[StrictStr] = None
    paragraphs: List[StrictStr] = []


class Narrative(Strict):
    heading: Optional[StrictStr] = None
    paragraphs: List[StrictStr] = []
    subsections: List[Subsection] = []
    foreign_blocks: List[ForeignBlock] = []


class FeeStatement(Strict):
    charged: Optional[StrictBool] = None
    notices: Optional[NonNegativeInt] = None
    billed: Optional[Decimal] = None
    collected: Optional[Decimal] = None
    raw: Optional[StrictStr] = None


class Headings(Strict):
    proactive: Optional[StrictStr] = None
    requests: Optional[StrictStr] = None
    review_litigation: Optional[StrictStr] = None


# ---- section 二


class DocumentRow2019(Strict):
    new_made: Cell
    new_published: Cell
    total_published: Cell


class ItemRow2019(Strict):
    prior_items: Cell
    change: Cell
    decisions: Cell


class FeeItemRow2019(Strict):
    prior_items: Cell
    change: Cell


class ProcurementRow2019(Strict):
    projects: Cell
    amount: Cell


class Proactive2019(Strict):
    regulations: DocumentRow2019
    normative_documents: DocumentRow2019
    licensing: ItemRow2019
    other_services: ItemRow2019
    penalties: ItemRow2019
    compulsory_measures: ItemRow2019
    fees: FeeItemRow2019
    procurement: ProcurementRow2019


class DocumentRow2021(Strict):
    issued: Cell
    repealed: Cell
    in_force: Cell


class DecisionRow2021(Strict):
    decisions: Cell


class FeeAmountRow2021(Strict):
    amount: Cell


class Proactive2021(Strict):
    regulations: DocumentRow2021
    normative_documents: DocumentRow2021
    licensing: DecisionRow2021
    penalties: DecisionRow2021
    compulsory_measures: DecisionRow2021
    fees: FeeAmountRow2021


# ---- section 三: R2 and R6 per row, R1 and R3 per column

COLUMNS = ("natural_person", "enterprise", "research_institute", "nonprofit", "legal_service", "other_org", "total")
ORGANIZATIONS = ("enterprise", "research_institute", "nonprofit", "legal_service", "other_org")


class ApplicantRow(Strict):
    natural_person: Cell
    enterprise: Cell
    research_institute: Cell
    nonprofit: Cell
    legal_service: Cell
    other_org: Cell
    total: Cell
    organizations_subtotal: Optional[Cell] = None

    @model_validator(mode="after")
    def _row_sums(self, info: ValidationInfo) -> "ApplicantRow":
        check_sum(info, "R2", "row", self.total, [getattr(self, c) for c in COLUMNS[:-1]])
        if "organizations_subtotal" in self.model_fields_set:
            check_sum(info, "R6", "row", self.organizations_subtotal, [getattr(self, c) for c in ORGANIZATIONS])
        return self


def check_columns(requests: BaseModel, info: ValidationInfo, leaves: List[str]) -> None:
    for c in COLUMNS:
        # R1: 一 + 二 = （七）总计 + 四
        inflow = [getattr(requests.received, c), getattr(requests.carried_over, c)]
        outflow = [getattr(requests.total, c), getattr(requests.carried_forward, c)]
        a, b = [number(x) for x in inflow], [number(x) for x in outflow]
        if None not in a and None not in b and sum(a) != sum(b):
            info.context["findings"].append(("R1", c, "mismatch", str(sum(a)), str(sum(b))))
        # R3: （七）总计 = the leaf rows of 三、本年度办理结果
        check_sum(info, "R3", c, getattr(requests.total, c), [getattr(getattr(requests, r), c) for r in leaves])


LEAVES_COMMON = [
    "granted", "partially_granted", "withheld_state_secret", "withheld_prohibited_by_law",
    "withheld_security_stability", "withheld_third_party", "withheld_internal_affairs", "withheld_process_info",
    "withheld_enforcement_file", "withheld_inquiry_matter", "unavailable_not_held", "unavailable_needs_creation",
    "unavailable_unclear", "not_handled_petition", "not_handled_duplicate", "not_handled_publication",
    "not_handled_excessive", "not_handled_reissue",
]


class RequestsCommon(Strict):
    """The rows both formats share, in table order up to （五）."""

    received: ApplicantRow
    carried_over: ApplicantRow
    granted: ApplicantRow
    partially_granted: ApplicantRow
    withheld_state_secret: ApplicantRow
    withheld_prohibited_by_law: ApplicantRow
    withheld_security_stability: ApplicantRow
    withheld_third_party: ApplicantRow
    withheld_internal_affairs: ApplicantRow
    withheld_process_info: ApplicantRow
    withheld_enforcement_file: ApplicantRow
    withheld_inquiry_matter: ApplicantRow
    unavailable_not_held: ApplicantRow
    unavailable_needs_creation: ApplicantRow
    unavailable_unclear: ApplicantRow
    not_handled_petition: ApplicantRow
    not_handled_duplicate: ApplicantRow
    not_handled_publication: ApplicantRow
    not_handled_excessive: ApplicantRow
    not_handled_reissue: ApplicantRow


class Requests2019(RequestsCommon):
    other: ApplicantRow
    total: ApplicantRow
    carried_forward: ApplicantRow

    @model_validator(mode="after")
    def _column_sums(self, info: ValidationInfo) -> "Requests2019":
        check_columns(self, info, LEAVES_COMMON + ["other"])
        return self


class Requests2021(RequestsCommon):
    other_no_correction: ApplicantRow
    other_unpaid_fee: ApplicantRow
    other_misc: ApplicantRow
    total: ApplicantRow
    carried_forward: ApplicantRow

    @model_validator(mode="after")
    def _column_sums(self, info: ValidationInfo) -> "Requests2021":
        check_columns(self, info, LEAVES_COMMON + ["other_no_correction", "other_unpaid_fee", "other_misc"])
        return self


# ---- section 四: R5 per group


class CaseRow(Strict):
    upheld: Cell
    corrected: Cell
    other: Cell
    pending: Cell
    total: Cell

    @model_validator(mode="after")
    def _group_sum(self, info: ValidationInfo) -> "CaseRow":
        check_sum(info, "R5", "group", self.total, [self.upheld, self.corrected, self.other, self.pending])
        return self


class ReviewLitigation(Strict):
    review: CaseRow
    litigation_direct: CaseRow
    litigation_after_review: CaseRow


# ---- the report


class Report2019(Strict):
    format: Literal["2019"]
    header: Header
    overview: Optional[Narrative] = None
    proactive: Proactive2019
    requests: Requests2019
    review_litigation: ReviewLitigation
    problems: Optional[Narrative] = None
    other_matters: Optional[Narrative] = None
    table_headings: Optional[Headings] = None


class Report2021(Strict):
    format: Literal["2021"]
    header: Header
    overview: Optional[Narrative] = None
    proactive: Proactive2021
    requests: Requests2021
    review_litigation: ReviewLitigation
    problems: Optional[Narrative] = None
    other_matters: Optional[Narrative] = None
    processing_fees: Optional[FeeStatement] = None
    table_headings: Optional[Headings] = None


Report = Annotated[Union[Report2019, Report2021], Field(discriminator="format")]
adapter: TypeAdapter[Any] = TypeAdapter(Report)


def load_and_check(text: Union[str, bytes]) -> tuple:
    """The peer operation: parse + validate the document, then the sums. (report, findings)."""
    findings: list = []
    report = adapter.validate_json(text, context={"findings": findings})
    return report, findings
