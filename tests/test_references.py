"""The bibliography: every reference is complete, checkable, cited and free of placeholders.

A reference prints on the leaflet and in the side panel, so a made-up author or a note
such as "author attribution not confirmed" is a defect a patient can read.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from livercalc_desktop.casefile import read_case_file
from livercalc_desktop.domain.errors import KnowledgeBaseError
from livercalc_desktop.engine.evaluate import assess
from livercalc_desktop.knowledge.model import Reference
from livercalc_desktop.knowledge.pathway import Pathway, bundled_pathway_folder, load_pathway
from livercalc_desktop.leaflet.content import ClinicDetails, build_content
from livercalc_desktop.leaflet.texts import load_leaflet_texts
from tests.conftest import EXAMPLES

# "Surname Initials" in Vancouver form: one or more name words (any script, hyphens and
# apostrophes allowed, lower-case particles such as "da" allowed), then 1-3 capital initials.
_NAME_WORD = r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*"
AUTHOR = re.compile(rf"{_NAME_WORD}(?: {_NAME_WORD})* [A-Z]{{1,3}}")
ORGANISATION = re.compile(r"\b(Society|College|Committee|Association|Organi[sz]ation|Federation|Institute)\b")
DOI = re.compile(r"10\.\d{4,9}/[-._;()/:A-Za-z0-9]+")  # Crossref's recommended pattern
PMID = re.compile(r"\d{1,9}")
NUMBER = re.compile(r"\d+")
PAGES = re.compile(r"[A-Za-z]?\d+(?:-[A-Za-z]?\d+)?")
PLACEHOLDERS = re.compile(
    r"not confirmed|not verified|not shown|unverified|attribution|from recall|placeholder|"
    r"\btodo\b|\btbd\b|\bunknown\b|\bn/a\b|x{3,}|\?|\.\.\.|…",
    re.IGNORECASE,
)
# A meeting abstract whose stored copy names no author. It is cited by its title, the
# Vancouver form for a work without an author; any other reference without one fails.
WITHOUT_AUTHOR = {"smfm-2009-abstract"}


@pytest.fixture(scope="module")
def references(pathway: Pathway) -> dict[str, Reference]:
    return dict(pathway.kb.references)


def _printed_fields(ref: Reference) -> dict[str, str]:
    return {
        "authors": "; ".join(ref.authors),
        "group": ref.group,
        "title": ref.title,
        "journal": ref.journal,
        "volume": ref.volume,
        "issue": ref.issue,
        "pages": ref.pages,
        "doi": ref.doi,
        "pmid": ref.pmid,
        "note": ref.note,
        "full": ref.full,
        "summary": ref.summary,
    }


def test_every_reference_names_its_authors_journal_and_year(references):
    this_year = dt.date.today().year
    for ref in references.values():
        assert ref.journal.strip(), ref.id
        assert 1900 <= ref.year <= this_year, ref.id
        if ref.id not in WITHOUT_AUTHOR:
            assert ref.authors or ref.group, f"{ref.id}: no author"
        for author in ref.authors:
            assert AUTHOR.fullmatch(author), f'{ref.id}: "{author}" is not "Surname Initials"'
        if ref.group:
            assert ORGANISATION.search(ref.group), f'{ref.id}: group "{ref.group}" names no organisation'


def test_references_without_an_author_are_the_known_anonymous_abstract_only(references):
    anonymous = {ref.id for ref in references.values() if not ref.authors and not ref.group}
    assert anonymous <= WITHOUT_AUTHOR
    for ref_id in anonymous:
        assert references[ref_id].title and references[ref_id].note, "cited by title, with its kind of publication"


def test_no_reference_holds_placeholder_text(references):
    for ref in references.values():
        for name, value in _printed_fields(ref).items():
            found = PLACEHOLDERS.search(value)
            assert found is None, f'{ref.id}.{name} holds "{found.group()}": {value}'
        assert all("et al" not in author for author in ref.authors), f"{ref.id}: use et_al, not an author"


def test_identifiers_and_numbers_have_their_syntax(references):
    for ref in references.values():
        assert not ref.doi or DOI.fullmatch(ref.doi), f"{ref.id}: bad DOI {ref.doi!r}"
        assert not ref.pmid or PMID.fullmatch(ref.pmid), f"{ref.id}: PMID must be digits, got {ref.pmid!r}"
        assert not ref.volume or NUMBER.fullmatch(ref.volume), f"{ref.id}: volume {ref.volume!r}"
        assert not ref.issue or NUMBER.fullmatch(ref.issue), f"{ref.id}: issue {ref.issue!r}"
        assert not ref.pages or PAGES.fullmatch(ref.pages), f"{ref.id}: pages {ref.pages!r}"
        assert not ref.issue or ref.volume, f"{ref.id}: an issue needs its volume"


def test_most_references_can_be_looked_up_by_doi_or_pmid(references):
    """Not every source has one (a 1995 journal article, a meeting abstract), but most do."""
    findable = [ref.id for ref in references.values() if ref.doi or ref.pmid]
    assert len(findable) >= len(references) * 3 // 4


def _cited_ids(pathway: Pathway) -> set[str]:
    kb = pathway.kb
    cited = {r for category in kb.categories for r in category.references}
    cited |= {r for flag in kb.flags for r in flag.references}
    cited |= {r for item in kb.checklist for r in item.references}
    return cited | set(load_leaflet_texts(pathway).references)


def test_every_reference_is_cited_and_every_citation_exists(pathway):
    cited = _cited_ids(pathway)
    assert sorted(set(pathway.kb.references) - cited) == [], "references nobody cites"
    assert sorted(cited - set(pathway.kb.references)) == [], "citations of missing references"


@pytest.mark.parametrize(
    ("ref_id", "author_year", "printed"),
    [
        (
            "cmv-panel-2020",
            "Lazzarotto 2020",
            "Lazzarotto T, Blázquez-Gamero D, Delforge ML, Foulon I, Luck S, Modrow S, et al. Congenital "
            "cytomegalovirus infection: a narrative review of the issues in screening and management from a "
            "panel of European experts. Front Pediatr. 2020;8:13. doi:10.3389/fped.2020.00013. PMID: 32083040.",
        ),
        (
            "cma-meta-2022",
            "Mastromoro 2022",
            "Mastromoro G, Guadagnolo D, Khaleghi Hashemian N, Marchionni E, Traversa A, Pizzuti A. Molecular",
        ),
        (
            "zangheri-2007",
            "Zangheri 2007",
            "Zangheri G, Andreani M, Ciriello E, Urban G, Incerti M, Vergani P. Fetal intra-abdominal calcifications "
            "from meconium peritonitis: sonographic predictors of postnatal surgery. Prenat Diagn. "
            "2007;27(10):960-3. doi:10.1002/pd.1812.",
        ),
        (
            "lee-2014",
            "Lee 2014",
            "Lee SW, Kim MY, Kim JE, Chung JH, Lee HJ, Yoon JY. Clinical characteristics and outcomes of antenatal "
            "fetal intra-abdominal umbilical vein varix detection. Obstet Gynecol Sci. 2014;57(3):181-6. "
            "doi:10.5468/ogs.2014.57.3.181.",
        ),
        ("acog-co-682", "ACOG Committee on Genetics 2016", "ACOG Committee on Genetics; Society for Maternal-Fetal"),
        ("smfm-39-2016", "SMFM 2016", "Society for Maternal-Fetal Medicine (SMFM); Hughes BL, Gyamfi-Bannerman C."),
    ],
)
def test_the_references_the_review_found_wrong_now_print_correctly(references, ref_id, author_year, printed):
    assert references[ref_id].author_year == author_year
    assert references[ref_id].full.startswith(printed)


def test_acog_committee_opinion_682_has_its_volume_and_pages_and_no_borrowed_row(references):
    ref = references["acog-co-682"]
    assert (ref.volume, ref.issue, ref.pages) == ("128", "6", "e262-e268")
    assert ref.rows == ()  # E38 is the microarray meta-analysis, not this opinion
    assert "E38" in references["cma-meta-2022"].rows


BASE = Reference(
    id="x",
    authors=("Alpha A", "Beta B", "Gamma C", "Delta D", "Epsilon E", "Zeta Z", "Eta E"),
    group="",
    et_al=False,
    title="A title",
    journal="J Test",
    year=2020,
    volume="12",
    issue="3",
    pages="45-9",
    doi="10.1000/xyz",
    pmid="123",
    note="",
    rows=(),
)


NO_IDS = {"doi": "", "pmid": ""}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {},
            "Alpha A, Beta B, Gamma C, Delta D, Epsilon E, Zeta Z, et al. A title. J Test. 2020;12(3):45-9. "
            "doi:10.1000/xyz. PMID: 123.",
        ),
        ({"authors": ("Alpha A", "Beta B"), **NO_IDS}, "Alpha A, Beta B. A title. J Test. 2020;12(3):45-9."),
        (
            {"authors": ("Alpha A",), "et_al": True, "issue": "", **NO_IDS},
            "Alpha A, et al. A title. J Test. 2020;12:45-9.",
        ),
        (
            {"authors": ("Alpha A",), "group": "Test Society (TS)", "volume": "", "issue": "", "pages": "", **NO_IDS},
            "Test Society (TS); Alpha A. A title. J Test. 2020.",
        ),
        (
            {"authors": (), "note": "abstract 1", "title": "A title.", **NO_IDS},
            "A title [abstract 1]. J Test. 2020;12(3):45-9.",
        ),
        ({"authors": ("Alpha A",), "title": "", "pmid": ""}, "Alpha A. J Test. 2020;12(3):45-9. doi:10.1000/xyz."),
    ],
)
def test_full_citation_follows_vancouver_style(changes, expected):
    assert replace(BASE, **changes).full == expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, "Alpha 2020"),
        ({"authors": ("Khaleghi Hashemian N",)}, "Khaleghi Hashemian 2020"),
        ({"authors": ("da Silva Costa F",)}, "da Silva Costa 2020"),
        ({"group": "Test Society (TS); Other College"}, "TS 2020"),
        ({"group": "ACOG Committee on Genetics; Other Society"}, "ACOG Committee on Genetics 2020"),
        ({"authors": ()}, "J Test 2020"),
    ],
)
def test_author_year_names_the_first_author_or_group(changes, expected):
    assert replace(BASE, **changes).author_year == expected


def test_panel_summary_leaves_out_a_missing_title():
    assert replace(BASE, title="").summary == "Alpha 2020 — J Test, 2020"
    assert BASE.summary == "Alpha 2020 — A title (J Test, 2020)"


@pytest.mark.parametrize("name", sorted(p.stem for p in EXAMPLES.glob("*.json")))
def test_leaflet_reference_lists_are_the_vancouver_citations(pathway, name):
    case = read_case_file(EXAMPLES / f"{name}.json", pathway)
    texts = load_leaflet_texts(pathway)
    content = build_content(case, assess(case, pathway), pathway, texts, ClinicDetails())
    printed = {ref.full for ref in pathway.kb.references.values()}
    assert content.references and set(content.references) <= printed
    for line in content.references:
        assert PLACEHOLDERS.search(line) is None, line


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "pathway"
    shutil.copytree(bundled_pathway_folder(), folder)
    return folder


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'pmid = "32083040"',
            'pmid = "32083040"\ncitation = "8:13"',
            'reference "cmv-panel-2020": unknown key(s): citation',
        ),
        ('pmid = "32083040"', "pmid = 32083040", 'reference "cmv-panel-2020": "pmid" must be str, got int'),
        ('authors = ["Bronshtein M", "Blazer S"]', 'authors = "Bronshtein M, Blazer S"', '"authors" must be list'),
        ("et_al = true", 'et_al = "yes"', 'reference "ocal-2014": "et_al" must be bool'),
    ],
)
def test_loader_rejects_unknown_or_mistyped_reference_keys(kb_copy, old, new, message):
    path = kb_copy / "references.toml"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    with pytest.raises(KnowledgeBaseError) as caught:
        load_pathway(kb_copy)
    assert message in str(caught.value)
