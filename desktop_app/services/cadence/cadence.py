"""The régua: which customers the shop should contact today and why, the outbox that remembers every
occasion exactly once, and what staff do with each (send the WhatsApp, make the call, skip it).

Planning is a pure function of the customers, their history, the rules and a local date
(`occasions`). `plan` writes its result into the outbox under the occasion's UNIQUE key inside one
IMMEDIATE transaction, so running it twice, from two processes at once or after a crash leaves exactly
one row per occasion. `preview` computes the same thing for any day without writing, for the 7-day
view and `regua due`.
"""

from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from desktop_app.db import cadence as queries
from desktop_app.db import customers as customer_queries
from desktop_app.db import reports as report_queries
from desktop_app.db.database import database, write
from desktop_app.db.models import Outbox
from desktop_app.domain import cadence as c
from desktop_app.domain import templates
from desktop_app.domain.actors import Actor
from desktop_app.domain.birthdays import Birthday
from desktop_app.domain.cadence import CadenceRules, Contact, Occasion
from desktop_app.domain.dates import local_date, local_today, to_utc, utc_now, zone
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.kinds import UNFINISHED
from desktop_app.domain.loyalty import Account
from desktop_app.domain.permissions import require
from desktop_app.domain.segments import group_of
from desktop_app.services.cadence.default_texts import default_text, gift_line, subject_for, unsubscribe_line
from desktop_app.services.cadence.rules import RULES_KEY, get_rules
from desktop_app.services.cadence.rules import with_shop as _with_shop
from desktop_app.services.customers.interactions import LogEntry, log_interaction
from desktop_app.services.loyalty import coupons, loyalty
from desktop_app.services.shop import audit
from desktop_app.services.shop.shop import ShopSettings, get_setting, set_setting

LAST_RUN_KEY = "cadence_last_run"
SINCE_KEY = "cadence_since"  # the day the régua first ran: it never plans for days before it
NO_SIGNUP_SOURCES = ("import",)  # imported customers get no signup or welcome message
STEP_OFF = "step_off"  # the reason of what a step had planned when the owner turned it off
BELOW_REWARD = "below_reward"  # a "reward reached" whose customer's points no longer reach any reward (a refund)
POINTS_GONE = "points_gone"  # a "points expiring" whose points were spent or taken back meanwhile
LOYALTY_STEPS = (c.REWARD_REACHED, c.POINTS_EXPIRING)  # occasions about points, true only while the points are
MAX_OUTCOME = 500


# --- rules ---------------------------------------------------------------------------------------------------


def save_rules(rules: CadenceRules, *, actor: Actor, shop: ShopSettings, today: date | None = None) -> CadenceRules:
    """Save the cadence. A step turned off takes what it planned and has not done yet off Today and
    `regua due` (skipped, reason "step_off"; what was sent or done stays as it was); turned on again,
    those of them still useful on `today` (default: the shop's today) come back."""
    require(actor, "settings.change")
    rules = _with_shop(rules, shop).validated()
    for step in rules.steps:
        templates.check(step.text)
        templates.check(step.subject)
    today = today or local_today(shop.timezone)
    with write():
        _follow_switches(get_rules(shop), rules, today, utc_now())
        set_setting(RULES_KEY, rules.to_json())
        audit.record(actor, "settings.change", "cadence")
    return rules


def _follow_switches(before: CadenceRules, after: CadenceRules, today: date, now: datetime) -> None:
    """What the steps planned follows them being turned off (skipped, `STEP_OFF`) or on again (back,
    still useful on `today`, unless the customer said stop meanwhile: then as `cancel_waiting` does)."""
    for step in after.steps:
        was = before.step(step.key).enabled
        if was and not step.enabled:
            queries.withdraw_step(step.key, STEP_OFF, now)
        elif step.enabled and not was:
            back = queries.restore_step(step.key, STEP_OFF, today, now,
                                        hold_email=after.approve_first and step.key not in c.TRANSACTIONAL)
            contacts = _contacts(sorted({cid for _oid, cid, _ch in back}))
            gone = [oid for oid, cid, channel in back
                    if cid not in contacts or c.channel_for(replace(step, channel=channel), contacts[cid]) != channel]
            if gone:
                Outbox.update(status=c.SUPPRESSED, reason="no_consent", updated_at=now).where(
                    Outbox.id.in_(gone)).execute()


def text_for(step: str, rules: CadenceRules, shop: ShopSettings) -> str:
    return rules.step(step).text or default_text(step, shop.language)


