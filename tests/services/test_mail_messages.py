"""Messages Régua builds cannot be bent into extra headers: hypothesis puts CR, LF, NUL, U+2028 and long
strings into names and subjects; a subject with a line break is refused, a name is cleaned, and the
parsed message always has exactly the headers Régua wrote. Reply codes map to the states of DESIGN.md."""

from __future__ import annotations

from email import message_from_bytes, policy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain import mail
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.mail import SmtpAccount
from desktop_app.services.mail.mailer import build_message

ACC = SmtpAccount("smtp.example.com", 587, "starttls", "loja", "loja@flordelis.com.br", "Flor de Lis")
NASTY = st.lists(st.sampled_from(list("ab çãé\r\n\x00\u2028\u2029:;<>\"'=?") + ["Bcc: x@evil.com", "\r\nX-Evil: 1"]),
                 max_size=60).map("".join)
HEADERS = {"Content-Type", "MIME-Version", "From", "To", "Subject", "Date", "Message-ID", "List-Unsubscribe"}


@settings(max_examples=200, deadline=None)
@given(name=NASTY, subject=NASTY)
def test_names_and_subjects_never_add_a_header(name, subject):
    """Promise: No header or template injection."""
    try:
        msg = build_message(ACC, "maria@example.com", name, subject, "Oi", "<p>Oi</p>", marketing=True)
    except ValidationError as exc:
        assert exc.code in ("header_line_break", "too_long")
        assert any(ch in subject for ch in "\r\n\x00\u2028\u2029") or len(subject) > 200
        return
    parsed = message_from_bytes(msg.as_bytes(), policy=policy.default)
    assert set(parsed.keys()) == HEADERS
    assert all(len(parsed.get_all(h)) == 1 for h in HEADERS)
    assert parsed["To"].addresses[0].addr_spec == "maria@example.com"
    assert str(parsed["Subject"]) == " ".join(subject.split())


@pytest.mark.parametrize("code, text, verdict", [
    (421, "4.3.2 shutting down", mail.RETRY), (450, "4.2.1 busy", mail.RETRY), (452, "4.2.2 full", mail.RETRY),
    (None, "timed out", mail.RETRY), (550, "5.1.1 no such user", mail.BOUNCE), (553, "", mail.BOUNCE),
    (535, "5.7.8 bad credentials", mail.PAUSE), (530, "5.7.0 auth required", mail.PAUSE),
    (552, "5.4.5 daily quota exceeded", mail.PAUSE), (554, "5.7.1 rejected by policy", mail.PAUSE),
    (552, "5.2.2 mailbox full", mail.FAIL), (554, "5.6.0 bad content", mail.FAIL),
])
def test_each_reply_maps_to_what_the_sender_does(code, text, verdict):
    """Promise: Errors classified by reply code."""
    assert mail.classify(code, text) == verdict


def test_backoff_grows_and_is_capped():
    steps = [mail.backoff(n).total_seconds() / 60 for n in range(1, 8)]
    assert steps == [5, 20, 60, 180, 360, 360, 360]


def test_the_logo_travels_inside_the_message_and_only_pictures_are_taken(shop_settings, actor, tmp_path):
    from desktop_app.services.mail import mailer

    png = tmp_path / "logo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    mailer.save_logo(str(png), actor=actor)
    kind, data = mailer.logo()
    assert kind == "png" and data == png.read_bytes()
    msg = build_message(ACC, "maria@example.com", "Maria", "Oi", "Oi",
                        mailer.html_from_text("Oi", "Flor de Lis", with_logo=True), marketing=False,
                        logo_image=(kind, data))
    parsed = message_from_bytes(msg.as_bytes(), policy=policy.default)
    related = next(p for p in parsed.iter_parts() if p.get_content_type() == "multipart/related")
    html_part, image = list(related.iter_parts())
    assert 'src="cid:logo@regua"' in html_part.get_content() and image["Content-ID"] == "<logo@regua>"
    assert image.get_content() == data
    for name, content, code in (("big.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 400_000, "logo_too_big"),
                                ("logo.gif", b"GIF89a" + b"\x00" * 10, "logo_not_image")):
        (tmp_path / name).write_bytes(content)
        with pytest.raises(ValidationError) as err:
            mailer.save_logo(str(tmp_path / name), actor=actor)
        assert err.value.code == code
    assert mailer.logo()[1] == data  # the bad ones changed nothing
    mailer.save_logo(None, actor=actor)
    assert mailer.logo() is None
