"""The shipped Japanese catalogue: complete for the current code, actually Japanese, and well-formed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import polib
import pytest

from mtreview import i18n
from mtreview.tools.catalogue import catalogue_path, extract, placeholders, translated, translations

JAPANESE = re.compile(r"[\u3040-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")


@pytest.fixture(scope="module")
def extraction():
    return extract()


@pytest.fixture(scope="module")
def ja_entries():
    po = polib.pofile(str(catalogue_path("ja")))
    return {(e.msgctxt, e.msgid): e for e in po if not e.obsolete}


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    i18n.set_language("en")


def test_every_extracted_string_has_a_japanese_translation(extraction, ja_entries):
    missing = [
        f"{m.msgid!r} ({m.locations[0][0]}:{m.locations[0][1]})" if m.locations else repr(m.msgid)
        for key, m in extraction.messages.items()
        if key not in ja_entries or not translated(ja_entries[key]) or "fuzzy" in ja_entries[key].flags
    ]
    assert not missing, (
        f"{len(missing)} string(s) have no Japanese translation; run "
        "`python -m mtreview.tools.catalogue extract` and translate them:\n" + "\n".join(missing)
    )


def test_the_template_lists_what_the_code_marks(extraction):
    pot = polib.pofile(str(catalogue_path("ja").parent.parent / "mtreview.pot"))
    stale = set(extraction.messages) - {(e.msgctxt, e.msgid) for e in pot}
    assert not stale, f"mtreview.pot is out of date (run extract): {sorted(k[1] for k in stale)[:10]}"


def test_every_japanese_entry_is_japanese_and_differs_from_the_english(ja_entries):
    not_japanese = [
        (e.msgid, text)
        for e in ja_entries.values()
        for text in translations(e)
        if text and (not JAPANESE.search(text) or text in (e.msgid, e.msgid_plural))
    ]
    assert not not_japanese, not_japanese


def test_placeholders_and_mnemonics_match(ja_entries):
    def mnemonics(text: str) -> int:
        return text.replace("&&", "").count("&")

    bad = [
        (e.msgid, text)
        for e in ja_entries.values()
        for text in translations(e)
        if text
        and (
            placeholders(e.msgid_plural or e.msgid) != placeholders(text)
            or mnemonics(e.msgid) != mnemonics(text)
        )
    ]
    assert not bad, bad


def test_japanese_mnemonics_follow_the_japanese_convention(ja_entries):
    """A translated menu label keeps an ASCII mnemonic in brackets: "ファイル(&F)"."""
    bad = [
        (e.msgid, e.msgstr)
        for e in ja_entries.values()
        if e.msgstr and "&" in e.msgstr.replace("&&", "") and not re.search(r"\(&[A-Z0-9]\)", e.msgstr)
    ]
    assert not bad, bad


def test_msgfmt_check_accepts_the_catalogue(tmp_path):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI=true and msgfmt (GNU gettext) is not installed")
        pytest.skip("msgfmt (GNU gettext) is not installed")
    result = subprocess.run(
        [msgfmt, "--check", "-o", str(tmp_path / "ja.mo"), str(catalogue_path("ja"))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "ja.mo").stat().st_size > 0


def test_set_language_ja_translates_every_entry(ja_entries):
    assert i18n.set_language("ja") == "ja"
    for (context, msgid), entry in ja_entries.items():
        if entry.msgid_plural:
            for n in (1, 2, 11):  # Japanese has one form
                assert i18n.ngettext(msgid, entry.msgid_plural, n) == entry.msgstr_plural[0]
            continue
        got = i18n.pgettext(context, msgid) if context else i18n._(msgid)
        assert got == entry.msgstr


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "en"), ("ja", "ja"), ("pseudo", "pseudo"), ("xx", "en")],
)
def test_set_language_falls_back_to_english(language, expected):
    assert i18n.set_language(language) == expected


def test_system_language_follows_the_environment(monkeypatch):
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert i18n.set_language("system") == "ja"
    assert i18n._("&File") != "&File"


def test_pseudo_translation_is_longer_and_keeps_placeholders():
    i18n.set_language("pseudo")
    text = i18n._("Imported {name}: {n} segments")
    assert len(text) > len("Imported {name}: {n} segments")
    assert text.format(name="x", n=3)  # placeholders still work


def test_every_category_of_every_shipped_typology_has_a_japanese_label():
    from mtreview.scoring.typology import available, load

    i18n.set_language("ja")
    untranslated = []
    for typology_id in available():
        for category in load(typology_id).categories:
            label = i18n.category_label(category.path)
            parts = label.split(" / ")
            if len(parts) != len(category.path.split("/")) or not all(JAPANESE.search(p) for p in parts):
                untranslated.append((typology_id, category.path, label))
    assert not untranslated


@pytest.mark.parametrize("language", ["en", "ja"])
def test_category_label_keeps_unknown_parts_and_the_hierarchy(language):
    i18n.set_language(language)
    label = i18n.category_label("Accuracy/Made-up subcategory")
    assert label.endswith(" / Made-up subcategory")
    assert (label.split(" / ")[0] == "Accuracy") is (language == "en")


def test_plurals_in_english_and_japanese():
    """ "1 document", "2 documents"; Japanese has one form ("1 件", "2 件")."""
    i18n.set_language("en")
    assert i18n.ngettext("{n} document", "{n} documents", 1).format(n=1) == "1 document"
    assert i18n.ngettext("{n} document", "{n} documents", 2).format(n=2) == "2 documents"
    assert i18n.ngettext("{n} document", "{n} documents", 0).format(n=0) == "0 documents"
    i18n.set_language("ja")
    one = i18n.ngettext("{n} document", "{n} documents", 1).format(n=1)
    two = i18n.ngettext("{n} document", "{n} documents", 2).format(n=2)
    assert JAPANESE.search(one) and one.replace("1", "2") == two


def test_plural_messages_are_extracted_with_both_forms(extraction):
    message = extraction.messages[(None, "{n} document")]
    assert message.plural == "{n} documents"
    pot = polib.pofile(str(catalogue_path("ja").parent.parent / "mtreview.pot"))
    entry = next(e for e in pot if e.msgid == "{n} document")
    assert entry.msgid_plural == "{n} documents"
