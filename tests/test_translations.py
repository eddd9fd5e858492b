"""Leaflets in the patient's language (issue 12): shipped drafts, refusals, .po round trip, RTL on the page."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import stat
import threading
import unicodedata
from pathlib import Path

import pytest

from livercalc_desktop.casefile import parse_case_text
from livercalc_desktop.domain.case import Case
from livercalc_desktop.engine.evaluate import assess
from livercalc_desktop.knowledge.pathway import Pathway, bundled_pathway_folder, load_pathway
from livercalc_desktop.knowledge.strict_table import read_toml
from livercalc_desktop.knowledge.text_translations import LeafletLanguage, leaflet_languages
from livercalc_desktop.leaflet.content import ClinicDetails, LeafletContent, build_content
from livercalc_desktop.leaflet.formats import Formats
from livercalc_desktop.leaflet.po import export_po, import_po
from livercalc_desktop.leaflet.texts import load_leaflet_texts
from livercalc_desktop.leaflet.translations import (
    Entry,
    Translation,
    TranslationRefused,
    check,
    file_tag,
    read_translation,
    source_hash,
    source_texts,
    translation_toml,
)
from tests.conftest import EXAMPLES, base_case_data
from tests.conftest import run_app as run
from tests.leaflet_helpers import TODAY, case_from, flat, leaflet, pdf_reader, runs_on_page

SHIPPED = ("es", "ar", "zh-Hans")
DEMOS = sorted(p.stem for p in EXAMPLES.glob("*.json"))
NOTICE = {
    "es": "Esta traducción todavía no la ha revisado un traductor médico cualificado.",
    "ar": "لم يراجع هذه الترجمة بعد مترجم طبي مؤهل.",
    "zh-Hans": "这份翻译还没有经过合格的医学翻译人员审核。",
}
ENGLISH_NOTICE = "This translation has not yet been reviewed by a qualified medical translator."
# English words that must not survive in a translated leaflet's own words.
ENGLISH_WORDS = re.compile(
    r"\b(the|your|you|and|with|baby|scan|scans|weeks?|days?|page|test|tests|after|birth|liver|spot|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)\b",
    re.IGNORECASE,
)


def demo(pathway: Pathway, name: str, language: str) -> Case:
    data = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    data["patient"]["language"] = language
    return parse_case_text(json.dumps(data), pathway, f"{name}.json", TODAY)


def content_for(pathway: Pathway, case: Case, language: str) -> LeafletContent:
    texts = load_leaflet_texts(pathway, language)
    return build_content(case, assess(case, pathway), pathway, texts, ClinicDetails("Demo Unit", "Phone 0100"))


def printed_words(content: LeafletContent) -> list[str]:
    """Every string the leaflet prints that the texts wrote (not names, the team's note or references)."""
    sections = (*content.after_meaning, *content.after_next)
    return [
        content.title,
        content.subtitle,
        *(content.headings[k] for k in ("seen", "meaning", "words", "tests", "next", "questions", "contact")),
        *content.seen,
        *content.urgent,
        *content.meaning,
        *(s.heading for s in sections),
        *(line for s in sections for line in s.lines()),
        *(f"{word}: {text}" for word, text in content.words),
        *content.table_header,
        *(f"{r.name} {r.tells} {r.priority} {r.status}" for r in content.tests),
        content.next_intro,
        *(f"{p.mark} {p.label} {p.when}" for p in content.timeline),
        *content.questions,
        content.sources_intro,
        content.disclaimer,
        content.page_label.format(page=1, pages=2),
        content.draft_notice[0],
        content.version_line.replace("LiverCalc Desktop", ""),
        content.footer.replace("LiverCalc Desktop", ""),
    ]


# --- every shipped language, every demo case -------------------------------------------


@pytest.mark.parametrize("language", SHIPPED)
@pytest.mark.parametrize("name", DEMOS)
def test_every_shipped_language_builds_every_demo_with_no_english_left(pathway, language, name):
    case = demo(pathway, name, language)
    content = content_for(pathway, case, language)
    leftovers = [(text, m.group(0)) for text in printed_words(content) if (m := ENGLISH_WORDS.search(text))]
    assert leftovers == []
    assert content.draft_notice == (NOTICE[language], ENGLISH_NOTICE)
    pdf = leaflet(pathway, case)
    assert pdf.startswith(b"%PDF")
    assert "\u25a0" not in flat(pdf) and "\ufffd" not in flat(pdf)


@pytest.mark.parametrize("language", ["es", "zh-Hans"])
def test_translated_pdf_prints_its_layout_words_and_the_draft_line_in_both_languages(pathway, language):
    pdf = leaflet(pathway, demo(pathway, "isolated-pending", language))
    text = flat(pdf)
    pages = len(pdf_reader(pdf).pages)
    page_label = {"es": f"Página {pages} de {pages}", "zh-Hans": f"第{pages}页，共{pages}页"}[language]

    def squeeze(s: str) -> str:  # flat() is NFKC (full-width comma to ","); CJK extraction adds spaces
        s = unicodedata.normalize("NFKC", s)
        return s.replace(" ", "") if language == "zh-Hans" else s

    assert squeeze(page_label) in squeeze(text)
    assert squeeze(NOTICE[language]) in squeeze(text) and ENGLISH_NOTICE in text
    for english in ("Page ", "Test or check", "Where it stands", "March", " weeks"):
        assert english not in text


def test_dates_weeks_and_numbers_come_from_cldr(pathway):
    case = case_from(pathway, lesion={"largest_mm": [2.5]})
    es = content_for(pathway, case, "es")
    assert (
        "Le hicieron una ecografía el 10 de marzo de 2026, cuando estaba embarazada de 20 semanas y 3 días."
        in (es.seen[0])
    )
    assert "Medía unos 2,5 mm de ancho." in es.seen[0]
    zh = content_for(pathway, case, "zh-Hans")
    # Chinese writes a compound duration without "and" (CLDR's unit list): "20周3天", not "20周和3天".
    assert "2026年3月10日" in zh.seen[0] and "怀孕20周3天" in zh.seen[0]
    assert Formats.of("ar").duration(20, "week") == "20 أسبوعًا"  # Arabic "many" plural form, from CLDR
    assert Formats.of("ar").duration(3, "week") == "3 أسابيع"  # and its "few" form
    assert Formats.of("en_GB").gestation(24, 1) == "24 weeks and 1 day"
    assert Formats.of("es").join(["a", "b", "c"]) == "a, b y c"


def test_arabic_leaflet_prints_no_character_a_left_to_right_renderer_would_mirror_wrongly(pathway):
    for name in DEMOS:
        content = content_for(pathway, demo(pathway, name, "ar"), "ar")
        mirrored = {c for text in printed_words(content) for c in text if unicodedata.mirrored(c)}
        assert mirrored == set(), name


# --- language resolution -------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "file"),
    [("zh", "zh-Hans"), ("zh-CN", "zh-Hans"), ("zh-SG", "zh-Hans"), ("zh-Hans", "zh-Hans"), ("zh-TW", "zh-Hant"),
     ("es", "es"), ("es-MX", "es-MX"), ("ar-EG", "ar-EG"), ("ar-Latn", "ar-Latn"), ("ar-Arab", "ar"),
     ("es-Latn", "es"), ("sr-Latn", "sr-Latn"), ("he", "he")],
)  # fmt: skip
def test_file_tags(tag, file):
    assert file_tag(tag) == file