# --- planning: a pure function of the history and a date ----------------------------------------------------


def _local_day_utc(day: date, tz: str) -> datetime:
    return to_utc(datetime.combine(day, time(0), zone(tz)))


def occasions(first: date, last: date, rules: CadenceRules, shop: ShopSettings) -> list[Occasion]:
    """Every occasion whose step date falls in [first, last], for every enabled step, before looking at
    consent, the outbox or the frequency cap. Each step reads one index range."""
    found: list[Occasion] = []
    steps = {s.key: s for s in rules.steps if s.enabled}

    def created(step: c.Step) -> None:
        lo, hi = first - timedelta(days=step.days), last - timedelta(days=step.days)
        rows = queries.created_between(_local_day_utc(lo, shop.timezone),
                                       _local_day_utc(hi + timedelta(days=1), shop.timezone))
        for cid, at, source in rows:
            if source in NO_SIGNUP_SOURCES:
                continue
            signed_up = local_date(at, shop.timezone)
            found.append(c.occasion(cid, step, step.key, signed_up + timedelta(days=step.days),
                                    detail=signed_up.isoformat()))

    for key in (c.SIGNUP, c.WELCOME):
        if key in steps:
            created(steps[key])
    if c.BIRTHDAY in steps:
        step = steps[c.BIRTHDAY]
        day = first
        while day <= last:
            celebrated = day + timedelta(days=step.days)
            for cid, d, m, y, set_on in queries.birthdays(c.birthday_month_days(celebrated, rules.feb29_rule)):
                o = c.birthday_occasion(cid, Birthday(d, m, y), set_on, day, rules)
                if o is not None:
                    found.append(o)
            day += timedelta(days=1)
    if c.UNFINISHED in steps:
        step = steps[c.UNFINISHED]
        for iid, cid, on, kind in queries.unfinished_between(first, last, UNFINISHED):
            found.append(c.occasion(cid, step, f"unfinished:{iid}", on, iid, kind))
    if c.POST_SALE in steps:
        step = steps[c.POST_SALE]
        first_of_day: dict[tuple[int, date], int] = {}
        bought = queries.purchases_between(first - timedelta(days=step.days), last - timedelta(days=step.days))
        for iid, cid, on in bought:
            key = (cid, on)
            first_of_day[key] = min(iid, first_of_day.get(key, iid))  # one follow-up per customer and day
        waiting = queries.with_open_complaint([cid for cid, _ in first_of_day]) if rules.wait_for_complaints else set()
        refunded = queries.fully_refunded([iid for iid, _cid, _on in bought])
        kept = {(cid, on) for iid, cid, on in bought if iid not in refunded}  # a day all given back: no follow-up
        for (cid, on), iid in sorted(first_of_day.items()):
            if cid not in waiting and (cid, on) in kept:
                found.append(c.occasion(cid, step, f"post_sale:{iid}", on + timedelta(days=step.days), iid,
                                        on.isoformat()))
    if c.REACTIVATION in steps:
        step = steps[c.REACTIVATION]
        for cid, last_seen in queries.last_active_between(first - timedelta(days=step.days),
                                                          last - timedelta(days=step.days)):
            found.append(c.reactivation_occasion(cid, last_seen, step))
    if c.REWARD_REACHED in steps or c.POINTS_EXPIRING in steps:
        for ev in loyalty.events(first, last):
            step = steps.get(ev.step)
            if step is None:
                continue
            detail = ev.on.isoformat() if ev.step == c.REWARD_REACHED else \
                f"{ev.points}|{(ev.on + timedelta(days=int(ev.detail))).isoformat()}"
            o = c.occasion(ev.customer_id, step, ev.key, ev.on, ev.program_id, detail)
            if ev.step == c.POINTS_EXPIRING:  # never after the points are gone
                expires = ev.on + timedelta(days=int(ev.detail))
                o = Occasion(o.customer_id, o.step, o.occurrence, o.due_on,
                             min(o.not_after, expires - timedelta(days=1)), o.ref_id, o.detail)
            found.append(o)
    return _in_audience(found, rules)


def _in_audience(found: list[Occasion], rules: CadenceRules) -> list[Occasion]:
    """Keep, for a step aimed at a segment, a stage or a tag, only the customers in it (the day's stored
    segments: `refresh_audiences` brings them up to date first)."""
    groups = {s.key: c.audience_parts(s.audience) for s in rules.steps if s.audience}
    if not groups:
        return found
    asked: dict[tuple[str, str], set[int]] = defaultdict(set)
    for o in found:
        if o.step in groups:
            asked[groups[o.step]].add(o.customer_id)
    members = {group: report_queries.in_group(*group, sorted(ids)) for group, ids in asked.items()}
    return [o for o in found if o.step not in groups or o.customer_id in members[groups[o.step]]]


