"""The lazy list model: ids only, pages fetched off data(), consistent for Qt's model tester."""

from __future__ import annotations

from desktop_app.gui.customers.customer_model import MAX_PAGES, PAGE_SIZE, CustomerListModel
from desktop_app.services.customers.customers import CustomerRow


class FakeRows:
    """Rows made up from ids; records each page request."""

    def __init__(self):
        self.calls: list[list[int]] = []

    def __call__(self, ids):
        self.calls.append(list(ids))
        return [CustomerRow(i, f"Customer {i:07d}", "(11) 90000-0000", "+5511900000000", f"c{i}@x.com", "Recife",
                            None, None) for i in ids]


def test_model_passes_qts_model_tester(qtmodeltester, tasks, english):
    model = CustomerListModel(tasks, FakeRows())
    model.set_ids(range(1, 1001))
    qtmodeltester.check(model, force_py=True)


def test_data_never_loads_but_asks_for_the_page(qtbot, tasks, english):
    loader = FakeRows()
    model = CustomerListModel(tasks, loader)
    model.set_ids(range(1, 1_000_001))
    assert model.rowCount() == 1_000_000
    assert model.data(model.index(500_000, 0)) == "…"
    assert loader.calls == []  # nothing was read inside data()
    with qtbot.waitSignal(model.dataChanged, timeout=2000):
        pass
    assert model.data(model.index(500_000, 0)) == "Customer 0500001"
    assert loader.calls == [list(range(500_001, 500_001 + PAGE_SIZE))]


def test_the_page_cache_is_bounded(qtbot, tasks, english):
    model = CustomerListModel(tasks, FakeRows())
    model.set_ids(range(1, 100_001))
    for page in range(MAX_PAGES + 20):
        model.data(model.index(page * PAGE_SIZE, 0))
        qtbot.wait(1)
    qtbot.waitUntil(lambda: not tasks.busy)
    assert len(model._pages) <= MAX_PAGES


def test_stale_pages_from_an_old_list_are_dropped(qtbot, tasks, english):
    model = CustomerListModel(tasks, FakeRows())
    model.set_ids([10, 11, 12])
    model.data(model.index(0, 0))
    model.set_ids([20, 21])  # the answer for the old list is on its way
    qtbot.waitUntil(lambda: not tasks.busy)
    assert model.data(model.index(0, 0)) == "…"
    qtbot.waitUntil(lambda: model.data(model.index(0, 0)) == "Customer 0000020")


def test_a_page_arrives_while_the_database_lane_runs_a_long_job(qtbot, english):
    """The list reads on its own lane: its rows do not wait for the day's planning or an import's commit."""
    import threading

    from desktop_app.gui.common.tasks import DB, TaskRunner

    runner = TaskRunner()  # the real lanes
    release = threading.Event()
    runner.run(lambda: release.wait(10), lane=DB)  # holds the database lane until released
    try:
        model = CustomerListModel(runner, FakeRows())
        model.set_ids([7, 8, 9])
        assert model.data(model.index(0, 0)) == "…"
        qtbot.waitUntil(lambda: model.data(model.index(0, 0)) == "Customer 0000007", timeout=5000)
        assert runner.busy_on(DB) and not release.is_set()  # the long job is still running
    finally:
        release.set()
        runner.wait(10_000)
        qtbot.waitUntil(lambda: not runner.busy, timeout=5000)


def test_the_first_page_read_with_the_list_shows_without_another_read(qtbot, tasks, english):
    loader = FakeRows()
    model = CustomerListModel(tasks, loader)
    ids = model.with_first_page(list(range(1, 501)))  # on the lane, with the list's query
    model.set_ids(ids)
    assert model.data(model.index(0, 0)) == "Customer 0000001" and model.cached_row(PAGE_SIZE - 1) is not None
    assert model.data(model.index(PAGE_SIZE, 0)) == "…"  # the next page is read when it is painted
    assert loader.calls == [list(range(1, PAGE_SIZE + 1))]
    model.with_first_page([1, 2, 3])
    model.set_ids([4, 5])  # another list than the one read: its rows are not taken for these
    assert model.data(model.index(0, 0)) == "…"