@pytest.mark.parametrize("tag", ["zh", "zh-CN", "zh-Hans"])
def test_chinese_tags_resolve_to_simplified(pathway, tag):
    assert load_leaflet_texts(pathway, tag).language == "zh-Hans"


def test_region_falls_back_to_a_complete_base_language(pathway):
    assert load_leaflet_texts(pathway, "es-MX").language == "es"
    assert load_leaflet_texts(pathway, "ar-EG").language == "ar"
    assert load_leaflet_texts(pathway, "ar-Arab").language == "ar"
    assert load_leaflet_texts(pathway, "en-US").language == "en"


@pytest.mark.parametrize("tag", ["vi", "zh-TW", "pl", "he", "ar-Latn", "zh-Latn", "es-Cyrl"])
def test_a_language_with_no_texts_is_refused_not_printed_in_english(pathway, tag):
    with pytest.raises(TranslationRefused, match=rf"leaflet language {tag}: there are no leaflet texts"):
        leaflet(pathway, case_from(pathway, patient={"language": tag}))


# --- stale, missing and wrong entries ------------------------------------------------


@pytest.fixture
def pathway_copy(tmp_path) -> Pathway:
    folder = tmp_path / "pathway"
    shutil.copytree(bundled_pathway_folder(), folder)
    return load_pathway(folder)