def refresh_audiences(rules: CadenceRules, today: date, shop: ShopSettings) -> None:
    """Work out the day's segments when a step is aimed at one (once a day; the first time can take a few
    seconds on a big shop)."""
    if any(s.enabled and group_of(s.audience) for s in rules.steps):
        from desktop_app.services.reports import (
            reports,  # the reports load much the régua never needs: imported when asked
        )

        reports.refresh_segments(today, shop=shop)


People = dict[int, tuple[str, str, str]]  # customer id -> (name, e-mail, phone)


def _contacts(ids: list[int], people: People | None = None) -> dict[int, Contact]:
    people = queries.contacts(ids) if people is None else people
    consent = customer_queries.consent_for(ids)
    return {cid: Contact(bool(email), bool(phone), consent.get(cid, {}))
            for cid, (_name, email, phone) in people.items()}


def _reachable(found: list[Occasion], rules: CadenceRules, people: People | None = None
               ) -> list[tuple[Occasion, str]]:
    contacts = _contacts(sorted({o.customer_id for o in found}), people)
    result = []
    for o in found:
        contact = contacts.get(o.customer_id)
        channel = c.channel_for(rules.step(o.step), contact) if contact else None
        if channel is not None:
            result.append((o, channel))
    return result


@dataclass(frozen=True, slots=True)
class PlanResult:
    planned: int  # new rows waiting to go
    missed: int  # occasions of days the PC was off, recorded as expired
    expired: int  # waiting rows whose last useful day passed
    deferred: int  # moved to a later day by the frequency cap
    skipped: int  # dropped by the frequency cap or closed days


def plan(today: date, *, shop: ShopSettings, now: datetime | None = None) -> PlanResult:
    """Put today's occasions (and those of the days since the last run) into the outbox, once each."""
    now = now or utc_now()
    rules = get_rules(shop)
    refresh_audiences(rules, today, shop)
    with write():  # two planners at once take turns
        expired = queries.expire_stale(today, now)
        if not isinstance(get_setting(SINCE_KEY), str):  # the first run ever starts the régua today
            set_setting(SINCE_KEY, today.isoformat())
        rows = _day_rows(today, rules, shop, now)
        new = {status: queries.insert_occasions(group) for status, group in rows.items()}
        withdrawn = _withdraw_untrue(today, now)  # before the cap: what is no longer true takes no one's turn
        coupons.issue_for_birthdays(rules)
        deferred, capped = _cap(today, rules, now)
        set_setting(LAST_RUN_KEY, today.isoformat())
    return PlanResult(new.get(c.PLANNED, 0) + new.get(c.HELD, 0), new.get(c.EXPIRED, 0), expired, deferred,
                      capped + new.get(c.SKIPPED, 0) + withdrawn)


# --- occasions about points: true only while the points are --------------------------------------------------


def untrue(found: list[tuple[object, int, str, str, int | None]], today: date) -> dict[object, str]:
    """Of the occasions given as (key, customer id, step, occurrence, program id), the keys of those about
    points that are no longer true on `today`, with why: a reward reached that the customer's points no
    longer reach (a refund took them back: BELOW_REWARD), points expiring that were spent or taken back
    meanwhile (POINTS_GONE). Other steps are always true here. One ledger read per customer and program."""
    asked = [f for f in found if f[2] in LOYALTY_STEPS and f[4] is not None]
    if not asked:
        return {}
    cheapest = {p.id: min((r.cost for r in p.active_rewards()), default=None) for p in loyalty.programs()}
    accounts: dict[tuple[int, int], Account] = {}
    result: dict[object, str] = {}
    for key, cid, step, occurrence, program_id in asked:
        account = accounts.get((cid, program_id))
        if account is None:
            account = accounts[(cid, program_id)] = loyalty.load_account(cid, program_id)
        if step == c.REWARD_REACHED:
            cost = cheapest.get(program_id)
            if cost is None or account.available(today) < cost:
                result[key] = BELOW_REWARD
        else:
            expires = _expiry_of(occurrence)  # points_expiring:<program>:<expiry date>:<days before>
            if expires is not None and account.expiring(expires, expires) <= 0:
                result[key] = POINTS_GONE
    return result


