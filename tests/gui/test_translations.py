"""The shipped catalogues against the sources (issue 17, item 15).

lupdate is run over the sources into a copy of each shipped .ts, exactly as `ui/build.py --update`
does: a text that the code shows and the catalogue lacks comes back unfinished, and the test lists it.
A text that lupdate cannot see at all (a tr() inside an f-string) is caught by reading the sources; a
translate() given a variable must use a context whose texts are marked with QT_TRANSLATE_NOOP.
"""

from __future__ import annotations

import ast
import importlib.util
import shutil
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"


def _build():
    spec = importlib.util.spec_from_file_location("regua_ui_build", ROOT / "ui" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _build()
CATALOGUES = [(lang, False) for lang in build.LANGUAGES] + [(lang, True) for lang in build.PLURAL_ONLY]


def messages(ts: Path):
    """(context, source, numerus, [translations], finished) for every message of a .ts file."""
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for m in context.iter("message"):
            t = m.find("translation")
            forms = [f.text or "" for f in t.iter("numerusform")] if m.get("numerus") == "yes" else [t.text or ""]
            finished = t.get("type") not in ("unfinished", "vanished", "obsolete") and all(f.strip() for f in forms)
            yield name, m.findtext("source"), m.get("numerus") == "yes", forms, finished


def fields(text: str) -> set[str]:
    try:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
    except ValueError:
        return {"<unbalanced braces>"}


@pytest.fixture(scope="module")
def rescanned(tmp_path_factory):
    """Each shipped catalogue with the sources scanned into it (the shipped file is not touched)."""
    folder = tmp_path_factory.mktemp("ts")
    out = {}
    for lang, plural_only in CATALOGUES:
        copy = folder / f"regua_{lang}.ts"
        shutil.copy(TRANSLATIONS / f"regua_{lang}.ts", copy)
        build.lupdate(copy, lang, plural_only=plural_only)
        out[lang] = copy
    return out


@pytest.mark.parametrize("lang", [lang for lang, _ in CATALOGUES])
def test_every_text_the_window_shows_is_translated(rescanned, lang):
    todo = [f"{ctx}: {src!r}" for ctx, src, _, _, finished in messages(rescanned[lang]) if not finished]
    assert not todo, (f"{len(todo)} texts missing or unfinished in regua_{lang}.ts; run "
                      "`uv run python ui/build.py --update` and translate them:\n  " + "\n  ".join(todo))


@pytest.mark.parametrize("lang", [lang for lang, _ in CATALOGUES])
def test_translations_keep_the_placeholders_of_their_source(lang):
    """A translation that drops {n} loses the number; one that renames it crashes .format()."""
    wrong = []
    for ctx, src, _numerus, forms, _ in messages(TRANSLATIONS / f"regua_{lang}.ts"):
        expected = fields(src)
        for form in forms:
            if form and fields(form) != expected:
                wrong.append(f"{ctx}: {src!r} -> {form!r}")
    assert not wrong, "placeholders differ:\n  " + "\n  ".join(wrong)


def test_counts_have_their_plural_forms():
    """Portuguese and English have two forms (one, other); each numerus message gives both."""
    short = []
    for lang, _ in CATALOGUES:
        for ctx, src, numerus, forms, _ in messages(TRANSLATIONS / f"regua_{lang}.ts"):
            if numerus and len([f for f in forms if f.strip()]) != 2:
                short.append(f"{lang} {ctx}: {src!r} has {forms}")
    assert not short, "\n".join(short)


def test_english_says_one_customer_not_one_customers():
    english = {(ctx, src): forms for ctx, src, numerus, forms, _ in messages(TRANSLATIONS / "regua_en.ts") if numerus}
    assert english[("CustomersView", "{n} customers")] == ["{n} customer", "{n} customers"]
    assert english[("PreviewPage", "{n} warnings")] == ["{n} warning", "{n} warnings"]


@pytest.mark.parametrize("lang", [lang for lang, _ in CATALOGUES])
def test_each_qm_is_built_from_its_ts(tmp_path, lang):
    ts, qm = TRANSLATIONS / f"regua_{lang}.ts", TRANSLATIONS / f"regua_{lang}.qm"
    fresh = tmp_path / qm.name
    build.lrelease(ts, fresh)
    assert qm.exists() and qm.read_bytes() == fresh.read_bytes(), (
        f"{qm.name} is older than {ts.name}: run `uv run python ui/build.py`")


TR_NAMES = {"tr": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1, "QT_TR_NOOP": 0}


def test_no_tr_inside_an_f_string():
    """lupdate reads only literal arguments; f"{self.tr('...')}" is a text it never sees."""
    found = []
    for path in sorted((ROOT / "desktop_app").rglob("*.py")):
        if "forms" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.JoinedStr):
                continue
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call):
                    f = inner.func
                    name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)
                    if name in TR_NAMES:
                        found.append(f"{path.relative_to(ROOT)}:{inner.lineno}")
    assert not found, "tr() inside an f-string (lupdate cannot see it):\n  " + "\n  ".join(found)


def test_dynamic_translate_calls_receive_only_marked_texts(rescanned):
    """translate(context, variable) works only if every value it can receive is in the catalogue: each
    such call's context must hold texts marked with QT_TRANSLATE_NOOP somewhere in the sources."""
    contexts = {ctx for ctx, *_ in messages(rescanned["pt_BR"])}
    unknown = []
    for path in sorted((ROOT / "desktop_app").rglob("*.py")):
        if "forms" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(node.func, "attr", getattr(node.func, "id", None)) if isinstance(node, ast.Call) else None
            if name == "translate" and len(node.args) >= 2 and isinstance(node.args[0], ast.Constant) \
                    and not isinstance(node.args[1], ast.Constant) and node.args[0].value not in contexts:
                unknown.append(f"{path.relative_to(ROOT)}:{node.lineno} context {node.args[0].value!r}")
    assert not unknown, "\n".join(unknown)


@pytest.mark.parametrize("lang", ["pt_BR", "pt_PT"])
def test_zero_takes_the_plural_in_portuguese(qapp, lang):
    """'0 avisos', as Brazilian and Portuguese software write it (Qt's own pt_BR rule would say '0 aviso')."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(f"regua_{lang}", str(TRANSLATIONS))
    qapp.installTranslator(translator)
    try:
        said = [QCoreApplication.translate("PreviewPage", "{n} warnings", "", n).format(n=n) for n in (0, 1, 2)]
    finally:
        qapp.removeTranslator(translator)
    assert said == ["0 avisos", "1 aviso", "2 avisos"]
