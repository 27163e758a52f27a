"""Issue 20's soak: four real till processes at the counter at once, for a minute, against one shop on a
PostgreSQL server. Each logs purchases and visits, redeems rewards when the customer has the points and edits
the same few customers, through the services the window calls, under its own till name; then nothing may
be lost, doubled or wrong: every entry a till says it logged is in the database once, every customer's
points are exactly what the logged purchases earned (the shop's tiers included) minus what was redeemed,
and no save overwrote another till's without being refused with "changed at another till".

Two refusals are the promised behaviour, counted apart and never failures: ChangedElsewhere (another till
saved her record after this till's form was filled) and InsufficientPoints (another till spent the points
between this till's look at the card and its redeem). Anything else a service raises is a failure."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from desktop_app.db.database import close_database
from desktop_app.db.models import Customer, Interaction, LoyaltyEntry
from desktop_app.domain.loyalty import EARN, REDEEM, points_for_purchase
from desktop_app.services.customers import customers
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.loyalty import programs, views
from tests.conftest import TODAY
from tests.engines import SERVER_RUN

ROOT = Path(__file__).resolve().parents[2]
DAY = TODAY
SOAK_S = 60  # how long every till works at the counter, all at once
TILLS = 4
SHARED = 6  # the customers every till serves
REFUSED = ("changed_elsewhere", "not_enough_points")  # the promised refusals, counted apart

# One till: this PC's name kept as Settings keeps it, then purchases, visits, redeems and edits of the shared
# customers as the window calls them, until the deadline the test gives all tills at once. Every operation
# and its outcome goes to stdout as JSON at the end, with its start and end on the machine's monotonic
# clock (one clock for every process), so the test can tell that the tills worked at the same moments.
TILL = textwrap.dedent("""
    import json, random, sys, time
    sys.path.insert(0, sys.argv[1])
    from datetime import date
    from desktop_app.config import resolve_paths
    from desktop_app.domain.actors import COUNTER, Actor
    from desktop_app.domain.errors import ChangedElsewhere
    from desktop_app.domain.loyalty import InsufficientPoints
    from desktop_app.services.customers import customers, interactions
    from desktop_app.services.customers.customers import CustomerInput
    from desktop_app.services.loyalty import ledger, views
    from desktop_app.services.shop import shop, till
    url, day, name = sys.argv[2], date.fromisoformat(sys.argv[3]), sys.argv[4]
    ids, seed = json.loads(sys.argv[5]), int(sys.argv[6])
    paths = resolve_paths(db=url)
    shop.open_shop(paths, create=False)
    till.save_name(paths, name)  # what Settings does on this PC
    staff = till.at_this_till(Actor(None, f"Balconista {seed}", COUNTER), paths)  # as the window starts
    settings = shop.shop_settings()
    rng = random.Random(seed)
    print("ready", flush=True)
    deadline = float(sys.stdin.readline())  # the same moment for every till
    done, n = [], 0
    while time.monotonic() < deadline:
        n += 1
        cid = rng.choice(ids)
        op = rng.choice(("purchase",) * 3 + ("visit",) * 2 + ("redeem",) * 2 + ("edit",) * 2)
        record = {"op": op, "customer": cid, "start": time.monotonic()}
        try:
            if op == "redeem":  # the card on her page says what she can have; the till gives the dearest
                card = views.summaries(cid, day)[0]
                if not card.affordable:
                    op = record["op"] = "purchase"  # nothing to redeem yet: she buys something instead
                else:
                    reward = max(card.affordable, key=lambda r: r.cost)
                    record.update(reward=reward.id, cost=reward.cost, seen=card.balance)
                    record["id"] = ledger.redeem(cid, reward.id, actor=staff, today=day)
            if op == "purchase":
                record["cents"] = cents = rng.randrange(500, 6_000)
                typed = f"{cents // 100},{cents % 100:02d}"  # as the quick log's amount field hands it over
                record["id"] = interactions.log_interaction(
                    cid, interactions.LogEntry("purchase", typed), actor=staff, shop=settings, today=day)
            elif op == "visit":
                record["id"] = interactions.log_interaction(
                    cid, interactions.LogEntry("visit"), actor=staff, shop=settings, today=day)
            elif op == "edit":  # her form filled from her record, a moment of typing, Save
                d = customers.detail(cid, settings)
                record["loaded_at"] = d.updated_at.isoformat()
                record["city"] = city = f"{name} {n}"
                time.sleep(rng.uniform(0, 0.03))
                customers.update_customer(
                    cid, CustomerInput(name=d.name, email=d.email or "", phone=d.phone_display, city=city,
                                       notes=d.notes, tags=d.tags),
                    shop=settings, actor=staff, today=day, loaded_at=d.updated_at)
            record["outcome"] = "ok"
        except ChangedElsewhere:
            record["outcome"] = "changed_elsewhere"
        except InsufficientPoints:
            record["outcome"] = "not_enough_points"
        except Exception as exc:  # what the window would have shown: a failure
            record["outcome"] = f"{type(exc).__name__}: {exc}"
        record["end"] = time.monotonic()
        done.append(record)
        time.sleep(rng.uniform(0, 0.01))
    print(json.dumps(done), flush=True)