def _expiry_of(occurrence: str) -> date | None:
    try:
        return date.fromisoformat(occurrence.split(":")[2])
    except (IndexError, ValueError):
        return None


def no_longer_true(outbox_id: int, today: date) -> str:
    """Why an outbox row about points is no longer true on `today` (BELOW_REWARD, POINTS_GONE), or ""."""
    row = Outbox.get_or_none(Outbox.id == outbox_id)
    if row is None:
        return ""
    return untrue([(row.id, row.customer_id, row.step, row.occurrence, row.ref_id)], today).get(row.id, "")


def _withdraw_untrue(today: date, now: datetime) -> int:
    """Waiting messages about points that stopped being true are skipped, with the reason (as a refund
    withdraws its post-sale message): Today, `regua due` and the sender never offer them again."""
    reasons = untrue(queries.waiting_of_steps(LOYALTY_STEPS), today)
    return sum(queries.withdraw_rows([oid for oid, r in reasons.items() if r == reason], reason, now)
               for reason in sorted(set(reasons.values())))


def _day_rows(today: date, rules: CadenceRules, shop: ShopSettings, now: datetime) -> dict[str, list[dict]]:
    """The outbox rows, by status, that planning `today` under `rules` offers to the outbox: the
    occasions of today and of the days since the last run that are still useful (those of days the PC
    was off, beyond that, as expired). Occasions already in the outbox are among them; the UNIQUE key
    leaves those as they are. Writes nothing: `plan` and `audience` both work from it."""
    last, since = get_setting(LAST_RUN_KEY), get_setting(SINCE_KEY)
    scan_from = today
    if isinstance(last, str):
        scan_from = max(date.fromisoformat(last) + timedelta(days=1), today - timedelta(days=c.MAX_CATCH_UP_DAYS))
        scan_from = min(scan_from, today)
    started = date.fromisoformat(since) if isinstance(since, str) else today  # nothing from before the régua
    rows: dict[str, list[dict]] = defaultdict(list)
    for step in rules.steps:
        if not step.enabled:
            continue
        useful_from = max(today - timedelta(days=min(step.late_days, rules.catch_up_days)), started)
        first = max(min(scan_from, useful_from), started)
        found = [o for o in occasions(first, today, _only(rules, step.key), shop) if o.step == step.key]
        for o, channel in _reachable(found, rules):
            status, reason, send_on = c.PLANNED, "", c.send_day(o, rules, today)
            if o.due_on < useful_from or o.not_after < today:
                status, reason, send_on = c.EXPIRED, "missed", o.due_on  # the PC was off: recorded, not sent
            elif send_on is None:
                status, reason, send_on = c.SKIPPED, "closed", o.due_on  # closed until too late
            elif rules.approve_first and channel == c.EMAIL and o.marketing:
                status = c.HELD
            rows[status].append(_row(o, channel, status, reason, send_on, now))
    return rows


def _only(rules: CadenceRules, key: str) -> CadenceRules:
    return replace(rules, steps=tuple(replace(s, enabled=s.key == key and s.enabled) for s in rules.steps))


def _row(o: Occasion, channel: str, status: str, reason: str, send_on: date, now: datetime) -> dict:
    return {"customer": o.customer_id, "step": o.step, "occurrence": o.occurrence, "channel": channel,
            "marketing": o.marketing, "status": status, "due_on": o.due_on, "send_on": send_on,
            "not_after": o.not_after, "reason": reason, "ref_id": o.ref_id, "detail": o.detail,
            "planned_at": now, "updated_at": now}


def _cap_decisions(waiting: list[tuple[object, int, str, date]], today: date, rules: CadenceRules
                   ) -> dict[object, tuple[str, date | None]]:
    """The frequency cap's verdict (domain `apply_cap`) on each of today's waiting marketing messages,
    given as (key, customer id, step, not_after)."""
    by_customer: dict[int, list[c.Waiting]] = defaultdict(list)
    for key, cid, step, not_after in waiting:
        by_customer[cid].append(c.Waiting(key, step, not_after))
    last = queries.last_reached(list(by_customer), today + timedelta(days=1), c.REACHED)
    decisions: dict[object, tuple[str, date | None]] = {}
    for cid, rows in by_customer.items():
        if len(rows) == 1 and cid not in last:  # the common case: nothing to decide
            decisions[rows[0].key] = ("send", today)
        else:
            decisions.update(c.apply_cap(rows, last.get(cid), today, rules))
    return decisions


