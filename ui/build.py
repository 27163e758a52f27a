"""Compile Qt Designer forms and translations. Run after changing a .ui file or a translation:

    uv run python ui/build.py            # forms (ui/*.ui -> desktop_app/gui/forms/) and .qm files
    uv run python ui/build.py --update   # also re-scan the sources into the .ts files (lupdate)

The generated forms are committed, so running the app never needs the Qt tools (no loadUiType).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "desktop_app" / "gui" / "forms"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("pt_BR",)


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


def update_ts() -> None:
    for lang in LANGUAGES:
        ts = TRANSLATIONS / f"regua_{lang}.ts"
        subprocess.run([tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-ts", str(ts.relative_to(ROOT))],
                       check=True, cwd=ROOT)


def release_qm() -> None:
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


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