def write_case(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_changed_english_sentence_makes_every_translation_of_it_stale(pathway_copy):
    folder = pathway_copy.folder
    english_file = folder / "leaflet.en.toml"
    _edit(english_file, '"Call your team if you get a fever,', '"Call your team today if you get a fever,')
    english = read_toml(folder / "leaflet.en.toml")
    for language in SHIPPED:
        report = check(english, read_translation(folder / f"leaflet.{language}.toml"))
        assert report.stale == ("sections.call.paragraphs.2",) and report.missing == ()
    case = case_from(pathway_copy, patient={"language": "es-MX"})
    with pytest.raises(TranslationRefused) as refused:
        leaflet(pathway_copy, case)
    assert "leaflet language es (for es-MX)" in refused.value.message
    assert "stale (the English changed): sections.call.paragraphs.2" in refused.value.message


def test_missing_entries_and_broken_placeholders_are_refused_and_listed(pathway_copy):
    folder = pathway_copy.folder
    path = folder / "leaflet.es.toml"
    translation = read_translation(path)
    entries = dict(translation.entries)
    del entries["headings.contact"]
    entries["next.about"] = dataclasses.replace(entries["next.about"], text="hacia una fecha")  # lost {date}
    english = read_toml(folder / "leaflet.en.toml")
    path.write_text(translation_toml(dataclasses.replace(translation, entries=entries), english), encoding="utf-8")
    with pytest.raises(TranslationRefused) as refused:
        leaflet(pathway_copy, case_from(pathway_copy, patient={"language": "es"}))
    message = refused.value.message
    assert "1 missing, 0 stale, 1 with wrong placeholders" in message
    assert "missing: headings.contact" in message and "placeholders differ: next.about" in message


def test_every_shipped_translation_is_complete_current_and_marked_draft(pathway):
    english = read_toml(pathway.folder / "leaflet.en.toml")
    for language in SHIPPED:
        translation = read_translation(pathway.folder / f"leaflet.{language}.toml")
        report = check(english, translation)
        assert (report.missing, report.stale, report.placeholder_errors, report.unknown) == ((), (), (), ())
        assert translation.status == "draft" and translation.translator and not translation.reviewer


# How many babies or spots a sentence speaks of, in each shipped language. A study's
# "nearly all" must not become "all", nor "most" become "almost all" (spec 5: numbers
# never turn into a stronger claim). Each English wording must be matched by its
# translation's, and a translation may say it only where the English does.
PROPORTIONS: dict[str, dict[str, str]] = {
    r"\bnearly all\b": {"es": r"\bcasi tod[oa]s\b", "ar": r"(?:كل|جميع)\s+ال\S+\s+تقريب", "zh-Hans": "几乎"},
    r"\bmost\b(?! important)": {"es": r"\bmayoría\b", "ar": "معظم|أغلب", "zh-Hans": "大多数|大部分"},
    r"\bhalf\b": {"es": r"\bmitad\b", "ar": "نصف", "zh-Hans": "一半"},
}
# A test is "recommended" only where the English says so; "offered" leaves the choice with
# her (spec 5, item 4), and a translation that recommends what the English offers changes who decides.
RECOMMENDS = re.compile(r"recommend|suggest|advi[cs]e", re.IGNORECASE)
RECOMMEND_WORDS = {"es": r"(?i)recom[ie]nd|aconsej", "ar": "نصح|نصيح|توصي|يوصى|يُوصى|نوصي", "zh-Hans": "建议|推荐"}


def _shipped_pairs(pathway: Pathway) -> list[tuple[str, str, str, str]]:
    """(language, path, English, translation) for every entry of every shipped translation."""
    sources = source_texts(read_toml(pathway.folder / "leaflet.en.toml"))
    pairs = []
    for language in SHIPPED:
        entries = read_translation(pathway.folder / f"leaflet.{language}.toml").entries
        pairs += [(language, path, english, entries[path].text) for path, english in sources.items()]
    return pairs


def test_a_translation_says_how_many_exactly_as_the_english_does(pathway):
    wrong = [
        f"{language} {path}: {translated!r} for {english!r}"
        for language, path, english, translated in _shipped_pairs(pathway)
        for english_words, words in PROPORTIONS.items()
        if bool(re.search(english_words, english, re.IGNORECASE))
        != bool(re.search(words[language], translated, re.IGNORECASE))
    ]
    assert wrong == []


def test_a_translation_recommends_only_where_the_english_recommends(pathway):
    wrong = [
        f"{language} {path}: {translated!r} for {english!r}"
        for language, path, english, translated in _shipped_pairs(pathway)
        if re.search(RECOMMEND_WORDS[language], translated) and not RECOMMENDS.search(english)
    ]
    assert wrong == []


# --- .po round trip --------------------------------------------------------------------


def test_po_round_trip_loses_nothing_including_stale_and_reviewed_entries(pathway):
    english = read_toml(pathway.folder / "leaflet.en.toml")
    shipped = read_translation(pathway.folder / "leaflet.es.toml")
    entries = dict(shipped.entries)
    entries["seen.small"] = Entry("0123456789ab", "Un texto viejo.")  # stale: made from other English
    entries["headings.seen"] = dataclasses.replace(entries["headings.seen"], reviewed=True)
    entries["old.path"] = Entry("ba9876543210", "Una frase que el inglés ya no tiene.")
    original = dataclasses.replace(shipped, entries=entries, translator="Agencia Ejemplo <a@example.org>")
    po = export_po(english, original, "1.1.0")
    # The name is the file's, not the .po's: importing into the file keeps it (see the command-line test).
    empty = Translation(language="es", locale="es", translator="", name=shipped.name)
    back = import_po(po, english, dataclasses.replace(empty, entries={"headings.seen": entries["headings.seen"]}))
    assert back.translation.entries == original.entries
    assert back.translation.translator == original.translator
    assert translation_toml(back.translation, english) == translation_toml(original, english)
    assert check(english, back.translation).stale == ("seen.small",)


def test_an_imported_change_drops_the_review_and_makes_the_file_a_draft(pathway):
    english = read_toml(pathway.folder / "leaflet.en.toml")
    shipped = read_translation(pathway.folder / "leaflet.es.toml")
    reviewed = dataclasses.replace(
        shipped,
        status="reviewed",
        reviewer="Dra. Ejemplo",
        reviewed="2026-11-20",
        entries={p: dataclasses.replace(e, reviewed=True) for p, e in shipped.entries.items()},
    )
    po = export_po(english, reviewed, "1.1.0").decode("utf-8")
    po = po.replace('msgstr "Qué mostró la ecografía"', 'msgstr "Lo que mostró la ecografía"')
    result = import_po(po.encode("utf-8"), english, reviewed)
    assert result.changed == 1 and result.translation.status == "draft"
    assert result.translation.entries["headings.seen"] == Entry(
        source_hash("What the scan showed"), "Lo que mostró la ecografía", reviewed=False
    )
    assert check(english, result.translation).reviewed == len(source_texts(english)) - 1


# --- command line -----------------------------------------------------------------------


def test_cli_export_import_and_status(tmp_path, pathway_copy):
    folder = str(pathway_copy.folder)
    before = (pathway_copy.folder / "leaflet.ar.toml").read_text(encoding="utf-8")
    result = run("translations", "--folder", folder, "export", "--lang", "ar", "-o", str(tmp_path / "ar.po"))
    assert result.returncode == 0, result.stderr
    result = run("translations", "--folder", folder, "import", str(tmp_path / "ar.po"))
    assert result.returncode == 0, result.stderr
    assert "0 texts changed; 0 missing, 0 stale" in result.stdout
    assert (pathway_copy.folder / "leaflet.ar.toml").read_text(encoding="utf-8") == before
    status = run("translations", "--folder", folder, "status").stdout.splitlines()
    total = str(len(source_texts(read_toml(pathway_copy.folder / "leaflet.en.toml"))))
    for language in SHIPPED:
        row = next(line.split() for line in status if line.startswith(language + " "))
        assert row[:6] == [language, "draft", total, "0", "0", "0"]


def test_cli_refuses_a_language_without_texts_and_writes_nothing(tmp_path):
    case = write_case(tmp_path, base_case_data(patient={"language": "vi"}))
    out = tmp_path / "leaflet.pdf"
    result = run("export", str(case), "-o", str(out))
    assert result.returncode == 2
    assert "leaflet language vi: there are no leaflet texts in this language yet" in result.stderr
    assert "available: en, ar, es, zh-Hans" in result.stderr
    assert not out.exists()


def test_cli_prints_a_draft_translation_with_its_notice(tmp_path):
    case = write_case(tmp_path, base_case_data(patient={"language": "es"}))
    out = tmp_path / "folleto.pdf"
    assert run("export", str(case), "-o", str(out)).returncode == 0
    assert NOTICE["es"] in flat(out.read_bytes())


# --- right to left, measured on the page ------------------------------------------------


def _has(runs: list[tuple[float, float, str]], logical: str) -> bool:
    return any(text.strip() in (logical, logical[::-1]) for _, _, text in runs)


def _find(runs: list[tuple[float, float, str]], logical: str) -> tuple[float, float]:
    """Where a run of pure Arabic text starts (pypdf may give it in visual or logical order)."""
    for x, y, text in runs:
        if text.strip() == logical[::-1] or text.strip() == logical:
            return x, y
    raise AssertionError(f"{logical!r} not drawn; runs: {[t for _, _, t in runs][:40]}")


def test_right_to_left_layout_on_the_page(pathway):
    case = demo(pathway, "isolated-pending", "ar")
    pdf = leaflet(pathway, case)
    width = float(pdf_reader(pdf).pages[0].mediabox.width)
    english_pdf = leaflet(pathway, demo(pathway, "isolated-pending", "en"))
    english = [runs_on_page(english_pdf, i) for i in range(len(pdf_reader(english_pdf).pages))]
    english_runs = english[0]
    english_heading_x = next(x for x, _, t in english_runs if t.strip() == "What the scan showed")
    arabic = [runs_on_page(pdf, i) for i in range(len(pdf_reader(pdf).pages))]
    # Headings sit against the right margin, where English ones sit against the left.
    heading_x, _ = _find(arabic[0], "ماذا أظهر الفحص")
    assert english_heading_x < 60 and heading_x > width / 2
    # The tests table runs from the right: test, then advice, then where it stands.
    page = next(runs for runs in arabic if _has(runs, "النصيحة"))
    test_x, _ = _find(page, "الفحص أو المتابعة")
    advice_x, _ = _find(page, "النصيحة")
    status_x, _ = _find(page, "أين وصل")
    assert status_x < advice_x < test_x
    # The timeline: the weeks are to the right of the line and the words to its left.
    page = next(runs for runs in arabic if _has(runs, "فحص اليوم"))
    label_x, label_y = _find(page, "فحص اليوم")
    weeks = [x for x, y, t in page if t.strip() == "20" and abs(y - label_y) < 14]
    assert weeks and min(weeks) > label_x + 50
    english_runs = next(runs for runs in english if _has(runs, "Today's scan"))
    english_label_x = next(x for x, _, t in english_runs if t.strip() == "Today's scan")
    english_weeks_x = next(x for x, _, t in english_runs if t.strip().startswith("20 weeks"))
    assert english_weeks_x < english_label_x


def test_wrapped_arabic_paragraph_keeps_its_first_words_on_its_first_line(pathway):
    case = demo(pathway, "isolated-pending", "ar")
    paragraph = content_for(pathway, case, "ar").seen[0]

    def bare(text: str) -> str:  # printed Arabic drops the short-vowel marks (unvocalised text)
        return "".join(c for c in unicodedata.normalize("NFKD", text) if unicodedata.category(c) != "Mn")

    runs = [(y, bare(t)) for _, y, t in runs_on_page(leaflet(pathway, case), 0)]
    first, last = bare(paragraph.split()[0]), bare(paragraph.split()[-1]).rstrip(".")

    def y_of(word: str) -> float:
        return next(y for y, text in runs if word in text.split() or word[::-1] in text.split())

    assert y_of(first) > y_of(last) + 10  # the paragraph's first words are lines above its last words


# --- reading level ----------------------------------------------------------------------


@pytest.mark.parametrize("name", DEMOS)
def test_spanish_leaflet_reads_easily(pathway, name):
    """INFLESZ scale (Szigriszt-Pazos): 65-80 is "bastante fácil", fairly easy; 55-65 "normal"."""
    from legibilidad import legibilidad

    text = "\n".join(content_for(pathway, demo(pathway, name, "es"), "es").body())
    assert legibilidad.szigriszt_pazos(text) >= 65
    assert legibilidad.fernandez_huerta(text) >= 70


# --- optional English copy --------------------------------------------------------------


def test_english_copy_follows_the_translated_leaflet_left_to_right(tmp_path):
    case = write_case(tmp_path, base_case_data(patient={"language": "ar"}))
    out = tmp_path / "ar-en.pdf"
    assert run("export", str(case), "-o", str(out), "--english-copy").returncode == 0
    pdf = out.read_bytes()
    pages = [runs_on_page(pdf, i) for i in range(len(pdf_reader(pdf).pages))]
    first_english = next(i for i, runs in enumerate(pages) if _has(runs, "What the scan showed"))
    assert first_english > 0 and _has(pages[0], "ماذا أظهر الفحص")
    assert not any(_has(runs, "ماذا أظهر الفحص") for runs in pages[first_english:])
    heading_x = next(x for x, _, t in pages[first_english] if t.strip() == "What the scan showed")
    assert heading_x < 60  # the English copy is laid out left to right again
    total = len(pages)
    assert any(t.strip() == f"Page {first_english + 1} of {total}" for _, _, t in pages[first_english])
    assert not any(t.strip().startswith("Page ") for runs in pages[:first_english] for _, _, t in runs)
    assert not any(_has(runs, "A bright spot in your baby's liver") for runs in pages[:first_english])
    english_only = tmp_path / "en.pdf"
    english_case = write_case(tmp_path, base_case_data())
    assert run("export", str(english_case), "-o", str(english_only), "--english-copy").returncode == 0
    assert flat(english_only.read_bytes()).count("What the scan showed") == 1  # no copy of an English leaflet


def test_cli_review_marks_a_complete_translation_reviewed_and_the_draft_line_goes(tmp_path, pathway_copy):
    folder = str(pathway_copy.folder)
    args = ("translations", "--folder", folder, "review", "--lang", "es", "--reviewer", "Dra. Ejemplo, ATA-certified")
    bad = run(*args, "--date", "23/11/2026")
    assert bad.returncode == 2 and "--date: must be a date YYYY-MM-DD" in bad.stderr
    assert run(*args, "--date", "2026-11-23").returncode == 0
    translation = read_translation(pathway_copy.folder / "leaflet.es.toml")
    assert (translation.status, translation.reviewer, translation.reviewed) == (
        "reviewed",
        "Dra. Ejemplo, ATA-certified",
        "2026-11-23",
    )
    content = content_for(pathway_copy, case_from(pathway_copy, patient={"language": "es"}), "es")
    assert content.draft_notice == ()
    status = run("translations", "--folder", folder, "status").stdout
    total = str(len(source_texts(read_toml(pathway_copy.folder / "leaflet.en.toml"))))
    assert next(line.split() for line in status.splitlines() if line.startswith("es "))[:6] == [
        "es",
        "reviewed",
        total,
        "0",
        "0",
        total,
    ]
    _edit(
        pathway_copy.folder / "leaflet.en.toml", '"Call your team if you get a fever,', '"Call us if you get a fever,'
    )
    stale = run(*args, "--date", "2026-11-24")
    assert stale.returncode == 2 and "1 stale" in stale.stderr


@pytest.mark.parametrize("name", DEMOS)
def test_no_english_word_on_the_spanish_page_except_names_notes_and_references(pathway, name):
    case = demo(pathway, name, "es")
    content = content_for(pathway, case, "es")
    text = flat(leaflet(pathway, case))
    assert "Qué mostró la ecografía" in text and "De dónde viene esta información" in text
    exempt = [*content.references, ENGLISH_NOTICE, "Demo Unit", "Phone 0100 000 000", "LiverCalc Desktop"]
    exempt += [v for v in (content.note, content.greeting, case.get("exam.clinic")) if isinstance(v, str)]
    for words in sorted(exempt, key=len, reverse=True):
        text = text.replace(" ".join(words.split()), " ")
    assert ENGLISH_WORDS.findall(text) == []


def test_importing_a_new_language_writes_texts_everyone_on_the_machine_can_read(tmp_path, pathway_copy):
    folder = str(pathway_copy.folder)
    po = tmp_path / "ar.po"
    assert run("translations", "--folder", folder, "export", "--lang", "ar", "-o", str(po)).returncode == 0
    result = run("translations", "--folder", folder, "import", "--lang", "vi", str(po))
    assert result.returncode == 0, result.stderr
    # Leaflet texts hold no patient data; an owner-only file would hide the language from other users.
    assert stat.S_IMODE((pathway_copy.folder / "leaflet.vi.toml").stat().st_mode) == 0o644


# --- the languages' own names ---------------------------------------------------------------

NAMES = {"en": "English", "ar": "العربية", "es": "Español", "zh-Hans": "中文（简体）"}


def test_each_leaflet_file_names_its_language_in_itself_and_every_loader_keeps_the_name(pathway):
    assert leaflet_languages(pathway.folder) == tuple(LeafletLanguage(tag, name) for tag, name in NAMES.items())
    for tag, name in NAMES.items():
        assert load_leaflet_texts(pathway, tag).name == name
    assert read_translation(pathway.folder / "window.es.toml").name == ""  # the window's labels need none


def test_a_new_language_from_a_po_file_gets_its_own_name_and_a_round_trip_keeps_it(tmp_path, pathway_copy):
    folder = str(pathway_copy.folder)
    po = tmp_path / "ar.po"
    assert run("translations", "--folder", folder, "export", "--lang", "ar", "-o", str(po)).returncode == 0
    assert run("translations", "--folder", folder, "import", "--lang", "de", str(po)).returncode == 0
    german = pathway_copy.folder / "leaflet.de.toml"
    assert read_translation(german).name == "Deutsch"
    assert LeafletLanguage("de", "Deutsch") in leaflet_languages(pathway_copy.folder)
    # A name edited by hand in the file survives exporting and importing again.
    _edit(german, 'name = "Deutsch"', 'name = "Deutsch (Schweiz)"')
    assert run("translations", "--folder", folder, "export", "--lang", "de", "-o", str(po)).returncode == 0
    assert run("translations", "--folder", folder, "import", "--lang", "de", str(po)).returncode == 0
    assert read_translation(german).name == "Deutsch (Schweiz)"


def test_a_damaged_leaflet_file_is_listed_by_its_tag_alone(pathway_copy):
    (pathway_copy.folder / "leaflet.de.toml").write_text("[meta\nname = ", encoding="utf-8")
    (pathway_copy.folder / "leaflet.fr.toml").write_text("[meta]\nname = 3\n", encoding="utf-8")
    languages = leaflet_languages(pathway_copy.folder)
    assert LeafletLanguage("de", "") in languages and LeafletLanguage("fr", "") in languages


def test_a_pipe_named_like_a_leaflet_file_never_holds_up_the_window_start(pathway_copy):
    """The window reads every leaflet file as it starts: a named pipe there hung it, waiting for a writer."""
    pipe = pathway_copy.folder / "leaflet.vi.toml"
    os.mkfifo(pipe)
    listed: list[LeafletLanguage] = []
    reader = threading.Thread(target=lambda: listed.extend(leaflet_languages(pathway_copy.folder)), daemon=True)
    reader.start()
    reader.join(timeout=30)  # a guard against a hang, not a timing: the read returns at once
    held = reader.is_alive()
    if held:  # let the blocked read go (a writer that closes at once), so no thread is left behind
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        reader.join()
    assert not held
    assert LeafletLanguage("vi", "") in listed  # listed by its tag; exporting in it says what is wrong


# --- page breaks ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", ("en", *SHIPPED))
@pytest.mark.parametrize("name", DEMOS)
def test_no_heading_is_left_alone_at_the_foot_of_a_page(pathway, language, name):
    """A section's heading starts the page its section starts on: "Tests and checks" was left at
    the foot of a Spanish page with the table on the next."""
    from livercalc_desktop.leaflet.pages import MARGIN

    case = demo(pathway, name, language)
    headings = {" ".join(h.split()) for h in content_for(pathway, case, language).headings.values()}
    pdf = leaflet(pathway, case)
    pages = len(pdf_reader(pdf).pages)
    height = float(pdf_reader(pdf).pages[0].mediabox.height)
    for page in range(pages - 1):
        body = [(y, " ".join(t.split())) for _, y, t in runs_on_page(pdf, page) if MARGIN < y < height - MARGIN]
        _, last = min(body)
        assert last not in headings and last[::-1] not in headings, f"page {page + 1} ends with heading {last!r}"