CAP_REASONS = {"skip": "frequency_cap", "closed": "closed"}


def _cap(today: date, rules: CadenceRules, now: datetime) -> tuple[int, int]:
    """At most one marketing message per customer per `cap_days`: decide today's waiting rows. What is
    held back moves to an open day while still useful; else it is skipped with the reason."""
    waiting = [(oid, cid, step, not_after) for oid, cid, step, _send_on, not_after in queries.waiting_marketing(today)]
    deferred = skipped = 0
    for oid, (verdict, day) in _cap_decisions(waiting, today, rules).items():
        if verdict == "defer":
            Outbox.update(send_on=day, reason="frequency_cap", updated_at=now).where(Outbox.id == oid).execute()
            deferred += 1
        elif verdict in CAP_REASONS:
            Outbox.update(status=c.SKIPPED, reason=CAP_REASONS[verdict], updated_at=now).where(
                Outbox.id == oid).execute()
            skipped += 1
    return deferred, skipped


# --- what the Today screen and `regua due` show ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DueItem:
    outbox_id: int | None  # None: computed by the preview, not in the outbox yet
    customer_id: int
    customer: str
    phone: str
    email: str
    step: str
    occurrence: str
    channel: str
    due_on: date
    send_on: date
    not_after: date
    status: str
    reason: str
    detail: str
    ref_id: int | None


def _items(rows: list[tuple[Occasion, str, date, int | None, str, str]], people: People | None = None
           ) -> list[DueItem]:
    if people is None:
        people = queries.contacts(sorted({o.customer_id for o, *_ in rows}))
    result = []
    for o, channel, send_on, oid, status, reason in rows:
        name, email, phone = people.get(o.customer_id, ("", "", ""))
        result.append(DueItem(oid, o.customer_id, name, phone, email, o.step, o.occurrence, channel, o.due_on,
                              send_on, o.not_after, status, reason, o.detail, o.ref_id))
    result.sort(key=lambda i: (i.send_on, c.PRIORITY[i.step], i.customer.casefold(), i.customer_id))
    return result


def _from_outbox(row: Outbox) -> tuple[Occasion, str, date, int | None, str, str]:
    o = Occasion(row.customer_id, row.step, row.occurrence, row.due_on, row.not_after, row.ref_id, row.detail)
    return o, row.channel, row.send_on, row.id, row.status, row.reason


def today_items(today: date) -> list[DueItem]:
    """What waits to be done on `today` (planned or awaiting approval), oldest first within a step; not
    what is no longer true about points (a refund took the reward away: the next plan records it skipped)."""
    rows = list(Outbox.select().where(Outbox.status.in_(c.WAITING) & (Outbox.send_on <= today)
                                       & (Outbox.not_after >= today) & (Outbox.step != c.CAMPAIGN)))
    gone = untrue([(r.id, r.customer_id, r.step, r.occurrence, r.ref_id) for r in rows], today)
    return _items([_from_outbox(r) for r in rows if r.id not in gone])


def preview(start: date, days: int, *, shop: ShopSettings, overdue: bool = True) -> list[DueItem]:
    """What the planner will put on each day of [start, start + days): the rows already waiting in the
    outbox, and the occasions still to be planned, with the frequency cap applied. Writes nothing to the
    outbox (only the day's segments, when a step is aimed at one and they are not worked out yet).
    `overdue`: rows still waiting from before `start` count as due on it (False for a look ahead from
    tomorrow, where they are still on today's list)."""
    rules = get_rules(shop)
    refresh_audiences(rules, min(start, local_today(shop.timezone)), shop)
    end = start + timedelta(days=days - 1)
    since = Outbox.not_after >= start if overdue else Outbox.send_on >= start
    waiting = [_from_outbox(r) for r in Outbox.select().where(
        Outbox.status.in_(c.WAITING) & (Outbox.send_on <= end) & since & (Outbox.step != c.CAMPAIGN))]
    found = occasions(start, end, rules, shop)
    gone = untrue([(("outbox", r[3]), r[0].customer_id, r[0].step, r[0].occurrence, r[0].ref_id) for r in waiting]
                  + [(n, o.customer_id, o.step, o.occurrence, o.ref_id) for n, o in enumerate(found)], start)
    if gone:  # what is no longer true about points is not coming (the next plan records it skipped)
        waiting = [r for r in waiting if ("outbox", r[3]) not in gone]
        found = [o for n, o in enumerate(found) if n not in gone]
    known = queries.known_occasions(sorted({o.customer_id for o in found}), sorted({o.step for o in found}))
    found = [o for o in found if (o.customer_id, o.step, o.occurrence) not in known]
    people = queries.contacts(sorted({o.customer_id for o in found} | {r[0].customer_id for r in waiting}))
    computed = []
    for o, channel in _reachable(found, rules, people):
        day = c.send_day(o, rules, start)
        if day is not None:
            computed.append((o, channel, day, None, c.HELD if rules.approve_first and channel == c.EMAIL
                             and o.marketing else c.PLANNED, ""))
    return _items(_simulate_cap(waiting + computed, start, end, rules), people)


