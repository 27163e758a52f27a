"""The password goes to a real keyring or nowhere: null, failing and plain-file backends are refused in
plain words and nothing is saved; the owner may keep it in memory for the session instead."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail, null

from desktop_app.domain.mail import SmtpAccount
from desktop_app.services.mail import mailer
from desktop_app.services.shop import secrets
from desktop_app.services.shop.secrets import SecretsError

ACC = SmtpAccount("smtp.example.com", 587, "starttls", "loja@example.com", "loja@example.com", "Loja")


class PlaintextKeyring(null.Keyring):
    """Stands in for keyrings.alt's PlaintextKeyring: a file anyone who copies the folder can read."""

    priority = 0.5

    def set_password(self, service, username, password):  # pragma: no cover - must never be called
        raise AssertionError("a plain-file keyring was used")


@pytest.fixture
def backend():
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)
    secrets._session.clear()


@pytest.mark.parametrize("unsafe", [null.Keyring, fail.Keyring, PlaintextKeyring])
def test_an_unsafe_keyring_is_refused_and_nothing_is_saved(shop_settings, actor, backend, unsafe):
    """Promise: The password lives only in the keyring."""
    backend(unsafe())
    with pytest.raises(SecretsError) as err:
        mailer.save_account(ACC, "app-password", actor=actor)
    assert err.value.code == "keyring_unavailable" and "type it once per session" in err.value.message()
    assert mailer.account() is None
    assert secrets.backend_name() == ""


def test_without_a_keyring_the_password_can_live_in_memory_for_the_session(shop_settings, actor, backend):
    backend(null.Keyring())
    mailer.save_account(ACC, "app-password", actor=actor, session_only=True)
    assert mailer.password_for(mailer.account()) == "app-password"
    secrets._session.clear()  # the program closed
    with pytest.raises(SecretsError):
        mailer.password_for(mailer.account())
