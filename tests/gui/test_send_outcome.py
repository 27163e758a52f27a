"""A send that sent nothing says why in words: Today showed the sender's keys ("Not sent:
sending_elsewhere") while another till held the shop's sender."""

from __future__ import annotations

from desktop_app.gui.mail.send_outcome import REASONS, reasons_text


def test_each_reason_is_said_once_in_words(english):
    assert reasons_text({"sending_elsewhere": 1}) == (
        "another till is sending the shop's e-mails right now; this one goes with them or in the next run")
    # two keys with the same words are said once; a zero count and "sent" are not reasons
    assert reasons_text({"sent": 0, "rate_limited": 1, "left_for_next_run": 3, "expired": 0}) == (
        "it waits for the next run")
    assert reasons_text({}) == "-"


def test_every_key_the_sender_counts_has_words():
    import re
    from pathlib import Path

    import desktop_app.services.mail.sender as sender

    source = Path(sender.__file__).read_text(encoding="utf-8")
    keys = set(re.findall(r'counts\["([a-z_]+)"\]', source)) | set(re.findall(r'return \{"([a-z_]+)": 1\}', source))
    keys |= {"retry", "bounced", "paused", "failed"}  # _count's verdicts
    keys |= {"expired", "too_late", "taken", "no_consent", "withdrawn", "suppressed"}  # what a claim can answer
    keys -= {"sent", "would_send"}  # a sent e-mail, and a dry run's count, are not reasons
    assert keys - set(REASONS) == set()