def _simulate_cap(rows, start: date, end: date, rules: CadenceRules):
    """Run the frequency cap over the coming days as `plan` will, day by day, in memory."""
    last = queries.last_reached(sorted({r[0].customer_id for r in rows}), start, c.REACHED)
    pending = [(r[0], r[1], max(r[2], start), r[3], r[4], r[5]) for r in rows]
    shown = []
    day = start
    while day <= end and pending:
        today_rows = [r for r in pending if r[2] <= day]
        pending = [r for r in pending if r[2] > day]
        by_customer: dict[int, list] = defaultdict(list)
        for r in today_rows:
            if r[0].marketing:
                by_customer[r[0].customer_id].append(r)
            else:
                shown.append(r[:2] + (day,) + r[3:])
        for cid, group in by_customer.items():
            if len(group) == 1 and cid not in last:  # the common case: nothing to decide
                shown.append(group[0][:2] + (day,) + group[0][3:])
                last[cid] = day
                continue
            keyed = {id(r): r for r in group}
            waiting = [c.Waiting(id(r), r[0].step, r[0].not_after) for r in group]
            for key, (verdict, new_day) in c.apply_cap(waiting, last.get(cid), day, rules).items():
                r = keyed[key]  # "skip" and "closed" drop out of the preview
                if verdict == "send":
                    shown.append(r[:2] + (day,) + r[3:])
                    last[cid] = day
                elif verdict == "defer":
                    pending.append(r[:2] + (new_day,) + r[3:])
        day += timedelta(days=1)
    return shown


def audience(rules: CadenceRules, today: date, *, shop: ShopSettings) -> dict[str, int]:
    """Per step, how many messages today's list (Today, `regua due`) holds for it once `today` is
    planned under `rules` (saved or not): what already waits for today, plus what `plan` would add, less
    what the frequency cap moves to a later day or skips. Worked out by the functions `plan` runs
    (`_day_rows`, `_cap_decisions`), without writing; a step that is off reaches no one (saving the rules
    takes what it planned off the list)."""
    rules = _with_shop(rules, shop)
    counts = dict.fromkeys(c.STEPS, 0)
    refresh_audiences(rules, today, shop)
    enabled = {s.key for s in rules.steps if s.enabled}
    offered = [r for status in c.WAITING for r in _day_rows(today, rules, shop, utc_now()).get(status, [])]
    known = queries.known_occasions(sorted({r["customer"] for r in offered}), sorted({r["step"] for r in offered}))
    candidates = [(("new", n), r["customer"], r["step"], r["marketing"], r["not_after"])
                  for n, r in enumerate(offered)
                  if r["send_on"] <= today and (r["customer"], r["step"], r["occurrence"]) not in known]
    candidates += [(("outbox", oid), cid, step, bool(marketing), not_after)
                   for oid, cid, step, marketing, not_after in queries.waiting_on(today) if step in enabled]
    decisions = _cap_decisions([(key, cid, step, not_after) for key, cid, step, marketing, not_after in candidates
                                if marketing], today, rules)
    for key, _cid, step, marketing, _not_after in candidates:
        if not marketing or decisions[key][0] == "send":
            counts[step] += 1
    return counts


# --- the message ---------------------------------------------------------------------------------------------


def message_text(item: DueItem, *, shop: ShopSettings, rules: CadenceRules | None = None,
                 date_format=lambda d: d.strftime("%d/%m/%Y")) -> str:
    rules = rules or get_rules(shop)
    return templates.render(text_for(item.step, rules, shop),
                            message_values(item, shop=shop, rules=rules, date_format=date_format))


