"""What a send that sent nothing says, in words: the sender's counts (services/mail/sender.py) are
machine keys ("sending_elsewhere", "outside_window"...), which Today showed raw."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.i18n import QT_TRANSLATE_NOOP

REASONS = {
    "sending_elsewhere": QT_TRANSLATE_NOOP(
        "send_outcome", "another till is sending the shop's e-mails right now; this one goes with them or in the "
                        "next run"),
    "outside_window": QT_TRANSLATE_NOOP("send_outcome", "it is outside the hours set for sending"),
    "paused": QT_TRANSLATE_NOOP("send_outcome", "sending is paused (see Messages)"),
    "not_connected": QT_TRANSLATE_NOOP("send_outcome", "the mail server did not answer; it is tried again later"),
    "retry": QT_TRANSLATE_NOOP("send_outcome", "the mail server asked to try again later"),
    "rate_limited": QT_TRANSLATE_NOOP("send_outcome", "it waits for the next run"),
    "left_for_next_run": QT_TRANSLATE_NOOP("send_outcome", "it waits for the next run"),
    "over_daily_limit": QT_TRANSLATE_NOOP("send_outcome", "today's sending limit is reached"),
    "failed": QT_TRANSLATE_NOOP("send_outcome", "it failed (see Messages)"),
    "bounced": QT_TRANSLATE_NOOP("send_outcome", "the address was refused"),
    "uncertain": QT_TRANSLATE_NOOP("send_outcome", "it may have gone out before an interruption, so it is not "
                                                   "sent again"),
    "expired": QT_TRANSLATE_NOOP("send_outcome", "it is no longer useful"),
    "too_late": QT_TRANSLATE_NOOP("send_outcome", "it is no longer useful"),
    "taken": QT_TRANSLATE_NOOP("send_outcome", "another run already took it"),
    "no_consent": QT_TRANSLATE_NOOP("send_outcome", "the customer no longer accepts e-mails"),
    "withdrawn": QT_TRANSLATE_NOOP("send_outcome", "the customer no longer accepts e-mails"),
    "suppressed": QT_TRANSLATE_NOOP("send_outcome", "the address is on the do-not-send list"),
}


def reasons_text(counts: dict[str, int]) -> str:
    """The reasons in `counts` (each once, in the sender's order), or '-' when it gave none."""
    said: list[str] = []
    for key, n in counts.items():
        if not n or key == "sent":
            continue
        text = QCoreApplication.translate("send_outcome", REASONS[key]) if key in REASONS else key
        if text not in said:
            said.append(text)
    return "; ".join(said) or "-"


def elsewhere(counts: dict[str, int]) -> bool:
    return bool(counts.get("sending_elsewhere"))
