"""Each Alt+letter on the customers screen means one thing: the menu bar's titles and the buttons of the
list and of the customer's page (Alt+R was Reports, Redeem and Resolve complaint at once), and each
letter in the Shop menu one item."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton

from desktop_app.domain.actors import OWNER, Actor


@pytest.fixture(params=["en", "pt_BR", "pt_PT"])
def language(request, qapp):
    """Each window language: the letters live in the translations too."""
    from desktop_app.gui.common.i18n import install_language

    install_language(request.param, "PT" if request.param == "pt_PT" else "BR")
    yield request.param
    install_language("en", "BR")


def letter(text: str) -> str | None:
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else None


def test_the_customers_screen_and_the_menu_bar_share_no_alt_letter(window_at, language):
    window, view = window_at(Actor(None, "Ana", OWNER), "customers")
    texts = [m.title() for m in (a.menu() for a in window.menuBar().actions()) if m is not None]
    # the first steps of an empty shop are never on screen with the list and a customer's page
    texts += [b.text() for b in view.findChildren(QAbstractButton) if not view.first_steps.isAncestorOf(b)]
    letters = Counter(x for x in map(letter, texts) if x)
    clashes = [(c, [t for t in texts if letter(t) == c]) for c, n in letters.items() if n > 1]
    assert clashes == [], "\n".join(map(str, clashes))


def test_each_shop_menu_item_has_its_own_letter(window_at, language):
    window, _view = window_at(Actor(None, "Ana", OWNER), "customers")
    texts = [a.text() for a in window.shop_menu.actions() if not a.isSeparator()]
    letters = Counter(x for x in map(letter, texts) if x)
    assert [c for c, n in letters.items() if n > 1] == []
