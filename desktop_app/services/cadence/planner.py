"""The régua's planner: which customers the shop should contact on a day and why, and the outbox that
remembers every occasion exactly once.

Planning is a pure function of the customers, their history, the rules and a local date
(`occasions`). `plan` writes its result into the outbox under the occasion's UNIQUE key inside one
transaction that takes the write lock up front, so running it twice, from two processes at once or after a
crash leaves exactly one row per occasion. `preview` computes the same thing for any day without writing,
for the 7-day view and `regua due`; `today_items` is what waits on Today.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from desktop_app.db import cadence as queries
from desktop_app.db import reports as report_queries
from desktop_app.db import tills
from desktop_app.db.database import write
from desktop_app.db.models import Outbox
from desktop_app.domain import cadence as c
from desktop_app.domain.birthdays import Birthday
from desktop_app.domain.cadence import CadenceRules, Occasion
from desktop_app.domain.dates import local_date, local_today, to_utc, utc_now, zone
from desktop_app.domain.kinds import UNFINISHED
from desktop_app.domain.segments import group_of
from desktop_app.services.cadence.outbox import DueItem, People, contacts_of, outbox_row
from desktop_app.services.cadence.rules import get_rules, with_shop
from desktop_app.services.cadence.still_true import LOYALTY_STEPS, untrue
from desktop_app.services.loyalty import coupons, events
from desktop_app.services.shop.shop import ShopSettings, get_setting, set_setting

LAST_RUN_KEY = "cadence_last_run"
SINCE_KEY = "cadence_since"  # the day the régua first ran: it never plans for days before it
NO_SIGNUP_SOURCES = ("import",)  # imported customers get no signup or welcome message


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
        for ev in events.events(first, last):
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


def _reachable(found: list[Occasion], rules: CadenceRules, people: People | None = None
               ) -> list[tuple[Occasion, str]]:
    contacts = contacts_of(sorted({o.customer_id for o in found}), people)
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
    """Put today's occasions (and those of the days since the last run) into the outbox, once each. One
    planner at a time for the whole shop (tills sharing a server): while another till plans, this one
    plans nothing and says so with an empty result (what it would add, the other adds)."""
    with tills.one_at_a_time(tills.PLANNER) as mine:
        return _plan(today, shop=shop, now=now) if mine else PlanResult(0, 0, 0, 0, 0)


def _plan(today: date, *, shop: ShopSettings, now: datetime | None) -> PlanResult:
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
        # in the order of the day they are for and of the customers' ids: the outbox (and so the sending
        # queue) gets them in the same order on either engine, whatever order a server returned them in
        found = sorted((o for o in occasions(first, today, _only(rules, step.key), shop) if o.step == step.key),
                       key=lambda o: (o.due_on, o.customer_id, o.occurrence))
        for o, channel in _reachable(found, rules):
            status, reason, send_on = c.PLANNED, "", c.send_day(o, rules, today)
            if o.due_on < useful_from or o.not_after < today:
                status, reason, send_on = c.EXPIRED, "missed", o.due_on  # the PC was off: recorded, not sent
            elif send_on is None:
                status, reason, send_on = c.SKIPPED, "closed", o.due_on  # closed until too late
            elif rules.approve_first and channel == c.EMAIL and o.marketing:
                status = c.HELD
            rows[status].append(outbox_row(o, channel, status, reason, send_on, now))
    return rows


def _only(rules: CadenceRules, key: str) -> CadenceRules:
    return replace(rules, steps=tuple(replace(s, enabled=s.key == key and s.enabled) for s in rules.steps))


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
    rules = with_shop(rules, shop)
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