def message_values(item: DueItem, *, shop: ShopSettings, rules: CadenceRules | None = None,
                   date_format=lambda d: d.strftime("%d/%m/%Y")) -> dict[str, object]:
    """The placeholders' values for one message (the fixed list of domain/templates.py)."""
    rules = rules or get_rules(shop)
    values: dict[str, object] = {"first_name": templates.first_name(item.customer), "name": item.customer,
                                 "shop_name": shop.name}
    if item.step == c.POINTS_EXPIRING and "|" in item.detail:
        points, on = item.detail.split("|", 1)
        values["points_balance"] = points
        values["date"] = date_format(date.fromisoformat(on))
    elif item.step == c.REWARD_REACHED:
        program = [s for s in loyalty.summaries(item.customer_id, item.send_on) if s.program_id == item.ref_id]
        values["points_balance"] = program[0].balance if program else ""
        values["reward"] = program[0].affordable[-1].name if program and program[0].affordable else ""
    elif item.step == c.BIRTHDAY:
        coupon = coupons.for_occasion(item.outbox_id)
        if coupon is not None:
            values["reward"] = gift_line(shop.language).format(gift=coupon.gift, code=coupon.code,
                                                               date=date_format(coupon.valid_until))
            values["coupon_code"] = coupon.code
        else:
            values["reward"] = rules.step(c.BIRTHDAY).gift
        values["birthday"] = date_format(date.fromisoformat(item.detail)) if item.detail else ""
    elif item.step == c.UNFINISHED and item.ref_id:
        values["item"] = queries.interaction_note(item.ref_id)
    values["unsubscribe"] = unsubscribe_line(shop.language)
    return values


def sample_message(step: str, customer_id: int, rules: CadenceRules, *, shop: ShopSettings, today: date,
                   date_format=lambda d: d.strftime("%d/%m/%Y")) -> tuple[str, str, str]:
    """(subject, text, html) of a step's message for a real customer, as it would read today, under
    `rules` as edited (not yet saved). Raises ValidationError for an unknown placeholder."""
    name, email, phone = queries.contacts([customer_id]).get(customer_id, ("", "", ""))
    details = {c.POINTS_EXPIRING: f"120|{(today + timedelta(days=30)).isoformat()}"}
    item = DueItem(None, customer_id, name, phone, email, step, "preview", rules.step(step).channel, today, today,
                   today, c.PLANNED, "", details.get(step, today.isoformat()), None)
    return compose(item, shop=shop, rules=rules, date_format=date_format)


def compose(item: DueItem, *, shop: ShopSettings, rules: CadenceRules,
            date_format=lambda d: d.strftime("%d/%m/%Y")) -> tuple[str, str, str]:
    """(subject on one line, plain text, text with every value HTML-escaped) of one message."""
    values = message_values(item, shop=shop, rules=rules, date_format=date_format)
    if item.step == c.CAMPAIGN:
        subject_template, text_template = queries.campaign_texts(item.ref_id)
    else:
        subject_template = subject_for(item.step, shop.language, rules.step(item.step).subject)
        text_template = text_for(item.step, rules, shop)
    subject = templates.render(subject_template, values)
    text = templates.render(text_template, values)
    escaped = templates.render(text_template, values, escape=html.escape)
    return " ".join(subject.split()), text, escaped


def whatsapp_link(item: DueItem, *, shop: ShopSettings) -> str:
    return c.whatsapp_link(item.phone, message_text(item, shop=shop))


# --- what staff do with an item ------------------------------------------------------------------------------


def _waiting_row(outbox_id: int) -> Outbox:
    row = Outbox.get_or_none(Outbox.id == outbox_id)
    if row is None or row.status not in c.WAITING:
        raise ValidationError("outbox", "occasion_not_waiting")
    return row


def _check_reachable(row: Outbox) -> None:
    """Consent is checked again at the moment of acting, not only when planned."""
    contact = _contacts([row.customer_id]).get(row.customer_id)
    step = c.Step(row.step, True, row.channel)
    if contact is None or c.channel_for(step, contact) != row.channel:
        raise ValidationError("outbox", "occasion_not_reachable")


def _withdrawn_if_untrue(row: Outbox, today: date) -> bool:
    """A message about points no longer true at the moment of acting is skipped, with the reason."""
    reason = no_longer_true(row.id, today) if row.step in LOYALTY_STEPS else ""
    if reason:
        queries.withdraw_rows([row.id], reason, utc_now())
    return bool(reason)


def _finish(row: Outbox, actor: Actor, kind: str, note: str, outcome: str, today: date, shop: ShopSettings) -> int:
    iid = log_interaction(row.customer_id, LogEntry(kind=kind, note=note), actor=actor, shop=shop, today=today)
    now = utc_now()
    Outbox.update(status=c.DONE, done_at=now, updated_at=now, staff=actor.staff_id, actor=actor.name,
                  outcome=outcome, interaction=iid).where(Outbox.id == row.id).execute()
    return iid


