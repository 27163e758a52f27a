"""Compile Qt Designer forms and translations. Run after changing a .ui file or a translation:

    uv run python ui/build.py            # forms (ui/*.ui -> desktop_app/gui/forms/) and .qm files
    uv run python ui/build.py --update   # also re-scan the sources into the .ts files (lupdate)

The generated forms are committed, so running the app never needs the Qt tools (no loadUiType).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "desktop_app" / "gui" / "forms"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("pt_BR", "pt_PT")  # full catalogues
PLURAL_ONLY = ("en",)  # the source language: a catalogue only for its plural forms ("1 customer")
# The plural rule lrelease writes into a .qm follows the catalogue's language. Qt gives pt_BR CLDR's rule,
# where 0 takes the singular ("0 aviso", "0 linha tem erros"); Brazilian software writes "0 avisos", as
# Portugal does. So the Brazilian .qm is built with Portugal's rule (one = exactly 1); its .ts stays pt_BR
# for the translators.
PLURAL_RULE_OF = {"pt_BR": "pt_PT"}


def tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    return str(exe) if exe.exists() else name


def build_forms() -> None:
    FORMS.mkdir(parents=True, exist_ok=True)
    (FORMS / "__init__.py").write_text('"""Generated from ui/*.ui by ui/build.py; do not edit."""\n')
    for ui in sorted((ROOT / "ui").glob("*.ui")):
        target = FORMS / f"ui_{ui.stem}.py"
        subprocess.run([tool("pyside6-uic"), "--from-imports", str(ui), "-o", str(target)], check=True)
        print(f"{ui.relative_to(ROOT)} -> {target.relative_to(ROOT)}")


def sources() -> list[str]:
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop_app").rglob("*.py")
                   if "forms" not in p.parts)
    files += sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").glob("*.ui"))
    return files


def lupdate(ts: Path, language: str, *, plural_only: bool = False) -> None:
    """Re-scan the sources into `ts` (kept translations stay, new texts come in unfinished, gone ones go).
    Run from the checkout so that the .ts records paths relative to it; the translation test calls this
    too, on a temporary copy."""
    args = [tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-source-language", "en",
            "-target-language", language, "-ts", str(ts)]
    if plural_only:
        args.insert(-2, "-pluralonly")
    subprocess.run(args, check=True, cwd=ROOT, capture_output=True, text=True)


def update_ts() -> None:
    for lang in LANGUAGES + PLURAL_ONLY:
        lupdate(TRANSLATIONS / f"regua_{lang}.ts", lang, plural_only=lang in PLURAL_ONLY)
        print(f"scanned into resources/translations/regua_{lang}.ts")


def lrelease(ts: Path, qm: Path) -> None:
    language = ts.stem.removeprefix("regua_")
    if language in PLURAL_RULE_OF:
        with tempfile.TemporaryDirectory() as folder:
            text = ts.read_text(encoding="utf-8").replace(f'language="{language}"',
                                                          f'language="{PLURAL_RULE_OF[language]}"', 1)
            copy = Path(folder) / ts.name
            copy.write_text(text, encoding="utf-8")
            subprocess.run([tool("pyside6-lrelease"), "-silent", str(copy), "-qm", str(qm)], check=True)
        return
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def release_qm() -> None:
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        lrelease(ts, ts.with_suffix(".qm"))
        print(f"{ts.relative_to(ROOT)} -> {ts.with_suffix('.qm').name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="re-scan sources into the .ts files first")
    args = parser.parse_args()
    build_forms()
    if args.update:
        update_ts()
    release_qm()


if __name__ == "__main__":
    main()
