"""The customer base through its services: what is saved, what is refused, and what is left alone."""

from __future__ import annotations

import pytest

from desktop_app.db.models import AuditLog, Consent, Customer, CustomerTag, Interaction, SearchTerm
from desktop_app.domain.birthdays import Birthday
from desktop_app.domain.errors import NotFound, ValidationError
from desktop_app.services.customers import customers
from desktop_app.services.customers.customers import CustomerInput


def create(shop, actor, today, **fields) -> int:
    return customers.create_customer(CustomerInput(**fields), shop=shop, actor=actor, today=today)


def db_counts() -> tuple[int, ...]:
    return tuple(m.select().count() for m in (Customer, Consent, CustomerTag, SearchTerm, Interaction))


def test_a_customer_is_stored_in_canonical_form(shop_settings, actor, today):
    cid = create(shop_settings, actor, today, name="  Juliana   Mendes ", email=" Juliana@Gmail.COM ",
                 phone="(11) 98765-4321", birthday="29/02", tags=["VIP", "vip", " noivas "],
                 consent_email=True, consent_whatsapp=False)
    d = customers.detail(cid, shop_settings)
    assert (d.name, d.email, d.phone) == ("Juliana Mendes", "juliana@gmail.com", "+5511987654321")
    assert d.birthday == Birthday(29, 2, None)
    assert d.tags == ["noivas", "vip"]
    assert d.consent == {"email": True, "whatsapp": False}
    assert Customer.get_by_id(cid).birthday_md == 229


@pytest.mark.parametrize(("field", "value", "code"), [
    ("email", "juliana@", "email_invalid"),
    ("phone", "12345", "phone_invalid"),
    ("birthday", "31/02", "date_invalid"),
    ("birthday", "15/03/2031", "birthday_future"),
    ("name", "   ", "required"),
    ("name", "x" * 201, "too_long"),
])
def test_bad_input_shows_the_fields_message_and_saves_nothing(shop_settings, actor, today, field, value, code):
    data = {"name": "Juliana", field: value}
    before = db_counts()
    with pytest.raises(ValidationError) as err:
        create(shop_settings, actor, today, **data)
    assert (err.value.field, err.value.code) == (field, code)
    assert db_counts() == before


def test_validate_reports_every_wrong_field_at_once(shop_settings, today):
    _clean, errors = customers.validate(CustomerInput(name="", email="a@", phone="1", birthday="40/40"),
                                        shop_settings, today)
    assert {e.field for e in errors} == {"name", "email", "phone", "birthday"}


def test_whatsapp_consent_needs_a_phone_as_e_mail_consent_needs_an_address(shop_settings, actor, today):
    """The form refused e-mail consent without an e-mail but took WhatsApp consent without a phone. The
    message goes under the Phone field, the one to fill in (the form has a message line for it)."""
    before = db_counts()
    with pytest.raises(ValidationError) as err:
        create(shop_settings, actor, today, name="Inês Ribeiro", phone="  ", consent_whatsapp=True)
    assert (err.value.field, err.value.code) == ("phone", "consent_needs_phone")
    assert db_counts() == before
    _clean, errors = customers.validate(CustomerInput(name="Inês", consent_email=True, consent_whatsapp=True),
                                        shop_settings, today)
    assert {(e.field, e.code) for e in errors} == {("consent_email", "consent_needs_email"),
                                                   ("phone", "consent_needs_phone")}
    cid = create(shop_settings, actor, today, name="Inês Ribeiro", phone="11 98765-4321", consent_whatsapp=True)
    assert customers.detail(cid, shop_settings).consent["whatsapp"] is True
    assert customers.validate(CustomerInput(name="Paula", consent_whatsapp=False), shop_settings, today)[1] == []


def test_a_phone_from_another_country_keeps_its_own_prefix(shop_settings, actor, today):
    cid = create(shop_settings, actor, today, name="Rui", phone="+351 912 345 678")
    assert customers.detail(cid, shop_settings).phone == "+351912345678"


def test_shared_email_or_phone_is_a_warning_and_card_codes_are_unique(shop_settings, actor, today):
    first = create(shop_settings, actor, today, name="Ana", email="ana@x.com", phone="11987654321", card_code="C1")
    dups = customers.find_duplicates("ana@x.com", "+5511987654321")
    assert {(d.field, d.customer_id) for d in dups} == {("email", first), ("phone", first)}
    assert customers.find_duplicates("ana@x.com", None, exclude_id=first) == []
    before = db_counts()
    with pytest.raises(ValidationError) as err:
        create(shop_settings, actor, today, name="Outra Ana", card_code="C1")
    assert err.value.code == "card_code_taken" and "Ana" in err.value.message()
    assert db_counts() == before


