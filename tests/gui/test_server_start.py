"""A till on the shop's server: one window per shop per PC (keyed on the URL without its password), and a
start on a server that does not answer: try again, this PC's own shop, or close; nothing changed."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from desktop_app.config import resolve_paths
from desktop_app.db.database import close_database, database_path
from desktop_app.gui.shell.server_start import open_or_fall_back
from desktop_app.gui.shell.single_instance import SingleInstance
from desktop_app.services.shop import server

ROOT = Path(__file__).resolve().parents[2]
SECOND = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QCoreApplication
    from desktop_app.config import resolve_paths
    from desktop_app.gui.shell.single_instance import SingleInstance
    app = QCoreApplication([])
    paths = resolve_paths(db=sys.argv[1], data_dir=sys.argv[2])
    print("acquired" if SingleInstance.for_paths(paths).acquire() else "refused", flush=True)
""")


def second_start(url: str, data_dir: Path) -> str:
    done = subprocess.run([sys.executable, "-c", SECOND, url, str(data_dir)], cwd=ROOT, capture_output=True,
                          text=True, timeout=30)
    return done.stdout.strip() or done.stderr


def test_one_window_per_server_shop_per_pc_whatever_password_the_url_carries(qtbot, tmp_path):
    first = SingleInstance.for_paths(resolve_paths(db="postgresql://ana:one@db.loja.pt/loja", data_dir=tmp_path))
    assert first.acquire()
    woken = []
    first.activated.connect(lambda: woken.append(True))
    assert second_start("postgresql://ana:two@db.loja.pt/loja", tmp_path) == "refused"
    qtbot.waitUntil(lambda: woken == [True], timeout=5000)
    assert second_start("postgresql://ana@db.loja.pt/outra", tmp_path) == "acquired"  # another shop
    first.release()
    assert second_start("postgresql://ana@db.loja.pt/loja", tmp_path) == "acquired"


def test_a_server_that_does_not_answer_at_start_offers_this_pcs_own_shop(qapp, tmp_path):
    down = server.ready(resolve_paths(db=f"postgresql://ana@/loja?host={tmp_path / 'nothing'}", data_dir=tmp_path))
    asked = []

    def ask(answers):
        def answer(exc):
            asked.append(exc.code)
            return answers.pop(0)
        return answer

    def open_file(paths) -> bool:
        from desktop_app.services.shop import shop

        shop.open_shop(paths, create=True)
        return True

    assert open_or_fall_back(down, open_file, ask(["retry", "close"])) is None
    assert asked == ["db_server_down", "db_server_down"]  # tried twice, then closed
    local = open_or_fall_back(down, open_file, ask(["local"]))
    assert local is not None and not local.is_server and local.db_path == tmp_path / "regua.db"
    assert database_path() == tmp_path / "regua.db"
    close_database()


def test_the_question_says_the_servers_problem_and_offers_three_answers(qapp, english):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop_app.domain.errors import DatabaseError
    from desktop_app.gui.shell.server_start import _ask

    seen = {}

    def answer(choice: str) -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        seen["text"], seen["buttons"] = box.text(), [b.text() for b in box.buttons()]
        wanted = [b for b in box.buttons() if choice in b.text()]
        if not wanted:  # a failed lookup must fail the test, never leave the box open (the run hung)
            seen["missing"] = choice
            box.reject()
            return
        wanted[0].click()

    problem = DatabaseError("db_server_down", path="postgresql://ana@db.loja.pt/loja", reason="Connection refused")
    for choice, expected in (("own shop", "local"), ("Try", "retry"), ("Close", "close")):
        QTimer.singleShot(50, lambda c=choice: answer(c))
        assert _ask(problem) == expected, seen
    assert "does not answer" in seen["text"] and "db.loja.pt" in seen["text"]
    assert sorted(seen["buttons"]) == sorted(["&Try again", "Open this computer's &own shop", "&Close"])
