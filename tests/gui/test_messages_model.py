"""The Messages list model, without a window: consistent for Qt's model tester, a refill is one reset
(not one change per cell, which froze the window for 41–45 s on 500 rows), and each row answers its
roles: the words staff read, the message's id, its row and its status code."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt

from desktop_app.domain import cadence as c
from desktop_app.gui.mail.messages_model import ID_ROLE, ROW_ROLE, STATUS_ROLE, MessageListModel
from desktop_app.gui.mail.messages_view import message_cells
from desktop_app.services.mail.sender import MessageRow

HEADERS = ("Customer", "Step", "Channel", "Status", "When", "Details")
TIMEZONE = "America/Sao_Paulo"


def rows(n: int, first_id: int = 1) -> list[MessageRow]:
    statuses = (c.PLANNED, c.SENT, c.FAILED, c.UNCERTAIN, c.EXPIRED)
    return [MessageRow(first_id + i, 1000 + i, f"Customer {i:04d}", f"c{i}@example.com", "welcome", c.EMAIL,
                       statuses[i % len(statuses)], date(2026, 11, 24),
                       datetime(2026, 11, 24, 15, 30, tzinfo=UTC) if i % 2 else None, i % 3,
                       "gave_up" if statuses[i % len(statuses)] == c.FAILED else "",
                       "550 5.7.1 refused" if statuses[i % len(statuses)] == c.FAILED else "")
            for i in range(n)]


def model() -> MessageListModel:
    return MessageListModel(HEADERS, lambda row: message_cells(row, TIMEZONE))


def test_the_model_passes_qts_model_tester_before_and_after_a_refill(qtmodeltester, english):
    m = model()
    m.set_rows(rows(500))
    qtmodeltester.check(m, force_py=True)  # and it keeps checking every change from here on
    m.set_rows(rows(3, first_id=900))
    m.set_rows([])
    m.set_rows(rows(3, first_id=900))
    assert m.rowCount() == 3 and m.columnCount() == len(HEADERS)


def test_a_refill_is_one_reset_not_one_change_per_cell(english):
    m = model()
    m.set_rows(rows(10))
    seen: list[str] = []
    m.modelReset.connect(lambda: seen.append("reset"))
    m.dataChanged.connect(lambda *a: seen.append("changed"))
    m.rowsInserted.connect(lambda *a: seen.append("inserted"))
    m.set_rows(rows(500))
    assert seen == ["reset"] and m.rowCount() == 500


def test_each_row_answers_its_roles_in_the_words_staff_read(english):
    m = model()
    m.set_rows(rows(5))
    failed = m.index(2, 0)  # the third row failed: "gave up after several tries" and the server's words
    assert [m.index(2, col).data() for col in range(4)] == ["Customer 0002", "Welcome", "E-mail", "failed"]
    details = m.index(2, 5)
    assert details.data() == "gave up after several tries · 550 5.7.1 refused"
    assert details.data(Qt.ItemDataRole.ToolTipRole) == details.data()  # the whole text, however narrow
    assert m.index(0, 5).data(Qt.ItemDataRole.ToolTipRole) is None  # nothing to say: no tooltip
    assert failed.data(ID_ROLE) == 3 and failed.data(STATUS_ROLE) == c.FAILED
    assert failed.data(ROW_ROLE) == m.message(2) and m.message(2).customer == "Customer 0002"
    assert m.headerData(3, Qt.Orientation.Horizontal) == "Status"
    assert m.row_of(3) == 2 and m.row_of(999) is None and m.message(5) is None


def test_a_cell_function_that_does_not_fit_the_columns_is_a_bug_not_a_blank():
    m = MessageListModel(HEADERS, lambda row: (row.customer,))
    try:
        m.set_rows(rows(1))
    except ValueError as exc:
        assert "1 cells for 6 columns" in str(exc)
    else:
        raise AssertionError("a row with too few cells was accepted")
    assert m.rowCount() == 0


def test_cells_written_on_the_lane_show_as_if_the_model_had_written_them(english):
    made_here, from_lane = model(), model()
    made_here.set_rows(rows(5))
    from_lane.set_rows(rows(5), [message_cells(r, TIMEZONE) for r in rows(5)])
    shown = [[m.data(m.index(r, col)) for r in range(5) for col in range(len(HEADERS))] for m in (made_here, from_lane)]
    assert shown[0] == shown[1] and from_lane.column_texts(0) == made_here.column_texts(0)
    assert from_lane.data(from_lane.index(1, 3)) == "sent" and from_lane.message(1).status == c.SENT
    with pytest.raises(ValueError):
        from_lane.set_rows(rows(2), [("only", "five", "cells", "of", "six")] * 2)