def test_editing_reindexes_and_keeps_the_birthday_date_when_unchanged(shop_settings, actor, today):
    from datetime import timedelta

    cid = create(shop_settings, actor, today, name="Carla Souza", birthday="10/05")
    later = today + timedelta(days=40)
    customers.update_customer(cid, CustomerInput(name="Carla Ribeiro", birthday="10/05"), shop=shop_settings,
                              actor=actor, today=later)
    assert customers.search("souza") == []
    assert customers.search("ribeiro") == [cid]
    assert Customer.get_by_id(cid).birthday_set_on == today  # anti-gaming date moves only on a real change
    customers.update_customer(cid, CustomerInput(name="Carla Ribeiro", birthday="11/05"), shop=shop_settings,
                              actor=actor, today=later)
    assert Customer.get_by_id(cid).birthday_set_on == later


def test_consent_history_is_append_only(shop_settings, actor, today):
    cid = create(shop_settings, actor, today, name="Bia", email="bia@x.com", consent_email=True)
    data = CustomerInput(name="Bia", email="bia@x.com", consent_email=True)
    customers.update_customer(cid, data, shop=shop_settings, actor=actor, today=today)  # unchanged: no row
    data.consent_email = False
    customers.update_customer(cid, data, shop=shop_settings, actor=actor, today=today)
    rows = list(Consent.select().where(Consent.customer == cid).order_by(Consent.id))
    assert [(r.channel, r.granted, r.source) for r in rows] == [("email", True, "counter"), ("email", False, "counter")]
    kinds = [e.kind for e in customers.timeline(cid)]
    assert "consent_email_off" in kinds and "consent_email_on" in kinds and kinds[-1] == "created"


def test_a_first_no_is_kept_with_its_source(shop_settings, actor, today):
    """Opt-out wins: a customer never asked who then says no has that no on record (it was dropped, so she
    stayed 'never asked'); the same no again writes nothing more, and a later yes and no are each kept."""
    cid = create(shop_settings, actor, today, name="Bia", email="bia@x.com")
    assert Consent.select().where(Consent.customer == cid).count() == 0  # nothing asked, nothing written
    data = CustomerInput(name="Bia", email="bia@x.com", consent_email=False)
    customers.update_customer(cid, data, shop=shop_settings, actor=actor, today=today)
    customers.update_customer(cid, data, shop=shop_settings, actor=actor, today=today)  # the same no: no row
    customers.record_consent(cid, "whatsapp", False, actor=actor, source="whatsapp_reply")
    customers.record_consent(cid, "whatsapp", True, actor=actor, source="counter")
    customers.record_consent(cid, "whatsapp", False, actor=actor, source="counter")
    rows = [(r.channel, r.granted, r.source, r.legal_basis)
            for r in Consent.select().where(Consent.customer == cid).order_by(Consent.id)]
    assert rows == [("email", False, "counter", "consent"), ("whatsapp", False, "whatsapp_reply", "consent"),
                    ("whatsapp", True, "counter", "consent"), ("whatsapp", False, "counter", "consent")]
    assert customers.detail(cid, shop_settings).consent == {"email": False, "whatsapp": False}
    assert [e.kind for e in customers.timeline(cid)].count("consent_whatsapp_off") == 2


def test_a_no_given_when_the_customer_is_created_is_kept(shop_settings, actor, today):
    cid = create(shop_settings, actor, today, name="Rita", phone="(11) 98765-4321", consent_whatsapp=False)
    rows = [(r.channel, r.granted, r.source) for r in Consent.select().where(Consent.customer == cid)]
    assert rows == [("whatsapp", False, "counter")]


def test_merge_moves_history_fills_gaps_and_removes_the_duplicate(shop_settings, actor, today):
    keep = create(shop_settings, actor, today, name="Maria Silva", phone="11987654321", tags=["vip"])
    other = create(shop_settings, actor, today, name="Maria S.", email="maria@x.com", birthday="01/02",
                   card_code="FL9", tags=["noivas"], consent_email=True)
    Interaction.create(customer=other, kind="purchase", amount_cents=5000, note="", occurred_at=today,
                       occurred_on=today, source="counter", created_at=today)
    customers.merge_customers(keep, other, actor=actor, today=today)
    d = customers.detail(keep, shop_settings)
    assert (d.email, d.card_code, d.birthday) == ("maria@x.com", "FL9", Birthday(1, 2, None))
    assert d.tags == ["noivas", "vip"] and d.consent["email"] is True
    assert Customer.get_or_none(Customer.id == other) is None
    assert Interaction.select().where(Interaction.customer == keep, Interaction.kind == "purchase").count() == 1
    assert customers.search("maria@x.com") == [keep]
    assert AuditLog.select().where(AuditLog.action == "customer.merge").count() == 1
    with pytest.raises(ValidationError):
        customers.merge_customers(keep, keep, actor=actor, today=today)


def test_find_by_reference_accepts_id_email_card_and_phone(shop_settings, actor, today):
    cid = create(shop_settings, actor, today, name="Rita", email="rita@x.com", phone="11 98888-7777", card_code="R1")
    for ref in (f"#{cid}", str(cid), "RITA@x.com", "R1", "(11) 98888-7777"):
        assert customers.find_by_reference(ref, shop_settings).id == cid
    with pytest.raises(NotFound):
        customers.find_by_reference("nobody@x.com", shop_settings)


def test_search_limit_is_bounded(shop_settings):
    with pytest.raises(ValidationError):
        customers.search("ana", limit=0)