def whatsapp_sent(outbox_id: int, *, actor: Actor, today: date, shop: ShopSettings) -> int:
    """Staff opened the prefilled WhatsApp link and sent it: the message goes into the timeline."""
    require(actor, "cadence.act")
    with write():
        row = _waiting_row(outbox_id)
        if row.channel != c.WHATSAPP:
            raise ValidationError("outbox", "occasion_not_reachable")
        _check_reachable(row)
        if not _withdrawn_if_untrue(row, today):
            return _finish(row, actor, "message", f"WhatsApp · {step_label_key(row.step)}", "", today, shop)
    raise ValidationError("outbox", "occasion_not_waiting")  # after the commit: the skip is kept


def task_done(outbox_id: int, outcome: str, *, actor: Actor, today: date, shop: ShopSettings) -> int:
    """A staff task (usually a call) done, with what came of it; logged as a call on the timeline."""
    require(actor, "cadence.act")
    outcome = " ".join((outcome or "").split())
    if not outcome:
        raise ValidationError("outcome", "outcome_required")
    if len(outcome) > MAX_OUTCOME:
        raise ValidationError("outcome", "too_long", max=MAX_OUTCOME)
    with write():
        row = _waiting_row(outbox_id)
        if row.channel != c.TASK:
            raise ValidationError("outbox", "occasion_not_reachable")
        _check_reachable(row)
        if not _withdrawn_if_untrue(row, today):
            return _finish(row, actor, "call", outcome, outcome, today, shop)
    raise ValidationError("outbox", "occasion_not_waiting")  # after the commit: the skip is kept


def skip(outbox_id: int, *, actor: Actor) -> None:
    require(actor, "cadence.act")
    with write():
        row = _waiting_row(outbox_id)
        now = utc_now()
        Outbox.update(status=c.SKIPPED, reason="by_staff", updated_at=now, staff=actor.staff_id,
                      actor=actor.name).where(Outbox.id == row.id).execute()


def skip_planned(item: DueItem, *, actor: Actor) -> None:
    """Skip an occasion of the coming days before it is planned: it takes its place in the outbox as
    skipped, so the planner never brings it back."""
    require(actor, "cadence.act")
    if item.outbox_id is not None:
        skip(item.outbox_id, actor=actor)
        return
    now = utc_now()
    o = Occasion(item.customer_id, item.step, item.occurrence, item.due_on, item.not_after, item.ref_id, item.detail)
    row = _row(o, item.channel, c.SKIPPED, "by_staff", item.send_on, now)
    row.update(staff=actor.staff_id, actor=actor.name)
    with write():
        if queries.insert_occasions([row]) == 0:
            existing = Outbox.get((Outbox.customer == item.customer_id) & (Outbox.step == item.step)
                                  & (Outbox.occurrence == item.occurrence))
            skip(existing.id, actor=actor)


def approve(outbox_ids: list[int], *, actor: Actor) -> int:
    require(actor, "cadence.approve")
    now = utc_now()
    with database.atomic():
        return (Outbox.update(status=c.PLANNED, updated_at=now, actor=actor.name)
                .where(Outbox.id.in_(outbox_ids) & (Outbox.status == c.HELD)).execute())


def step_label_key(step: str) -> str:
    """The English name of a step, as written into the timeline note (the GUI translates it on screen)."""
    return STEP_NAMES[step]


STEP_NAMES = {
    c.SIGNUP: "signup confirmation", c.WELCOME: "welcome", c.BIRTHDAY: "birthday",
    c.UNFINISHED: "unfinished purchase", c.POST_SALE: "post-sale", c.REACTIVATION: "reactivation",
    c.REWARD_REACHED: "reward reached", c.POINTS_EXPIRING: "points expiring", c.CAMPAIGN: "one-off message",
}


def cancel_waiting(customer_id: int, now: datetime) -> int:
    """The customer said stop: what still waits for them will not go."""
    return (Outbox.update(status=c.SUPPRESSED, reason="no_consent", updated_at=now)
            .where((Outbox.customer == customer_id) & Outbox.status.in_(c.WAITING)).execute())


def merge_customers(keep_id: int, other_id: int) -> None:
    """Inside a merge: the other customer's occasions move over unless keep already has the same one."""
    queries.move_occasions(keep_id, other_id)