""")


def start_tills(url: str, ids: list[int], tmp_path: Path) -> list[subprocess.Popen]:
    """TILLS processes, each a PC of its own (its data folder, so its own till.json), let go together once all
    have the shop open, with one deadline SOAK_S seconds from then."""
    procs = []
    for i in range(1, TILLS + 1):
        env = dict(os.environ, REGUA_HOME=str(tmp_path / f"pc{i}"))
        with open(tmp_path / f"till{i}.err", "w") as err:  # a file: a chatty till never waits on a full pipe
            procs.append(subprocess.Popen(
                [sys.executable, "-c", TILL, str(ROOT), url, DAY.isoformat(), f"Caixa {i}", json.dumps(ids),
                 str(i)],
                cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err, text=True))
    for i, p in enumerate(procs, 1):
        assert p.stdout.readline().strip() == "ready", (tmp_path / f"till{i}.err").read_text()
    deadline = time.monotonic() + SOAK_S
    for p in procs:
        p.stdin.write(f"{deadline}\n")
        p.stdin.flush()
    return procs


def expected_points(rules, purchases: list[tuple[int, int]]) -> dict[int, int]:
    """What each purchase (interaction id, cents) of one customer earns, replayed in the order they were
    written (ids are given under the write lock): the tier is the highest whose threshold the spend before
    it reaches (all on DAY, within the window), its multiplier applied to the program's rate."""
    spent, earned = 0, {}
    for interaction_id, cents in sorted(purchases):
        multiplier = max((t.multiplier_pct for t in rules.tiers if spent >= t.threshold), default=100)
        earned[interaction_id] = points_for_purchase(cents, rules, multiplier)
        spent += cents
    return earned


def max_overlap(spans: list[tuple[float, float, str]]) -> tuple[int, float]:
    """The most tills working on an operation at one moment, and for how many seconds two or more were."""
    events = sorted([(s, 1, t) for s, _e, t in spans] + [(e, -1, t) for _s, e, t in spans])
    busy: Counter = Counter()
    most, shared, last = 0, 0.0, None
    for at, step, till in events:
        if last is not None and sum(1 for n in busy.values() if n) >= 2:
            shared += at - last
        busy[till] += step
        most = max(most, sum(1 for n in busy.values() if n))
        last = at
    return most, shared


@pytest.mark.slow
@pytest.mark.skipif(not SERVER_RUN, reason="a minute of four tills: run in the server pass (REGUA_TEST_ENGINE=postgresql, "
                    "as .ci/run does), which keeps the default run under 10 minutes")
