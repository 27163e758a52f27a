from __future__ import annotations

import pytest

from desktop_app.gui.tasks import TaskRunner


@pytest.fixture
def tasks(qapp):
    """The worker lane in synchronous mode: jobs run on the next event-loop turn, no threads."""
    runner = TaskRunner(synchronous=True)
    errors: list[BaseException] = []
    runner.unhandled.connect(errors.append)
    yield runner
    assert errors == []


@pytest.fixture
def english(qapp):
    from desktop_app.gui.i18n import install_language

    install_language("en", "BR")
    yield
