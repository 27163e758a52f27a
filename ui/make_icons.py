"""Render resources/icons/regua.svg into the icon files the installers want (run after changing the svg):

    uv run python ui/make_icons.py     # -> resources/icons/regua.ico (Windows), regua.icns (macOS), regua.png

Qt's own image writers do the work (qico, qicns), so no extra tool is needed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - image plugins need an application
    renderer = QSvgRenderer(str(ICONS / "regua.svg"))
    if not renderer.isValid():
        print("the svg does not render", file=sys.stderr)
        return 1
    render(renderer, 256).save(str(ICONS / "regua.png"))
    for fmt, size in (("ico", 256), ("icns", 512)):
        writer = QImageWriter(str(ICONS / f"regua.{fmt}"), fmt.encode())
        if not writer.write(render(renderer, size)):
            print(f"{fmt}: {writer.errorString()}", file=sys.stderr)
            return 1
    print(f"icons written to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