@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_four_tills_for_a_minute_lose_double_and_corrupt_nothing(shop_settings, actor, db_target, tmp_path):
    programs.save_program(programs.default_program(), actor=actor)
    [program] = programs.programs()
    ids = [customers.create_customer(CustomerInput(name=f"Cliente Partilhada {i}", email=f"cp{i}@example.com",
                                                   phone=f"+55 11 97777-{i:04d}"),
                                     shop=shop_settings, actor=actor, today=DAY) for i in range(SHARED)]
    before = {c.id: (c.name, c.email, c.phone, c.updated_at) for c in Customer.select()}
    setup_balance = {cid: views.summaries(cid, DAY)[0].balance for cid in ids}  # the welcome bonus
    setup_entries = {e.id for e in LoyaltyEntry.select()}
    close_database()

    procs = start_tills(db_target, ids, tmp_path)
    try:
        outputs = [(p.communicate(timeout=SOAK_S + 60)[0], (tmp_path / f"till{i}.err").read_text())
                   for i, p in enumerate(procs, 1)]
    finally:  # a till stuck past its deadline is a failure, not a process left behind
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    assert [p.returncode for p in procs] == [0] * TILLS, [err[-2000:] for _out, err in outputs]
    assert [err for _out, err in outputs if "Traceback" in err] == []
    ops = [dict(r, till=f"Caixa {i}") for i, (out, _err) in enumerate(outputs, 1)
           for r in json.loads(out.strip().splitlines()[-1])]
    outcomes = Counter((r["op"], r["outcome"] if r["outcome"] in ("ok", *REFUSED) else "failed") for r in ops)
    print(f"\n{len(ops)} operations by {TILLS} tills in {SOAK_S} s: {dict(sorted(outcomes.items()))}")

    failed = [r for r in ops if r["outcome"] not in ("ok", *REFUSED)]
    assert failed == [], f"{len(failed)} of {len(ops)} operations failed: {failed[:5]}"
    assert {r["op"] for r in ops if r["outcome"] == "not_enough_points"} <= {"redeem"}
    assert {r["op"] for r in ops if r["outcome"] == "changed_elsewhere"} <= {"edit"}
    ok = [r for r in ops if r["outcome"] == "ok"]
    # A refusal is true only if another till's save (her record changed after this till read it) or redeem
    # (the card showed the points, then they were not there) of the same customer got in between: that
    # other operation was under way while this one was.
    unexplained = [r for r in ops if r["outcome"] in REFUSED and not any(
        o["op"] == r["op"] and o["customer"] == r["customer"] and o["till"] != r["till"]
        and o["start"] <= r["end"] and o["end"] >= r["start"] for o in ok)]
    assert unexplained == [], f"{len(unexplained)} refusals with no other till's write behind them"
    for i in range(1, TILLS + 1):  # every till did every kind of thing, many times
        kinds = Counter(r["op"] for r in ok if r["till"] == f"Caixa {i}")
        assert min(kinds[k] for k in ("purchase", "visit", "redeem", "edit")) >= 5, (i, kinds)

    # They worked at the same moments: all through the minute, and often on the same customers at once.
    most, shared = max_overlap([(r["start"], r["end"], r["till"]) for r in ops])
    print(f"up to {most} tills in an operation at once; two or more for {shared:.1f} s")
    assert most >= 2 and shared >= SOAK_S / 2, (most, shared)
    for i in range(1, TILLS + 1):
        mine = [r for r in ops if r["till"] == f"Caixa {i}"]
        assert max(r["end"] for r in mine) - min(r["start"] for r in mine) >= SOAK_S - 5

    # Every purchase and visit a till logged is there once, under that till, and nothing else is.
    logged = {r["id"]: r for r in ok if r["op"] in ("purchase", "visit")}
    assert len(logged) == sum(1 for r in ok if r["op"] in ("purchase", "visit"))  # no id given twice
    rows = {i.id: i for i in Interaction.select()}
    assert set(rows) == set(logged)
    assert Counter((i.till, i.kind) for i in rows.values()) \
        == Counter((r["till"], r["op"]) for r in logged.values())
    wrong = [(k, r, rows[k].customer_id, rows[k].amount_cents, rows[k].occurred_on) for k, r in logged.items()
             if (rows[k].customer_id, rows[k].amount_cents, rows[k].occurred_on) != (r["customer"], r.get("cents"), DAY)]
    assert wrong == [], f"{len(wrong)} entries differ from what their till logged: {wrong[:3]}"

    # The ledger is exact: each purchase earned what the program's rules and her tier at that moment say,
    # each redeem took its reward's cost under that till, nothing else was written, it never went below zero
    # (no redeem without the points), and the card shows what the operations add up to.
    entries = [e for e in LoyaltyEntry.select().order_by(LoyaltyEntry.id) if e.id not in setup_entries]
    redeemed = {r["id"]: r for r in ok if r["op"] == "redeem"}
    assert {e.id for e in entries if e.kind == REDEEM} == set(redeemed)
    for e in entries:
        if e.kind == REDEEM:
            r = redeemed[e.id]
            assert (e.customer_id, e.points, e.reward_id, e.till) \
                == (r["customer"], -r["cost"], r["reward"], r["till"])
    earns = [e for e in entries if e.kind == EARN]
    assert len(earns) == len(entries) - len(redeemed)  # no expiry, no reverse, no adjustment
    bought = {k: r for k, r in logged.items() if r["op"] == "purchase"}
    assert sorted(e.interaction_id for e in earns) == sorted(bought)
    for cid in ids:
        purchases = [(k, r["cents"]) for k, r in bought.items() if r["customer"] == cid]
        earned = expected_points(program.rules, purchases)
        mine = [e for e in entries if e.customer_id == cid]
        assert {e.interaction_id: e.points for e in mine if e.kind == EARN} == earned, cid
        assert all(e.till == logged[e.interaction_id]["till"] for e in mine if e.kind == EARN)
        running = setup_balance[cid]
        for e in mine:  # in the order written: every redeem had the points it took
            running += e.points
            assert running >= 0, (cid, e.id)
        spent = sum(r["cost"] for r in redeemed.values() if r["customer"] == cid)
        balance = views.summaries(cid, DAY)[0].balance
        assert balance == running == setup_balance[cid] + sum(earned.values()) - spent >= 0, cid

    # Edits: no two saves from the same reading of her record both got in (the refusal did its job), the first
    # save read her record as created, and what is there now is one till's whole save, nothing else changed.
    edits = [r for r in ok if r["op"] == "edit"]
    for cid in ids:
        saved = [r for r in edits if r["customer"] == cid]
        readings = [r["loaded_at"] for r in saved]
        assert len(readings) == len(set(readings)), cid  # a lost update otherwise
        c = Customer.get_by_id(cid)
        name, email, phone, created_updated = before[cid]
        assert (c.name, c.email, c.phone) == (name, email, phone)
        if saved:
            assert created_updated.isoformat() in readings
            [last] = [r for r in saved if r["city"] == c.city]
            assert c.changed_at_till == last["till"]
            assert c.updated_at.isoformat() not in readings  # the last save's stamp, read by no save after
            assert c.updated_at > max(map(datetime.fromisoformat, readings))
