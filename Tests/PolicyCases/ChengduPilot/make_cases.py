#!/usr/bin/env python3
"""Writes the ChengduPilot policy test cases (one JSON file per topic) beside this script.

Every expectation is worked out by hand from /work/shared/spec/reference-policies.md (the
module's binding rules), not from the implementation; the comments give the arithmetic.
As-of date 2026-06-30 unless a case says otherwise: then the half-year is 2026-01-01..2026-06-30,
the 365-day window is 2025-07-01..2026-06-30 (2025-06-30 is out), and 60 months back is 2021-06-30
(excluded).

Run: python3 make_cases.py   (rewrites every *.json here)
"""
import json
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))
AS_OF = "2026-06-30"
MODULE = "ChengduPilot"


def policies(*points, params=None):
    params = params or {}
    out = {}
    for p in points:
        entry = {"module": MODULE}
        if p in params:
            entry["params"] = params[p]
        out[p] = entry
    return out


def member(mid, community, **kw):
    row = {
        "id": mid,
        "community_id": community,
        "birth_date": "1980-05-01",  # 46 at the as-of date: no age bonus
        "join_date": "2005-07-01",
        "status": "full",
        "relation": "community",
    }
    row.update(kw)
    return row


def event(mid, date, kind, amount=None):
    row = {"member_id": mid, "date": date, "kind": kind}
    if amount is not None:
        row["amount"] = amount
    return row


def write(fname, name, pols, dataset, expect, as_of=AS_OF, description=None):
    case = {"name": name}
    if description:
        case["description"] = description
    case["as_of"] = as_of
    case["policies"] = pols
    case["dataset"] = {k: v for k, v in dataset.items() if v is not None}
    case["expect"] = expect
    with open(os.path.join(HERE, fname), "w", encoding="utf-8") as f:
        json.dump(case, f, indent=2, ensure_ascii=False)
        f.write("\n")
    return len(expect)


def runs(ids, k):
    """The spec's split: ids sorted, cut into k consecutive runs, the first (size mod k) one longer."""
    ids = sorted(ids)  # Python sorts str by code point = UTF-8 byte order
    size = len(ids)
    base, extra = divmod(size, k)
    out, start = [], 0
    for i in range(k):
        length = base + (1 if i < extra else 0)
        out.append(ids[start:start + length])
        start += length
    return out


def branch_seats(n, large=30):
    return 0 if n < 7 else (3 if n < large else 5)


def top_seats(n):
    return 5 if n < 100 else 7


def branch(bid, members):
    return {"id": bid, "members": sorted(members), "committee_seats": branch_seats(len(members))}


def split(prefix, ids):
    """A group as branches: one branch when at most 50, else ceil(size/50) runs #1..#k."""
    if len(ids) <= 50:
        return [branch(prefix, ids)]
    k = math.ceil(len(ids) / 50)
    return [branch(f"{prefix}#{i + 1}", run) for i, run in enumerate(runs(ids, k))]


def by_id(branches):
    return sorted(branches, key=lambda b: b["id"])


COUNT = {}


# ---------------------------------------------------------------------------------------- stage
def stage_cases():
    units = []

    def add_units(community, n, kinds=("government", "enterprise", "institution", "new_economic", "new_social")):
        for i in range(n):
            units.append({"id": f"{community}-U{i + 1}", "community_id": community, "kind": kinds[i % len(kinds)]})

    communities = [
        # 1. a declared stage wins over everything, even households_moved_in 0
        {"id": "ST-declared-maturity", "stage": "maturity", "households_moved_in": 0},
        {"id": "ST-declared-preparation", "stage": "preparation", "households_planned": 900,
         "households_moved_in": 800, "residents_committee": True},
        # 2. nobody moved in yet (even with a residents committee and 5 units): preparation
        {"id": "ST-nobody", "households_planned": 500, "households_moved_in": 0, "residents_committee": True},
        # 3. moved in (1 household is enough), no residents committee (even with 5 units): transition
        {"id": "ST-no-rc", "households_moved_in": 1, "residents_committee": False},
        # 4. residents committee and exactly maturityUnits = 5 units, of any kind and no party org: maturity
        {"id": "ST-5-units", "households_moved_in": 1, "residents_committee": True},
        # 5. residents committee and one unit under the threshold: integration
        {"id": "ST-4-units", "households_moved_in": 300, "residents_committee": True},
    ]
    add_units("ST-nobody", 5)
    add_units("ST-no-rc", 5)
    add_units("ST-5-units", 5)
    add_units("ST-4-units", 4)
    members = [member("ST-M1", "ST-declared-maturity")]
    expect = [
        {"point": "stage", "subject": "community:ST-declared-maturity", "outcome": "maturity",
         "rules": ["stage.declared"], "details": {"declared": True}},
        {"point": "stage", "subject": "community:ST-declared-preparation", "outcome": "preparation",
         "rules": ["stage.declared"], "details": {"declared": True}},
        {"point": "stage", "subject": "community:ST-nobody", "outcome": "preparation",
         "rules": ["stage.not-moved-in"], "details": {"declared": False}},
        {"point": "stage", "subject": "community:ST-no-rc", "outcome": "transition",
         "rules": ["stage.no-residents-committee"], "details": {"declared": False}},
        {"point": "stage", "subject": "community:ST-5-units", "outcome": "maturity",
         "rules": ["stage.units-stationed"], "details": {"declared": False}},
        {"point": "stage", "subject": "community:ST-4-units", "outcome": "integration",
         "rules": ["stage.established"], "details": {"declared": False}},
    ]
    COUNT["stage.json"] = write(
        "stage.json",
        "stage: declared first, then not moved in, no residents committee, 5 units (at the threshold), else integration",
        policies("stage"),
        {"communities": communities, "members": members, "units": units},
        expect)


# --------------------------------------------------------------------------------- branch setup
def bulk(community, n, subdivision="", start=1, width=3, status="full", prefix=None):
    prefix = prefix or f"{community}-M"
    return [member(f"{prefix}{i:0{width}d}", community, subdivision=subdivision, status=status)
            for i in range(start, start + n)]


def ids(rows):
    return [r["id"] for r in rows]


def setup_stage_cases():
    communities, members, units, expect = [], [], [], []

    def community(cid, stage, **kw):
        row = {"id": cid, "stage": stage, "households_moved_in": 100}
        row.update(kw)
        communities.append(row)

    def exp(cid, outcome, rules, **details):
        expect.append({"point": "branch_setup", "subject": f"community:{cid}", "outcome": outcome,
                       "rules": rules, "details": details})

    # setup.too-few-members: N = 2 (a probationary member does not count), in three stages
    community("J-prep", "preparation")
    members.extend(bulk("J-prep", 2, "锦江苑") + bulk("J-prep", 1, "锦江苑", start=3, status="probationary"))
    exp("J-prep", "joint_branch", ["setup.too-few-members"], full_members=2, branches=[], committee_seats=0,
        secretary_source="none", part_time_units=[])
    # in transition with no deputy secretary: rule 1 decides alone (no setup.no-deputy-secretary)
    community("J-trans", "transition")
    members.extend(bulk("J-trans", 2, "A"))
    exp("J-trans", "joint_branch", ["setup.too-few-members"], full_members=2, branches=[], committee_seats=0,
        secretary_source="none", part_time_units=[])
    # in maturity with units that have a party organisation: still no part-time units
    community("J-mat", "maturity")
    members.extend(bulk("J-mat", 2, "A", status="probationary") + bulk("J-mat", 1, "B", start=3))
    units.extend([{"id": "J-mat-U1", "community_id": "J-mat", "kind": "enterprise", "party_members": 9,
                   "has_party_org": True}])
    exp("J-mat", "joint_branch", ["setup.too-few-members"], full_members=1, branches=[], committee_seats=0,
        secretary_source="none", part_time_units=[])

    # setup.preparation: one temporary branch holding every full member, branchSeats(N)
    for n, seats in [(3, 0), (6, 0), (7, 3), (29, 3), (30, 5)]:
        cid = f"P{n}"
        community(cid, "preparation")
        rows = bulk(cid, n - n // 2, "东区") + bulk(cid, n // 2, "", start=n - n // 2 + 1)
        rows += bulk(cid, 1, "东区", start=n + 1, status="probationary")
        members.extend(rows)
        full = [r["id"] for r in rows if r["status"] == "full"]
        exp(cid, "temporary_branch", ["setup.preparation"], full_members=n,
            branches=[{"id": f"{cid}/temporary", "members": sorted(full), "committee_seats": seats}],
            committee_seats=seats, secretary_source="elected", part_time_units=[])
    # the temporary branch is never split: 51 full members in two subdivisions, one branch of 51
    community("P51", "preparation")
    rows = bulk("P51", 40, "东区") + bulk("P51", 11, "西区", start=41)
    members.extend(rows)
    exp("P51", "temporary_branch", ["setup.preparation"], full_members=51,
        branches=[{"id": "P51/temporary", "members": sorted(ids(rows)), "committee_seats": 5}],
        committee_seats=5, secretary_source="elected", part_time_units=[])

    # setup.transition with a deputy secretary: N = 99, topSeats 5; grid: one subdivision of 99 -> 50 + 49
    community("T99", "transition", town_deputy_secretary="王建国")
    rows = bulk("T99", 99, "锦江苑")
    members.extend(rows)
    units.append({"id": "T99-U1", "community_id": "T99", "kind": "enterprise", "party_members": 20,
                  "has_party_org": True})
    exp("T99", "functional_committee", ["setup.transition"], full_members=99,
        branches=split("T99/锦江苑", ids(rows)), committee_seats=5, secretary_source="town_deputy_secretary",
        part_time_units=[])
    # setup.transition without one: the extra rule, secretary_source none; N = 10
    community("T-none", "transition")
    rows = bulk("T-none", 6, "A") + bulk("T-none", 4, "B", start=7)
    members.extend(rows)
    exp("T-none", "functional_committee", ["setup.transition", "setup.no-deputy-secretary"], full_members=10,
        branches=[branch("T-none/A", ids(rows[:6])), branch("T-none/B", ids(rows[6:]))],
        committee_seats=5, secretary_source="none", part_time_units=[])

    # setup.integration: N = 100 -> topSeats 7; 60 + 40 -> A#1 (30), A#2 (30), B (40)
    community("I100", "integration")
    a = bulk("I100", 60, "A")
    b = bulk("I100", 40, "B", start=61)
    members.extend(a + b)
    units.append({"id": "I100-U1", "community_id": "I100", "kind": "government", "party_members": 40,
                  "has_party_org": True})
    exp("I100", "general_branch", ["setup.integration"], full_members=100,
        branches=by_id(split("I100/A", ids(a)) + split("I100/B", ids(b))), committee_seats=7,
        secretary_source="elected", part_time_units=[])

    # setup.maturity: part-time units with a party org, by party_members desc then id, at most 4
    community("M10", "maturity")
    rows = bulk("M10", 10, "A")
    members.extend(rows)
    for uid, pm, org in [("M10-U6", 5, True), ("M10-U5", 8, True), ("M10-U2", 10, True), ("M10-U1", 10, True),
                         ("M10-U3", 30, True), ("M10-U4", 50, False)]:
        units.append({"id": uid, "community_id": "M10", "kind": "enterprise", "party_members": pm,
                      "has_party_org": org})
    exp("M10", "regional_committee", ["setup.maturity"], full_members=10,
        branches=[branch("M10/A", ids(rows))], committee_seats=5 + 4, secretary_source="elected",
        part_time_units=["M10-U3", "M10-U1", "M10-U2", "M10-U5"])
    # maturity with N = 100 and one unit with a party org: 7 + 1
    community("M100", "maturity")
    rows = bulk("M100", 100, "A")
    members.extend(rows)
    units.append({"id": "M100-U1", "community_id": "M100", "kind": "new_social", "party_members": 3,
                  "has_party_org": True})
    units.append({"id": "M100-U2", "community_id": "M100", "kind": "enterprise", "party_members": 300})
    exp("M100", "regional_committee", ["setup.maturity"], full_members=100,
        branches=split("M100/A", ids(rows)), committee_seats=8, secretary_source="elected",
        part_time_units=["M100-U1"])

    COUNT["setup-stages.json"] = write(
        "setup-stages.json",
        "branch setup by stage: joint under 3, temporary branch seats at 6/7 and 29/30, transition with and without a deputy, topSeats at 99/100, part-time units",
        policies("stage", "branch_setup"),
        {"communities": communities, "members": members, "units": units},
        expect)


def setup_grid_cases():
    communities, members, expect = [], [], []

    def community(cid):
        communities.append({"id": cid, "stage": "integration", "households_moved_in": 100,
                            "residents_committee": True})

    def exp(cid, n, branches):
        expect.append({"point": "branch_setup", "subject": f"community:{cid}", "outcome": "general_branch",
                       "rules": ["setup.integration"],
                       "details": {"full_members": n, "branches": branches, "committee_seats": top_seats(n),
                                   "secretary_source": "elected", "part_time_units": []}})

    # G1: A has 3 (its own branch); B has 2, "" has 1 and "-" has 1 ("" and "-" are one group of 2):
    # the pool B + "-" = 4 forms G1/combined. A probationary member of A is in no branch.
    community("G1")
    a = bulk("G1", 3, "A", prefix="G1-A")
    b = bulk("G1", 2, "B", prefix="G1-B")
    d = [member("G1-D1", "G1", subdivision=""), member("G1-D2", "G1", subdivision="-")]
    members.extend(a + b + d + [member("G1-A9", "G1", subdivision="A", status="probationary")])
    exp("G1", 7, [branch("G1/A", ids(a)), branch("G1/combined", ids(b + d))])

    # G2: "" x2 and "-" x1 form the group "-" of 3: branch G2/- ("-" sorts before "A")
    community("G2")
    d = [member("G2-D1", "G2"), member("G2-D2", "G2", subdivision=""), member("G2-D3", "G2", subdivision="-")]
    a = bulk("G2", 4, "A", prefix="G2-A")
    members.extend(d + a)
    exp("G2", 7, [branch("G2/-", ids(d)), branch("G2/A", ids(a))])

    # G3: a pool of 1 joins the branch with the fewest members; B and C tie at 6 -> B (smaller id);
    # B then has 7 members and 3 seats (its seats follow its new size)
    community("G3")
    a = bulk("G3", 8, "A", prefix="G3-A")
    b = bulk("G3", 6, "B", prefix="G3-B")
    c = bulk("G3", 6, "C", prefix="G3-C")
    z = bulk("G3", 1, "Z", prefix="G3-Z")
    members.extend(a + b + c + z)
    exp("G3", 21, [branch("G3/A", ids(a)), branch("G3/B", ids(b + z)), branch("G3/C", ids(c))])

    # G4: 50 is not split; a pool of 2 (B 1 + C 1) joins it whole and it is not split again: 52
    community("G4")
    a = bulk("G4", 50, "A", prefix="G4-A")
    p = bulk("G4", 1, "B", prefix="G4-B") + bulk("G4", 1, "C", prefix="G4-C")
    members.extend(a + p)
    exp("G4", 52, [branch("G4/A", ids(a + p))])

    # G5: 51 is split in 2 (26 + 25), members sorted by id as bytes: G5-M1, G5-M10, ..., G5-M19, G5-M2, ...
    community("G5")
    g = [member(f"G5-M{i}", "G5", subdivision="花园") for i in range(1, 52)]
    members.extend(g)
    order = sorted(ids(g))
    # (26 and 25 members: branchSeats 3 each)
    exp("G5", 51, [branch("G5/花园#1", order[:26]), branch("G5/花园#2", order[26:])])

    # G6: 451 -> k = 10 (46 + 9 x 45), listed by id as bytes: #1, #10, #2, ..., #9
    community("G6")
    g = bulk("G6", 451, "大院")
    members.extend(g)
    parts = runs(ids(g), 10)
    assert len(parts[0]) == 46 and all(len(x) == 45 for x in parts[1:])
    exp("G6", 451, by_id([{"id": f"G6/大院#{i + 1}", "members": part, "committee_seats": 5}
                          for i, part in enumerate(parts)]))

    # G7: a pool of 51 (25 subdivisions of 2 and one of 1) forms combined#1 (26) and combined#2 (25)
    community("G7")
    a = bulk("G7", 3, "A", prefix="G7-A")
    pool = []
    for s in range(1, 26):
        pool += [member(f"G7-S{s:02d}-{j}", "G7", subdivision=f"S{s:02d}") for j in (1, 2)]
    pool.append(member("G7-S26-1", "G7", subdivision="S26"))
    members.extend(a + pool)
    order = sorted(ids(pool))
    exp("G7", 54, [branch("G7/A", ids(a)),
                   branch("G7/combined#1", order[:26]), branch("G7/combined#2", order[26:])])

    # G8: X 101 -> 34 + 34 + 33; Y 40; a pool of 2 (Z) joins the fewest, X#3 (33 -> 35)
    community("G8")
    x = bulk("G8", 101, "X", prefix="G8-X")
    y = bulk("G8", 40, "Y", prefix="G8-Y")
    z = bulk("G8", 2, "Z", prefix="G8-Z")
    members.extend(x + y + z)
    xs = runs(ids(x), 3)
    assert [len(r) for r in xs] == [34, 34, 33]
    exp("G8", 143, [branch("G8/X#1", xs[0]), branch("G8/X#2", xs[1]), branch("G8/X#3", xs[2] + ids(z)),
                    branch("G8/Y", ids(y))])

    COUNT["setup-grid.json"] = write(
        "setup-grid.json",
        "grid branches: groups of 3+, the '-' group, pools (combined, or joining the smallest branch), splitting past 50 (51, 101, 451)",
        policies("stage", "branch_setup"),
        {"communities": communities, "members": members},
        expect)


# ---------------------------------------------------------------------------- member management
def mm(mid, **kw):
    kw.setdefault("last_org_life", "2026-06-01")  # recent: no lapsed alert unless the case says so
    kw.setdefault("subdivision", "锦江苑")
    return member(mid, "MM", **kw)


FOUR = {"away_place": "广东省深圳市", "phone": "13800000000", "occupation": "建筑工人"}


def management_cases():
    members, events, expect = [], [], []

    def exp(mid, outcome, rules, alerts, grid=None):
        details = {"alerts": alerts}
        if grid is not None:
            details["grid"] = grid
        expect.append({"point": "member_management", "subject": f"member:{mid}", "outcome": outcome,
                       "rules": rules, "details": details})

    # manage.grid
    members.append(mm("MM-grid", building="3栋"))
    exp("MM-grid", "grid", ["manage.grid"], [], "MM/锦江苑")
    members.append(mm("MM-grid-empty", subdivision=""))
    exp("MM-grid-empty", "grid", ["manage.grid"], [], "MM/-")
    members.append(mm("MM-grid-dash", subdivision="-"))
    exp("MM-grid-dash", "grid", ["manage.grid"], [], "MM/-")
    members.append(mm("MM-grid-inservice", employment="in_service", employer="成都银行"))  # relation community
    exp("MM-grid-inservice", "grid", ["manage.grid"], [], "MM/锦江苑")
    # manage.relation-outside
    members.append(mm("MM-dual-village", relation="origin_village", origin_village="红光村"))
    exp("MM-dual-village", "dual", ["manage.relation-outside"], [])
    members.append(mm("MM-dual-elsewhere", relation="elsewhere"))
    exp("MM-dual-elsewhere", "dual", ["manage.relation-outside"], [])
    members.append(mm("MM-dual-retired", relation="work_unit", employment="retired"))
    exp("MM-dual-retired", "dual", ["manage.relation-outside"], [])
    # manage.in-service; alert.not-reported reads dual_report events in 2026-01-01..2026-06-30
    members.append(mm("MM-joint", relation="work_unit", employment="in_service", employer="郫都区人民医院"))
    events.append(event("MM-joint", "2026-01-01", "dual_report"))
    exp("MM-joint", "joint", ["manage.in-service"], [])
    members.append(mm("MM-joint-lastyear", relation="work_unit", employment="in_service", employer="郫都区人民医院"))
    events.append(event("MM-joint-lastyear", "2025-12-31", "dual_report"))
    events.append(event("MM-joint-lastyear", "2026-03-01", "org_life"))
    exp("MM-joint-lastyear", "joint", ["manage.in-service", "alert.not-reported"], ["not_reported"])
    members.append(mm("MM-joint-later", relation="work_unit", employment="in_service", employer="郫都区人民医院"))
    events.append(event("MM-joint-later", "2026-07-01", "dual_report"))
    exp("MM-joint-later", "joint", ["manage.in-service", "alert.not-reported"], ["not_reported"])
    members.append(mm("MM-joint-asof", relation="work_unit", employment="in_service", employer="郫都区人民医院"))
    events.append(event("MM-joint-asof", "2026-06-30", "dual_report"))
    exp("MM-joint-asof", "joint", ["manage.in-service"], [])
    # manage.mobile: add_months(away_since, 6) <= 2026-06-30
    members.append(mm("MM-away-6m", away_since="2025-12-30", **FOUR))
    exp("MM-away-6m", "dynamic", ["manage.mobile"], [])
    # 2025-12-31 + 6 months = 2026-06-31, clamped to 2026-06-30: dynamic too
    members.append(mm("MM-away-clamp", away_since="2025-12-31", **FOUR))
    exp("MM-away-clamp", "dynamic", ["manage.mobile"], [])
    # one day short: 2026-01-01 + 6 months = 2026-07-01 > as-of: not dynamic, and no four-clear alert
    # even with the three fields empty (that alert needs outcome dynamic)
    members.append(mm("MM-away-short", away_since="2026-01-01"))
    exp("MM-away-short", "grid", ["manage.grid"], [], "MM/锦江苑")
    # mobile comes before in-service: an in-service work-unit member away for a year is dynamic, and
    # gets no not_reported alert (that alert needs outcome joint)
    members.append(mm("MM-away-joint", away_since="2025-06-30", relation="work_unit", employment="in_service",
                      employer="郫都区人民医院", **FOUR))
    exp("MM-away-joint", "dynamic", ["manage.mobile"], [])
    # alert.four-clear: any one of away_place, phone, occupation empty
    for field in ("away_place", "phone", "occupation"):
        info = dict(FOUR)
        info[field] = ""
        mid = f"MM-four-no-{field.replace('_', '-')}"
        members.append(mm(mid, away_since="2025-01-01", **info))
        exp(mid, "dynamic", ["manage.mobile", "alert.four-clear"], ["four_clear_incomplete"])

    COUNT["management.json"] = write(
        "management.json",
        "member management: grid, dual, joint (dual report in the half-year), dynamic at exactly 6 months (and the 31st clamped), four-clear",
        policies("member_management"),
        {"communities": [{"id": "MM", "households_moved_in": 100}], "members": members, "events": events},
        expect)


def management_alert_cases():
    members, events, expect = [], [], []

    def exp(mid, outcome, rules, alerts):
        expect.append({"point": "member_management", "subject": f"member:{mid}", "outcome": outcome,
                       "rules": rules, "details": {"alerts": alerts}})

    # alert.pocket-member: add_months(letter_issued, 3) < 2026-06-30
    members.append(mm("AL-letter-0329", relation="origin_village", origin_village="红光村", letter_issued="2026-03-29"))
    exp("AL-letter-0329", "dual", ["manage.relation-outside", "alert.pocket-member"], ["pocket_member"])
    members.append(mm("AL-letter-0330", relation="origin_village", origin_village="红光村", letter_issued="2026-03-30"))
    exp("AL-letter-0330", "dual", ["manage.relation-outside"], [])
    # 2026-03-31 + 3 months = 2026-06-31, clamped to 2026-06-30: not before the as-of date
    members.append(mm("AL-letter-0331", relation="elsewhere", letter_issued="2026-03-31"))
    exp("AL-letter-0331", "dual", ["manage.relation-outside"], [])
    # relation community: never a pocket member, however old the letter
    members.append(mm("AL-letter-community", letter_issued="2024-01-01"))
    exp("AL-letter-community", "grid", ["manage.grid"], [])
    # alert.lapsed: add_months(last_org_life, 6) < 2026-06-30
    members.append(mm("AL-life-1229", last_org_life="2025-12-29"))
    exp("AL-life-1229", "grid", ["manage.grid", "alert.lapsed"], ["lapsed"])
    members.append(mm("AL-life-1230", last_org_life="2025-12-30"))
    exp("AL-life-1230", "grid", ["manage.grid"], [])
    members.append(mm("AL-life-1231", last_org_life="2025-12-31"))  # + 6 months clamps to 2026-06-30
    exp("AL-life-1231", "grid", ["manage.grid"], [])
    # lapsed reads only the last_org_life column: an org_life event in the ledger does not help
    members.append(mm("AL-life-ledger", last_org_life="2025-06-01"))
    events.append(event("AL-life-ledger", "2026-06-01", "org_life"))
    exp("AL-life-ledger", "grid", ["manage.grid", "alert.lapsed"], ["lapsed"])
    # no last_org_life: add_months(join_date, 6) < as-of; probationary members get alerts too
    members.append(mm("AL-join-1229", last_org_life=None, status="probationary", join_date="2025-12-29"))
    exp("AL-join-1229", "grid", ["manage.grid", "alert.lapsed"], ["lapsed"])
    members.append(mm("AL-join-1230", last_org_life=None, status="probationary", join_date="2025-12-30"))
    exp("AL-join-1230", "grid", ["manage.grid"], [])
    # every alert a dynamic member can have: rules in the page's order, alerts sorted
    members.append(mm("AL-dynamic-all", away_since="2025-01-01", away_place="浙江省杭州市", phone="",
                      occupation="厨师", relation="work_unit", employment="in_service", employer="杭州某酒店",
                      letter_issued="2026-01-01", last_org_life="2025-01-01"))
    exp("AL-dynamic-all", "dynamic", ["manage.mobile", "alert.pocket-member", "alert.lapsed", "alert.four-clear"],
        ["four_clear_incomplete", "lapsed", "pocket_member"])
    # every alert a joint member can have
    members.append(mm("AL-joint-all", relation="work_unit", employment="in_service", employer="郫都区人民医院",
                      letter_issued="2026-01-01", last_org_life="2025-06-01"))
    exp("AL-joint-all", "joint", ["manage.in-service", "alert.pocket-member", "alert.lapsed", "alert.not-reported"],
        ["lapsed", "not_reported", "pocket_member"])
    for m in members:
        if m.get("last_org_life") is None:
            m.pop("last_org_life", None)

    COUNT["management-alerts.json"] = write(
        "management-alerts.json",
        "member management alerts at their limits: a letter 3 months old (pocket member), 6 months without organisational life (lapsed), and all alerts together",
        policies("member_management"),
        {"communities": [{"id": "MM", "households_moved_in": 100}], "members": members, "events": events},
        expect)


def management_half_year_cases():
    # as-of 2026-07-01: the half-year is 2026-07-01..2026-07-01, so a report on 2026-06-30 is too old
    members = [
        mm("HY-june", relation="work_unit", employment="in_service", employer="成都银行"),
        mm("HY-july", relation="work_unit", employment="in_service", employer="成都银行"),
        mm("HY-later", relation="work_unit", employment="in_service", employer="成都银行"),
    ]
    # a report dated after the as-of date (2026-07-02) is in the half-year but not yet made
    events = [event("HY-june", "2026-06-30", "dual_report"), event("HY-july", "2026-07-01", "dual_report"),
              event("HY-later", "2026-07-02", "dual_report")]
    expect = [
        {"point": "member_management", "subject": "member:HY-june", "outcome": "joint",
         "rules": ["manage.in-service", "alert.not-reported"], "details": {"alerts": ["not_reported"]}},
        {"point": "member_management", "subject": "member:HY-july", "outcome": "joint",
         "rules": ["manage.in-service"], "details": {"alerts": []}},
        {"point": "member_management", "subject": "member:HY-later", "outcome": "joint",
         "rules": ["manage.in-service", "alert.not-reported"], "details": {"alerts": ["not_reported"]}},
    ]
    COUNT["management-half-year.json"] = write(
        "management-half-year.json",
        "not_reported on the first day of the second half-year: only a dual report dated 2026-07-01 counts",
        policies("member_management"),
        {"communities": [{"id": "MM", "households_moved_in": 100}], "members": members, "events": events},
        expect, as_of="2026-07-01")


def management_building_cases():
    members = [
        member("GB-1", "GB", subdivision="锦江苑", building="3栋", last_org_life="2026-06-01"),
        member("GB-2", "GB", subdivision="锦江苑", last_org_life="2026-06-01"),
        member("GB-3", "GB", building="1栋", last_org_life="2026-06-01"),
        member("GB-4", "GB", subdivision="-", building="-", last_org_life="2026-06-01"),
    ]
    grids = {"GB-1": "GB/锦江苑/3栋", "GB-2": "GB/锦江苑/-", "GB-3": "GB/-/1栋", "GB-4": "GB/-/-"}
    expect = [{"point": "member_management", "subject": f"member:{m}", "outcome": "grid", "rules": ["manage.grid"],
               "details": {"grid": g, "alerts": []}} for m, g in grids.items()]
    COUNT["management-building.json"] = write(
        "management-building.json",
        "grid by building (gridGranularity = building): COMMUNITY/SUBDIVISION/BUILDING, empty parts written '-'",
        policies("member_management", params={"member_management": {"gridGranularity": "building"}}),
        {"communities": [{"id": "GB", "households_moved_in": 100}], "members": members},
        expect)


# ------------------------------------------------------------------------------- cadre selection
def cand(mid, community, **kw):
    kw.setdefault("willing_to_serve", True)
    return member(mid, community, **kw)


def post(community, body, post_name, seats=None):
    row = {"community_id": community, "body": body, "post": post_name}
    if seats is not None:
        row["seats"] = seats
    return row


def selected(subject, rule, mid, score, alternates):
    return {"point": "cadre_selection", "subject": f"post:{subject}", "outcome": "selected", "rules": [rule],
            "details": {"member": mid, "score": score, "alternates": alternates}}


def vacant(subject, reasons=()):
    entry = {"point": "cadre_selection", "subject": f"post:{subject}", "outcome": "vacant",
             "rules": ["select.no-candidate"], "details": {"alternates": []}}
    if reasons:
        entry["reasons_contain"] = list(reasons)
    return entry


def integration(cid, **kw):
    row = {"id": cid, "stage": "integration", "households_moved_in": 100, "residents_committee": True}
    row.update(kw)
    return row


def selection_eligibility_cases():
    communities, members, posts, expect = [], [], [], []

    def one(cid, body, post_name, row_kw, ok, rule=None, score=0):
        """A community with one seat and one willing candidate who passes or fails one check."""
        communities.append(integration(cid))
        members.append(cand(f"{cid}-M", cid, **row_kw))
        posts.append(post(cid, body, post_name))
        subject = f"{cid}/{body}/{post_name}/1"
        if ok:
            expect.append(selected(subject, "select.ranked", f"{cid}-M", score, []))
        else:
            expect.append(vacant(subject, [rule]))

    rc, pc = "residents_committee", "party_committee"
    # select.absent: any away_since blocks, even one day old (not yet mobile)
    one("EL-away", rc, "member", {"away_since": "2026-06-29"}, False, "select.absent")
    # select.age: 18 <= age <= 60
    one("EL-age-61", rc, "member", {"birth_date": "1965-06-30"}, False, "select.age")  # 61 today
    one("EL-age-60", rc, "member", {"birth_date": "1965-07-01"}, True)  # 61 tomorrow
    one("EL-age-17", rc, "member", {"birth_date": "2008-07-01", "join_date": "2026-06-01",
                                    "status": "probationary"}, False, "select.age")
    one("EL-age-18", rc, "member", {"birth_date": "2008-06-30", "join_date": "2026-06-01",
                                    "status": "probationary"}, True, score=2)  # 18 today; 18 <= 45: +2
    # select.negative-list
    one("EL-criminal", rc, "member", {"criminal_record": True}, False, "select.negative-list")
    one("EL-debtor", rc, "member", {"dishonest_debtor": True}, False, "select.negative-list")
    # select.sanction: sanction_until strictly before the as-of date
    one("EL-sanction-today", rc, "member", {"sanction_until": "2026-06-30"}, False, "select.sanction")
    one("EL-sanction-yesterday", rc, "member", {"sanction_until": "2026-06-29"}, True)
    # select.unqualified: as-of year - unqualified_year > 3
    one("EL-unqualified-2023", rc, "member", {"unqualified_year": 2023}, False, "select.unqualified")
    one("EL-unqualified-2022", rc, "member", {"unqualified_year": 2022}, True)
    # select.standing: party committee seats need a full member; its secretary 24 months since joining
    one("EL-probationary-pc", pc, "member", {"status": "probationary", "join_date": "2026-01-01"}, False,
        "select.standing")
    one("EL-probationary-rc", rc, "member", {"status": "probationary", "join_date": "2026-01-01"}, True)
    one("EL-secretary-23m", pc, "secretary", {"join_date": "2024-07-01"}, False, "select.standing")
    one("EL-secretary-24m", pc, "secretary", {"join_date": "2024-06-30"}, True)
    one("EL-member-23m", pc, "member", {"join_date": "2024-07-01"}, True)
    # an unwilling member is no candidate at all
    one("EL-unwilling", rc, "member", {"willing_to_serve": False}, False)
    expect[-1].pop("reasons_contain", None)
    # a member failing several checks is reported by the first: away (before age and negative list)
    one("EL-first-failure", rc, "member", {"away_since": "2025-01-01", "birth_date": "1960-01-01",
                                           "criminal_record": True}, False, "select.absent")

    # every failure at once: a party committee secretary seat nobody can fill; each willing member's
    # first failing check is among the vacancy's reasons
    cid = "EL-all"
    communities.append(integration(cid))
    members.extend([
        cand("EL-all-away", cid, away_since="2026-06-29"),
        cand("EL-all-old", cid, birth_date="1965-06-30"),
        cand("EL-all-criminal", cid, criminal_record=True),
        cand("EL-all-sanction", cid, sanction_until="2026-06-30"),
        cand("EL-all-unqualified", cid, unqualified_year=2023),
        cand("EL-all-standing", cid, join_date="2024-07-01"),
        member("EL-all-unwilling", cid),
    ])
    posts.append(post(cid, "party_committee", "secretary"))
    expect.append(vacant(f"{cid}/party_committee/secretary/1",
                         ["select.absent", "select.age", "select.negative-list", "select.sanction",
                          "select.unqualified", "select.standing"]))

    COUNT["selection-eligibility.json"] = write(
        "selection-eligibility.json",
        "cadre eligibility at its limits (away, ages 17/18/60/61, negative list, sanction ending today or yesterday, unqualified 3 or 4 years ago, standing 23/24 months), each failure a vacancy reason",
        policies("stage", "cadre_selection"),
        {"communities": communities, "members": members, "posts": posts},
        expect)


def selection_ranking_cases():
    cid = "RK"
    v = lambda mid, date, hours: event(mid, date, "volunteer", hours)
    members = [
        # H: probationary; doctor 12 + cadre 10 + min(100/10, 10) 10 + age 31 -> 2 = 34 (not for party committee seats)
        cand("RK-H", cid, status="probationary", join_date="2026-01-01", birth_date="1995-01-01",
             education="doctor", cadre_years=10),
        # F: doctor 12 + cadre 0 + min(150/10, 10) 10 + age 36 -> 2 = 24
        cand("RK-F", cid, education="doctor", birth_date="1990-01-01"),
        # B: master 12 + cadre 2 + 45 h -> 4.5, age 46 = 18.5; joined 2025-01-01: not 24 months (no secretary)
        cand("RK-B", cid, education="master", cadre_years=2, join_date="2025-01-01"),
        # C: college 8 + min(15, 10) 10, age 50 = 18 (raw cadre_years 15 ranks it first among the 18s)
        cand("RK-C", cid, education="college", cadre_years=15, birth_date="1976-01-01"),
        # D: senior 6 + min(12, 10) 10 + 20 h -> 2 = 18
        cand("RK-D", cid, education="senior", cadre_years=12),
        # E: vocational 6 + 10 + 2 = 18; ties with D on score and raw cadre_years: id decides (D before E)
        cand("RK-E", cid, education="vocational", cadre_years=12),
        # A: bachelor 10 + cadre 3 + 25 h -> 2.5 + age 45 (born 1981-06-30, 45 today) -> 2 = 17.5
        cand("RK-A", cid, education="bachelor", cadre_years=3, birth_date="1981-06-30"),
        # G: junior 4 + 7.5 h -> 0.75 + age 36 -> 2 = 6.75
        cand("RK-G", cid, education="junior", birth_date="1990-01-01"),
        # K: unwilling, would rank first
        member("RK-K", cid, education="doctor", cadre_years=20),
    ]
    events = [
        v("RK-H", "2026-01-10", 100),
        v("RK-F", "2025-08-01", 150),
        v("RK-B", "2025-09-01", 45),
        v("RK-D", "2026-02-01", 20),
        v("RK-E", "2026-03-01", 20),
        # A: the window is 2025-07-01..2026-06-30: 12.5 + 12.5 = 25; the 2025-06-30 and 2026-07-01 hours are out
        v("RK-A", "2025-06-30", 40), v("RK-A", "2025-07-01", 12.5), v("RK-A", "2026-06-30", 12.5),
        v("RK-A", "2026-07-01", 40),
        v("RK-G", "2025-12-01", 5), v("RK-G", "2026-01-01", 2.5),
        # not volunteer: no score
        event("RK-G", "2026-01-01", "training", 30),
    ]
    posts = [
        post(cid, "party_committee", "secretary"),
        post(cid, "party_committee", "member"),
        post(cid, "residents_committee", "member", 5),
        post(cid, "party_committee", "member"),  # continues the count: party_committee/member/2
        post(cid, "collective_economy", "member"),
    ]
    # ranking: H 34, F 24, B 18.5, C 18, D 18, E 18, A 17.5, G 6.75
    expect = [
        # secretary: full and 24 months -> F; alternates also eligible for this seat (not H, not B): C, D
        selected("RK/party_committee/secretary/1", "select.ranked", "RK-F", 24, ["RK-C", "RK-D"]),
        # party committee member: full -> B; alternates C, D (H is probationary)
        selected("RK/party_committee/member/1", "select.ranked", "RK-B", 18.5, ["RK-C", "RK-D"]),
        selected("RK/residents_committee/member/1", "select.ranked", "RK-H", 34, ["RK-C", "RK-D"]),
        selected("RK/residents_committee/member/2", "select.ranked", "RK-C", 18, ["RK-D", "RK-E"]),
        selected("RK/residents_committee/member/3", "select.ranked", "RK-D", 18, ["RK-E", "RK-A"]),
        selected("RK/residents_committee/member/4", "select.ranked", "RK-E", 18, ["RK-A", "RK-G"]),
        selected("RK/residents_committee/member/5", "select.ranked", "RK-A", 17.5, ["RK-G"]),
        selected("RK/party_committee/member/2", "select.ranked", "RK-G", 6.75, []),
        vacant("RK/collective_economy/member/1"),
    ]
    COUNT["selection-ranking.json"] = write(
        "selection-ranking.json",
        "cadre ranking: exact scores (fractional volunteer hours, the 365-day window's edges, caps, the age-45 bonus), ties by raw cadre_years then id, alternates eligible for the same seat, seat numbers continuing over rows",
        policies("stage", "cadre_selection"),
        {"communities": [integration(cid)], "members": members, "events": events, "posts": posts},
        expect)


def ranked_people(cid, scores, **extra):
    """Willing candidates whose score is their cadre_years (age 46, education none, no volunteering)."""
    rows = []
    for mid, score in scores:
        kw = dict(extra.get(mid, {}))
        rows.append(cand(f"{cid}-{mid}", cid, cadre_years=score, **kw))
    return rows


def selection_one_shoulder_cases(off=False):
    communities, members, posts, expect = [], [], [], []
    five = [("X", 9), ("Y", 8), ("Z", 7), ("W", 6), ("V", 5)]
    rule_os = "select.one-shoulder"

    # OS1: secretary then director: the director seat goes to the secretary
    communities.append(integration("OS1"))
    members.extend(ranked_people("OS1", five[:4]))
    posts += [post("OS1", "party_committee", "secretary"), post("OS1", "residents_committee", "director"),
              post("OS1", "residents_committee", "deputy_director")]
    expect.append(selected("OS1/party_committee/secretary/1", "select.ranked", "OS1-X", 9, ["OS1-Y", "OS1-Z"]))
    if off:
        expect.append(selected("OS1/residents_committee/director/1", "select.ranked", "OS1-Y", 8, ["OS1-Z", "OS1-W"]))
        expect.append(selected("OS1/residents_committee/deputy_director/1", "select.ranked", "OS1-Z", 7, ["OS1-W"]))
    else:
        expect.append(selected("OS1/residents_committee/director/1", rule_os, "OS1-X", 9, ["OS1-Y", "OS1-Z"]))
        expect.append(selected("OS1/residents_committee/deputy_director/1", "select.ranked", "OS1-Y", 8,
                               ["OS1-Z", "OS1-W"]))

    if not off:
        # OS2: a director row before the secretary is ranked; the next director row after it takes the
        # secretary (one-shoulder); a third director row is ranked again (at most once)
        communities.append(integration("OS2"))
        members.extend(ranked_people("OS2", five))
        posts += [post("OS2", "residents_committee", "director"), post("OS2", "party_committee", "secretary"),
                  post("OS2", "residents_committee", "director", 2)]
        expect += [
            selected("OS2/residents_committee/director/1", "select.ranked", "OS2-X", 9, ["OS2-Y", "OS2-Z"]),
            selected("OS2/party_committee/secretary/1", "select.ranked", "OS2-Y", 8, ["OS2-Z", "OS2-W"]),
            selected("OS2/residents_committee/director/2", rule_os, "OS2-Y", 8, ["OS2-Z", "OS2-W"]),
            selected("OS2/residents_committee/director/3", "select.ranked", "OS2-Z", 7, ["OS2-W", "OS2-V"]),
        ]
        # OS3: nobody can be secretary (joined 2025: under 24 months), so the director is ranked
        communities.append(integration("OS3"))
        members.extend(ranked_people("OS3", five[:3], **{m: {"join_date": "2025-01-01"} for m in "XYZ"}))
        posts += [post("OS3", "party_committee", "secretary"), post("OS3", "residents_committee", "director")]
        expect += [
            vacant("OS3/party_committee/secretary/1", ["select.standing"]),
            selected("OS3/residents_committee/director/1", "select.ranked", "OS3-X", 9, ["OS3-Y", "OS3-Z"]),
        ]
        # OS4: the first secretary seat's member is the one (a second secretary row does not change it)
        communities.append(integration("OS4"))
        members.extend(ranked_people("OS4", five[:4]))
        posts += [post("OS4", "party_committee", "secretary"), post("OS4", "party_committee", "secretary"),
                  post("OS4", "residents_committee", "director")]
        expect += [
            selected("OS4/party_committee/secretary/1", "select.ranked", "OS4-X", 9, ["OS4-Y", "OS4-Z"]),
            selected("OS4/party_committee/secretary/2", "select.ranked", "OS4-Y", 8, ["OS4-Z", "OS4-W"]),
            selected("OS4/residents_committee/director/1", rule_os, "OS4-X", 9, ["OS4-Z", "OS4-W"]),
        ]

    fname = "selection-one-shoulder-off.json" if off else "selection-one-shoulder.json"
    COUNT[fname] = write(
        fname,
        "one-shoulder switched off (oneShoulder = false): the director is ranked like any seat" if off else
        "one-shoulder (一肩挑): the director seat after the secretary's goes to the secretary, once; not before it; not when the secretary seat is vacant",
        policies("stage", "cadre_selection", params={"cadre_selection": {"oneShoulder": False}} if off else None),
        {"communities": communities, "members": members, "posts": posts},
        expect)


def selection_village_cases():
    communities, members, posts, expect = [], [], [], []
    vr, rk = "select.village-representation", "select.ranked"
    people = [("E", 9), ("A", 8), ("F", 7), ("B", 6), ("C", 5), ("D", 4)]
    villages = {"A": "甲村", "B": "甲村", "C": "乙村", "D": "丙村"}

    def folk(cid, extra=None):
        extra = extra or {}
        out = {}
        for mid, v in villages.items():
            out[mid] = dict({"origin_village": v}, **extra.get(mid, {}))
        return ranked_people(cid, people, **out)

    # V1: 4 seats; villages 甲 (best A), 乙 (C), 丙 (D) each get one, in the ranking order of A, C, D; the
    # last seat is ranked (E). Alternates are by ranking: E, F until E is taken.
    communities.append(integration("V1"))
    members.extend(folk("V1"))
    posts.append(post("V1", "deliberation_council", "member", 4))
    expect += [
        selected("V1/deliberation_council/member/1", vr, "V1-A", 8, ["V1-E", "V1-F"]),
        selected("V1/deliberation_council/member/2", vr, "V1-C", 5, ["V1-E", "V1-F"]),
        selected("V1/deliberation_council/member/3", vr, "V1-D", 4, ["V1-E", "V1-F"]),
        selected("V1/deliberation_council/member/4", rk, "V1-E", 9, ["V1-F", "V1-B"]),
    ]
    # V2: 2 seats: 甲 (A) and 乙 (C) only ("while the row has seats"). The chair row starts over among
    # those not yet selected: 甲 (B, 6) before 丙 (D, 4): B. A supervisory council row is simply ranked.
    communities.append(integration("V2"))
    members.extend(folk("V2"))
    posts += [post("V2", "deliberation_council", "member", 2), post("V2", "deliberation_council", "chair"),
              post("V2", "supervisory_council", "member")]
    expect += [
        selected("V2/deliberation_council/member/1", vr, "V2-A", 8, ["V2-E", "V2-F"]),
        selected("V2/deliberation_council/member/2", vr, "V2-C", 5, ["V2-E", "V2-F"]),
        selected("V2/deliberation_council/chair/1", vr, "V2-B", 6, ["V2-E", "V2-F"]),
        selected("V2/supervisory_council/member/1", rk, "V2-E", 9, ["V2-F", "V2-D"]),
    ]
    # V3: only eligible members count: 乙's C has a criminal record, 丙's D is away: only 甲 is represented
    communities.append(integration("V3"))
    members.extend(folk("V3", {"C": {"criminal_record": True}, "D": {"away_since": "2026-05-01"}}))
    posts.append(post("V3", "deliberation_council", "member", 3))
    expect += [
        selected("V3/deliberation_council/member/1", vr, "V3-A", 8, ["V3-E", "V3-F"]),
        selected("V3/deliberation_council/member/2", rk, "V3-E", 9, ["V3-F", "V3-B"]),
        selected("V3/deliberation_council/member/3", rk, "V3-F", 7, ["V3-B"]),
    ]
    COUNT["selection-village.json"] = write(
        "selection-village.json",
        "village representation in the deliberation council: one seat per original village, villages in ranking order, while seats last, at the start of every deliberation_council row",
        policies("stage", "cadre_selection"),
        {"communities": communities, "members": members, "posts": posts},
        expect)


def selection_transition_cases():
    communities = [
        {"id": "TR1", "stage": "transition", "households_moved_in": 200, "town_deputy_secretary": "李明"},
        # TR2 is in transition by its data (moved in, no residents committee) and names no deputy secretary
        {"id": "TR2", "households_moved_in": 50},
    ]
    members = ranked_people("TR1", [("X", 9), ("Y", 8), ("Z", 7)]) + ranked_people("TR2", [("X", 9)])
    posts = [
        post("TR1", "party_committee", "secretary"), post("TR1", "residents_committee", "director"),
        post("TR1", "party_committee", "member"),
        post("TR2", "party_committee", "secretary"), post("TR2", "party_committee", "deputy_secretary"),
    ]
    app = lambda subject, who: {"point": "cadre_selection", "subject": f"post:{subject}", "outcome": "appointed",
                                "rules": ["select.appointed-secretary"],
                                "details": {"appointee": who, "alternates": []}}
    expect = [
        {"point": "stage", "subject": "community:TR2", "outcome": "transition",
         "rules": ["stage.no-residents-committee"]},
        app("TR1/party_committee/secretary/1", "李明"),
        # no member holds the secretary seat, so no one-shoulder: the director is ranked, X stays free
        selected("TR1/residents_committee/director/1", "select.ranked", "TR1-X", 9, ["TR1-Y", "TR1-Z"]),
        selected("TR1/party_committee/member/1", "select.ranked", "TR1-Y", 8, ["TR1-Z"]),
        app("TR2/party_committee/secretary/1", ""),
        selected("TR2/party_committee/deputy_secretary/1", "select.ranked", "TR2-X", 9, []),
    ]
    COUNT["selection-transition.json"] = write(
        "selection-transition.json",
        "transition: the party secretary is appointed (the town deputy secretary, or '' when none is named); no member is used",
        policies("stage", "cadre_selection"),
        {"communities": communities, "members": members, "posts": posts},
        expect)


# ---------------------------------------------------------------------------------------- points
BASE = "points.base"
ORG, VOL, TRN, DUAL, BREACH, CAP, LETTER = ("points.org-life", "points.volunteer", "points.training",
                                            "points.dual-report", "points.breach", "points.excellent-cap",
                                            "points.letter")


def ledger(mid, org=0, vol=0, trn=0, dual=0, breach=0, date="2026-03-15", split_org=True):
    """Events in the half-year: org_life as `org` events of 1 (or one event of `org` units)."""
    out = []
    if org:
        out += [event(mid, date, "org_life") for _ in range(org)] if split_org else [event(mid, date, "org_life", org)]
    if vol:
        out.append(event(mid, date, "volunteer", vol))
    if trn:
        out.append(event(mid, date, "training", trn))
    for _ in range(dual):
        out.append(event(mid, date, "dual_report"))
    if breach:
        out.append(event(mid, date, "convention_breach", breach))
    return out


def pts(mid, outcome, points, rules, letter=None, period="2026H1"):
    details = {"period": period, "points": points}
    if letter is not None:
        details["letter_to"] = letter
    return {"point": "points", "subject": f"member:{mid}", "outcome": outcome, "rules": rules, "details": details}


def points_cases():
    c = "PT"
    members, events, expect = [], [], []

    def add(mid, outcome, points, rules, letter=None, row=None, **led):
        members.append(member(mid, c, **(row or {})))
        events.extend(ledger(mid, **led))
        expect.append(pts(mid, outcome, points, rules, letter))

    add("PT-base", "qualified", 60, [BASE])
    # 12 x org_life = +24 (at the cap), 10.5 + 9.5 h (in two events) = +20 (at the cap), 3 training = +6
    # (at the cap), 1 dual report +5: 115
    add("PT-all-at-caps", "excellent", 115, [BASE, ORG, VOL, TRN, DUAL], org=12, vol=10.5, trn=3, dual=1)
    events.append(event("PT-all-at-caps", "2026-04-01", "volunteer", 9.5))
    # past every cap: org_life 13 units in one event (+26 -> 24), 20.5 h (-> 20), training 4 (+8 -> 6),
    # 2 dual reports (+5 once): 115
    add("PT-past-caps", "excellent", 115, [BASE, ORG, VOL, TRN, DUAL], org=13, vol=20.5, trn=4, dual=2,
        split_org=False)
    add("PT-90", "excellent", 90, [BASE, ORG, TRN], org=12, trn=3)
    add("PT-89", "qualified", 89, [BASE, ORG, DUAL], org=12, dual=1)
    add("PT-59", "attention", 59, [BASE, VOL, BREACH], vol=4, breach=1)
    add("PT-fraction", "qualified", 62.5, [BASE, VOL], vol=2.5)
    # 60 - 13 x 5 = -5: the total never falls below 0
    add("PT-floor", "attention", 0, [BASE, BREACH], breach=13)
    # the floor applies once, to the final total: 60 + 20 - 65 = 15 (not 0 + 20)
    add("PT-floor-once", "attention", 15, [BASE, VOL, BREACH], vol=20, breach=13)
    # only events in 2026-01-01..2026-06-30 count: 2025-12-31 and 2026-07-01 do not; city_training and
    # election_vote are no points rule
    add("PT-window", "qualified", 62, [BASE, TRN])
    events += [event("PT-window", "2025-12-31", "org_life", 5), event("PT-window", "2026-07-01", "org_life", 5),
               event("PT-window", "2026-01-01", "training"), event("PT-window", "2026-06-30", "city_training"),
               event("PT-window", "2026-06-30", "election_vote"), event("PT-window", "2025-12-31", "dual_report")]
    # a probationary member is not graded, points still computed
    add("PT-probationary", "not_graded", 90, [BASE, ORG, TRN], row={"status": "probationary",
                                                                    "join_date": "2026-01-01"}, org=12, trn=3)
    # letters (函告) for every relation that is not community
    add("PT-letter-village", "qualified", 60, [BASE, LETTER], "village:红光村",
        row={"relation": "origin_village", "origin_village": "红光村"})
    add("PT-letter-village-blank", "qualified", 60, [BASE, LETTER], "village:", row={"relation": "origin_village"})
    add("PT-letter-unit", "qualified", 65, [BASE, DUAL, LETTER], "unit:郫都区人民医院",
        row={"relation": "work_unit", "employment": "in_service", "employer": "郫都区人民医院"}, dual=1)
    add("PT-letter-unit-blank", "qualified", 60, [BASE, LETTER], "unit:", row={"relation": "work_unit"})
    add("PT-letter-elsewhere", "not_graded", 60, [BASE, LETTER], "elsewhere",
        row={"relation": "elsewhere", "status": "probationary", "join_date": "2026-01-01"})
    # 14 full members: floor(14 / 3) = 4 excellent allowed, 3 at 90 or more: no cap here
    assert sum(1 for m in members if m["status"] == "full") == 14
    COUNT["points.json"] = write(
        "points.json",
        "points: base 60, each addition at and past its cap, dual report once, breaches floored at 0 once, thresholds 59/60/89/90, the half-year's edges, letters",
        policies("points"),
        {"communities": [{"id": c, "households_moved_in": 100}], "members": members, "events": events},
        expect)


def points_cap_cases():
    members, events, expect = [], [], []
    # 95 = 60 + 24 + 6 + 5; 100 = 95 + 5 h; 92 = 90 + 2 h; 115 = 60 + 24 + 20 + 6 + 5; 89 = 60 + 24 + 5
    shapes = {
        115: (dict(org=12, vol=20, trn=3, dual=1), [BASE, ORG, VOL, TRN, DUAL]),
        100: (dict(org=12, vol=5, trn=3, dual=1), [BASE, ORG, VOL, TRN, DUAL]),
        95: (dict(org=12, trn=3, dual=1), [BASE, ORG, TRN, DUAL]),
        92: (dict(org=12, vol=2, trn=3), [BASE, ORG, VOL, TRN]),
        89: (dict(org=12, dual=1), [BASE, ORG, DUAL]),
        60: (dict(), [BASE]),
    }

    def add(c, mid, score, outcome, capped=False, row=None, letter=None):
        led, rules = shapes[score]
        members.append(member(f"{c}-{mid}", c, **(row or {})))
        events.extend(ledger(f"{c}-{mid}", **led))
        # the cap is what makes a capped member's outcome (qualified), so it is the outcome's rule and comes
        # first (Precisions: "the outcome's rule first, then any other rules in the order this page gives
        # them"); see DISCREPANCIES.md, ambiguity A1
        rules = ([CAP] if capped else []) + list(rules) + ([LETTER] if letter else [])
        expect.append(pts(f"{c}-{mid}", outcome, score, rules, letter))

    # EC2: 2 graded: floor(2/3) = 0 excellent; 115 is qualified, with the cap rule
    add("EC2", "A", 115, "qualified", capped=True)
    add("EC2", "B", 60, "qualified")
    # EC3: 3 graded (the probationary member is not one): 1 excellent, B (100) before A (95)
    add("EC3", "A", 95, "qualified", capped=True)
    add("EC3", "B", 100, "excellent")
    add("EC3", "C", 60, "qualified")
    add("EC3", "P", 115, "not_graded", row={"status": "probationary", "join_date": "2026-01-01"})
    # EC4: 4 graded: still 1; A and B tie at 95: A (smaller id); C (92, with a letter) capped too
    add("EC4", "A", 95, "excellent")
    add("EC4", "B", 95, "qualified", capped=True)
    add("EC4", "C", 92, "qualified", capped=True, row={"relation": "elsewhere"}, letter="elsewhere")
    add("EC4", "D", 60, "qualified")
    # EC6: 6 graded: 2 excellent: B and C (95, by id); D (95) and A (92) capped; F (89) simply qualified
    add("EC6", "A", 92, "qualified", capped=True)
    add("EC6", "B", 95, "excellent")
    add("EC6", "C", 95, "excellent")
    add("EC6", "D", 95, "qualified", capped=True)
    add("EC6", "E", 60, "qualified")
    add("EC6", "F", 89, "qualified")
    communities = [{"id": c, "households_moved_in": 100} for c in ("EC2", "EC3", "EC4", "EC6")]
    COUNT["points-excellent-cap.json"] = write(
        "points-excellent-cap.json",
        "the one-third cap on excellent: 2, 3, 4 and 6 graded members, ties by id, probationary members not graded",
        policies("points"),
        {"communities": communities, "members": members, "events": events},
        expect)


def points_second_half_cases():
    members = [member("H2-june", "PT"), member("H2-july", "PT")]
    events = ledger("H2-june", org=12, date="2026-06-30") + ledger("H2-july", org=1, date="2026-07-01")
    # events after the as-of date, though in the half-year, do not count yet
    events += ledger("H2-july", org=5, vol=3, trn=1, dual=1, breach=2, date="2026-07-02")
    expect = [pts("H2-june", "qualified", 60, [BASE], period="2026H2"),
              pts("H2-july", "qualified", 62, [BASE, ORG], period="2026H2")]
    COUNT["points-second-half.json"] = write(
        "points-second-half.json",
        "points on the first day of the second half-year (2026H2): June's events no longer count",
        policies("points"),
        {"communities": [{"id": "PT", "households_moved_in": 100}], "members": members, "events": events},
        expect, as_of="2026-07-01")


# ------------------------------------------------------------------------------------ governance
REQUIRED = {
    "preparation": [],
    "transition": ["management_committee", "deliberation_council", "owners_committee"],
    "integration": ["residents_committee", "deliberation_council", "supervisory_council", "collective_economy",
                    "trade_union", "youth_league", "womens_federation", "volunteer_team"],
}
REQUIRED["maturity"] = REQUIRED["integration"]
ENOUGH = {"policy_briefing": 4, "community_activity": 4, "deliberation": 6, "supervision": 4, "disclosure": 12,
          "consultation": 1}
IN_YEAR = ["2025-07-01", "2025-09-15", "2025-11-15", "2026-01-15", "2026-03-15", "2026-05-15", "2026-06-30"]


def meetings_for(cid, counts):
    """`counts` meetings of each kind, on dates spread over the year (its first and last day included)."""
    out = []
    for kind, n in counts.items():
        for i in range(n):
            out.append({"community_id": cid, "date": IN_YEAR[i % len(IN_YEAR)], "kind": kind, "attendees": 20})
    return out


class Gov:
    """A governance case file: communities built complete for their stage, then one thing changed."""

    def __init__(self):
        self.data = {k: [] for k in ("communities", "members", "events", "bodies", "meetings", "posts",
                                     "distributions")}
        self.expect = []

    def community(self, cid, stage, members=2, meetings=None, bodies=None, social=2, volunteer=4.0, **row):
        c = {"id": cid, "stage": stage, "households_moved_in": 100}
        c.update(row)
        self.data["communities"].append(c)
        counts = dict(ENOUGH) if meetings is None else meetings
        self.data["meetings"] += meetings_for(cid, counts)
        for body in (REQUIRED[stage] if bodies is None else bodies):
            self.data["bodies"].append({"community_id": cid, "body": body, "established": "2024-01-01"})
        if stage == "maturity":
            for i in range(social):
                self.data["bodies"].append({"community_id": cid, "body": "social_organization",
                                            "established": "2025-03-01", "name": f"社会组织{i + 1}"})
        made = []
        for i in range(1, members + 1):
            made.append(self.member(f"{cid}-M{i}", cid, volunteer=volunteer))
        return made

    def member(self, mid, cid, volunteer=4.0, vote="2024-01-01", org_life="2026-03-01", **row):
        """A member with, in the year, `volunteer` hours, an org_life event, and an election vote."""
        m = member(mid, cid, **row)
        self.data["members"].append(m)
        if volunteer:
            self.data["events"].append(event(mid, "2026-02-01", "volunteer", volunteer))
        if vote:
            self.data["events"].append(event(mid, vote, "election_vote"))
        if org_life:
            self.data["events"].append(event(mid, org_life, "org_life"))
        return m

    def complete(self, cid):
        self.expect.append({"point": "governance", "subject": f"community:{cid}", "outcome": "complete",
                            "rules": ["gov.complete"], "details": {"findings": [], "concerned": {}}})

    def gaps(self, cid, rules, concerned=None):
        self.expect.append({"point": "governance", "subject": f"community:{cid}", "outcome": "gaps",
                            "rules": rules, "details": {"findings": sorted(rules), "concerned": concerned or {}}})

    def write(self, fname, name):
        COUNT[fname] = write(fname, name, policies("stage", "cadre_selection", "governance"), self.data, self.expect)


def less(kind, n=None):
    counts = dict(ENOUGH)
    counts[kind] = ENOUGH[kind] - 1 if n is None else n
    return counts


def governance_preparation_cases():
    g = Gov()
    # complete in preparation: 4 briefings and 1 consultation; no bodies, no other meetings, and
    # nobody volunteers (none of those checks applies in preparation)
    g.community("GP-complete", "preparation", meetings={"policy_briefing": 4, "consultation": 1}, volunteer=0)
    g.complete("GP-complete")
    # gov.policy-briefing: 3 in the year (the 4th is on 2025-06-30, one day before the window)
    g.community("GP-briefing", "preparation", meetings={"policy_briefing": 3, "consultation": 1})
    g.data["meetings"].append({"community_id": "GP-briefing", "date": "2025-06-30", "kind": "policy_briefing"})
    g.gaps("GP-briefing", ["gov.policy-briefing"])
    # rights.consultation: consultations on 2025-06-30 and 2026-07-01 are both outside the year
    g.community("GP-consult", "preparation", meetings={"policy_briefing": 4})
    g.data["meetings"] += [{"community_id": "GP-consult", "date": d, "kind": "consultation"}
                           for d in ("2025-06-30", "2026-07-01")]
    g.gaps("GP-consult", ["rights.consultation"])
    # gov.secretary-training: the secretary's city training on 2025-06-30 is outside the year
    g.community("GP-secretary", "preparation", meetings={"policy_briefing": 4, "consultation": 1})
    g.data["members"][-2]["willing_to_serve"] = True  # GP-secretary-M1 will be the secretary
    g.data["events"].append(event("GP-secretary-M1", "2025-06-30", "city_training"))
    g.data["posts"].append(post("GP-secretary", "party_committee", "secretary"))
    g.gaps("GP-secretary", ["gov.secretary-training"], {"gov.secretary-training": ["GP-secretary-M1"]})
    # ... and on 2025-07-01 it is inside
    g.community("GP-secretary-ok", "preparation", meetings={"policy_briefing": 4, "consultation": 1})
    g.data["members"][-2]["willing_to_serve"] = True
    g.data["events"].append(event("GP-secretary-ok-M1", "2025-07-01", "city_training"))
    g.data["posts"].append(post("GP-secretary-ok", "party_committee", "secretary"))
    g.complete("GP-secretary-ok")
    # a vacant secretary seat: no finding (nobody is willing)
    g.community("GP-vacant", "preparation", meetings={"policy_briefing": 4, "consultation": 1})
    g.data["posts"].append(post("GP-vacant", "party_committee", "secretary"))
    g.complete("GP-vacant")
    # everything a preparation community can lack, in the page's order; findings sorted
    g.community("GP-nothing", "preparation", meetings={}, volunteer=0)
    g.data["members"][-2]["willing_to_serve"] = True
    g.data["posts"].append(post("GP-nothing", "party_committee", "secretary"))
    g.gaps("GP-nothing", ["gov.policy-briefing", "gov.secretary-training", "rights.consultation"],
           {"gov.secretary-training": ["GP-nothing-M1"]})
    g.write("governance-preparation.json",
            "governance in preparation: briefings (4 vs 3), consultation in the year, the secretary's city training at the window's edge")


def governance_transition_cases():
    g = Gov()
    # complete in transition: the three bodies (owners_committee set up on the as-of date counts), the
    # meetings, 4 volunteer hours a member; the secretary seat is appointed (no training finding);
    # the one distribution list names every villager; nobody needs a consultation or an election vote
    cid = "GT-complete"
    g.community(cid, "transition", members=0, bodies=["management_committee", "deliberation_council"],
                meetings=less("consultation", 0), town_deputy_secretary="王建国")
    g.data["bodies"].append({"community_id": cid, "body": "owners_committee", "established": "2026-06-30"})
    for i in (1, 2):
        g.member(f"{cid}-M{i}", cid, origin_village="红光村", vote=None)
    g.data["posts"].append(post(cid, "party_committee", "secretary"))
    g.data["distributions"] += [{"community_id": cid, "kind": "collective_assets", "member_id": f"{cid}-M{i}"}
                                for i in (1, 2)]
    g.complete(cid)
    # gov.body-missing: no management committee; the owners committee set up tomorrow does not count yet
    cid = "GT-bodies"
    g.community(cid, "transition", bodies=["deliberation_council", "supervisory_council"])
    g.data["bodies"].append({"community_id": cid, "body": "owners_committee", "established": "2026-07-01"})
    g.gaps(cid, ["gov.body-missing"], {"gov.body-missing": ["management_committee", "owners_committee"]})
    # the meeting counts one under each threshold: rules in the page's order, findings sorted
    cid = "GT-meetings"
    g.community(cid, "transition", meetings={"policy_briefing": 4, "community_activity": 3, "deliberation": 5,
                                             "supervision": 3, "disclosure": 11})
    g.gaps(cid, ["gov.community-activity", "gov.deliberation", "gov.supervision", "gov.disclosure"])
    # gov.volunteer-hours: N = 2 full members, 4 + 3.5 = 7.5 h -> 3.75 a member < 4 (the probationary
    # member's 10 h and M2's hours on 2025-06-30 do not count)
    cid = "GT-hours"
    g.community(cid, "transition", members=0)
    g.member(f"{cid}-M1", cid, volunteer=4)
    g.member(f"{cid}-M2", cid, volunteer=3.5)
    g.data["events"].append(event(f"{cid}-M2", "2025-06-30", "volunteer", 10))
    g.member(f"{cid}-P", cid, volunteer=10, status="probationary", join_date="2026-01-01")
    g.gaps(cid, ["gov.volunteer-hours"])
    # ... 4.5 + 3.5 = 8 h -> exactly 4 a member: no finding
    cid = "GT-hours-ok"
    g.community(cid, "transition", members=0)
    g.member(f"{cid}-M1", cid, volunteer=4.5)
    g.member(f"{cid}-M2", cid, volunteer=3.5)
    g.complete(cid)
    # lead.volunteer: M2's only volunteering is on 2025-06-30; the away member and the probationary
    # member are not concerned; N = 3 full, 12 h / 3 = 4: no hours finding
    cid = "GT-lead"
    g.community(cid, "transition", members=0)
    g.member(f"{cid}-M1", cid, volunteer=12)
    g.member(f"{cid}-M2", cid, volunteer=0)
    g.data["events"].append(event(f"{cid}-M2", "2025-06-30", "volunteer", 5))
    g.member(f"{cid}-M3", cid, volunteer=0, away_since="2025-03-01")
    g.member(f"{cid}-P", cid, volunteer=0, status="probationary", join_date="2026-01-01")
    g.gaps(cid, ["lead.volunteer"], {"lead.volunteer": [f"{cid}-M2"]})
    # rights: collective assets lists M1 only (M2 and the probationary villager P are left off; M3 has
    # no origin village); compensation lists M1 and M2 (P left off); housing choice lists all three
    # villagers (no finding)
    cid = "GT-rights"
    g.community(cid, "transition", members=0)
    g.member(f"{cid}-M1", cid, origin_village="红光村")
    g.member(f"{cid}-M2", cid, origin_village="团结村")
    g.member(f"{cid}-M3", cid)
    g.member(f"{cid}-P", cid, volunteer=0, status="probationary", join_date="2026-01-01", origin_village="红光村")
    dist = [("collective_assets", "M1"), ("compensation", "M1"), ("compensation", "M2"),
            ("housing_choice", "M1"), ("housing_choice", "M2"), ("housing_choice", "P")]
    g.data["distributions"] += [{"community_id": cid, "kind": k, "member_id": f"{cid}-{m}"} for k, m in dist]
    g.gaps(cid, ["rights.collective-assets", "rights.compensation"],
           {"rights.collective-assets": [f"{cid}-M2", f"{cid}-P"], "rights.compensation": [f"{cid}-P"]})
    # rights.housing-choice: the housing list names M1 only; the collective assets list names both
    cid = "GT-housing"
    g.community(cid, "transition", members=0)
    g.member(f"{cid}-M1", cid, origin_village="红光村")
    g.member(f"{cid}-M2", cid, origin_village="红光村")
    dist = [("collective_assets", "M1"), ("collective_assets", "M2"), ("housing_choice", "M1")]
    g.data["distributions"] += [{"community_id": cid, "kind": k, "member_id": f"{cid}-{m}"} for k, m in dist]
    g.gaps(cid, ["rights.housing-choice"], {"rights.housing-choice": [f"{cid}-M2"]})
    g.write("governance-transition.json",
            "governance in transition: bodies, meetings one under each threshold, volunteer hours 3.75 vs 4, the distribution lists, members who do not volunteer")


def governance_integration_cases():
    g = Gov()
    # complete in integration: all 8 bodies, meetings at their thresholds (a consultation is not
    # needed), every full member voted after 2021-06-30 (M1 on 2021-07-01) and volunteered; the
    # distribution list leaving a villager off is a transition check only
    cid = "GI-complete"
    g.community(cid, "integration", members=0, meetings=less("consultation", 0))
    g.member(f"{cid}-M1", cid, vote="2021-07-01", origin_village="红光村")
    g.member(f"{cid}-M2", cid, vote="2026-06-30", origin_village="红光村")
    g.data["distributions"].append({"community_id": cid, "kind": "compensation", "member_id": f"{cid}-M1"})
    g.complete(cid)
    # gov.body-missing: no trade union, no youth league; a volunteer team set up on the as-of date counts
    cid = "GI-bodies"
    g.community(cid, "integration", bodies=[b for b in REQUIRED["integration"]
                                            if b not in ("trade_union", "youth_league", "volunteer_team")])
    g.data["bodies"] += [{"community_id": cid, "body": "volunteer_team", "established": "2026-06-30"},
                         {"community_id": cid, "body": "management_committee", "established": "2024-01-01"}]
    g.gaps(cid, ["gov.body-missing"], {"gov.body-missing": ["trade_union", "youth_league"]})
    # rights.election: the 60 months are after 2021-06-30: M1's vote on that day is too old, M3 never
    # voted; the probationary member is not concerned
    cid = "GI-election"
    g.community(cid, "integration", members=0)
    g.member(f"{cid}-M1", cid, vote="2021-06-30")
    g.member(f"{cid}-M2", cid, vote="2021-07-01")
    g.member(f"{cid}-M3", cid, vote=None)
    g.member(f"{cid}-P", cid, vote=None, status="probationary", join_date="2026-01-01")
    g.gaps(cid, ["rights.election"], {"rights.election": [f"{cid}-M1", f"{cid}-M3"]})
    # gov.secretary-training reads the first secretary seat: S1 (ranked first) has no city training in the
    # year; S2, the second secretary, has
    cid = "GI-secretary"
    g.community(cid, "integration", members=0)
    g.member(f"{cid}-S1", cid, willing_to_serve=True, cadre_years=9)
    g.member(f"{cid}-S2", cid, willing_to_serve=True, cadre_years=8)
    g.data["events"] += [event(f"{cid}-S1", "2025-06-30", "city_training"),
                         event(f"{cid}-S1", "2026-07-01", "city_training"),
                         event(f"{cid}-S2", "2026-06-30", "city_training")]
    g.data["posts"] += [post(cid, "party_committee", "secretary"), post(cid, "party_committee", "secretary")]
    g.gaps(cid, ["gov.secretary-training"], {"gov.secretary-training": [f"{cid}-S1"]})
    # no full member (N = 0): no volunteer-hours finding and no one to lead
    cid = "GI-no-full"
    g.community(cid, "integration", members=0)
    g.member(f"{cid}-P", cid, volunteer=0, vote=None, status="probationary", join_date="2026-01-01")
    g.complete(cid)
    g.write("governance-integration.json",
            "governance in integration: the 8 bodies, election votes at the 60-month edge, the first secretary's city training, no full members")


def governance_maturity_cases():
    g = Gov()
    # complete in maturity, by its data (5 units make it mature): 8 bodies and 2 social organisations
    cid = "GM-complete"
    g.community(cid, "maturity", meetings=less("consultation", 0), residents_committee=True)
    g.data["communities"][-1].pop("stage")
    g.data["units"] = [{"id": f"{cid}-U{i}", "community_id": cid, "kind": "enterprise"} for i in range(1, 6)]
    g.complete(cid)
    # gov.social-organizations: one, plus one set up tomorrow; no concerned entry for it
    cid = "GM-social"
    g.community(cid, "maturity", social=1)
    g.data["bodies"].append({"community_id": cid, "body": "social_organization", "established": "2026-07-01"})
    g.gaps(cid, ["gov.social-organizations"])
    # rights.basic: M1 org_life 2025-07-01, M2 training 2026-06-30, M3 last_org_life 2025-07-01 are fine;
    # M4 (org_life and last_org_life on 2025-06-30) and the probationary P (only volunteering) are not
    cid = "GM-basic"
    g.community(cid, "maturity", members=0)
    g.member(f"{cid}-M1", cid, org_life="2025-07-01")
    g.member(f"{cid}-M2", cid, org_life=None)
    g.data["events"].append(event(f"{cid}-M2", "2026-06-30", "training"))
    g.member(f"{cid}-M3", cid, org_life=None, last_org_life="2025-07-01")
    g.member(f"{cid}-M4", cid, org_life="2025-06-30", last_org_life="2025-06-30")
    g.member(f"{cid}-P", cid, org_life=None, status="probationary", join_date="2026-01-01")
    g.gaps(cid, ["rights.basic"], {"rights.basic": [f"{cid}-M4", f"{cid}-P"]})
    # nothing at all: every maturity check, in the page's order; findings sorted; concerned for 3, 9, 15, 16
    cid = "GM-nothing"
    g.community(cid, "maturity", members=0, meetings={}, bodies=[], social=0)
    g.member(f"{cid}-M1", cid, volunteer=0, vote=None, org_life=None, willing_to_serve=True)
    g.member(f"{cid}-M2", cid, volunteer=0, vote=None, org_life=None)
    g.data["posts"].append(post(cid, "party_committee", "secretary"))
    g.gaps(cid, ["gov.policy-briefing", "gov.community-activity", "gov.body-missing", "gov.social-organizations",
                 "gov.deliberation", "gov.supervision", "gov.disclosure", "gov.volunteer-hours",
                 "gov.secretary-training", "rights.basic", "lead.volunteer"],
           {"gov.body-missing": sorted(REQUIRED["maturity"]), "gov.secretary-training": [f"{cid}-M1"],
            "rights.basic": [f"{cid}-M1", f"{cid}-M2"], "lead.volunteer": [f"{cid}-M1", f"{cid}-M2"]})
    g.expect.insert(0, {"point": "stage", "subject": "community:GM-complete", "outcome": "maturity",
                        "rules": ["stage.units-stationed"]})
    g.write("governance-maturity.json",
            "governance in maturity: social organisations (1 vs 2), basic rights in the year, and a community lacking everything")


# ------------------------------------------------------------------ month ends, leap days, params
def management_month_end_cases():
    # as-of 2026-02-28: add_months clamps the 29th, 30th and 31st of a month to 28 February
    members, expect = [], []

    def exp(mid, outcome, rules, alerts):
        expect.append({"point": "member_management", "subject": f"member:{mid}", "outcome": outcome,
                       "rules": rules, "details": {"alerts": alerts}})

    base = {"last_org_life": "2026-02-01"}
    # 2025-08-31 + 6 months = 2026-02-28: dynamic; 2025-09-01 + 6 = 2026-03-01: not yet
    members.append(mm("ME-away-0831", away_since="2025-08-31", **FOUR, **base))
    exp("ME-away-0831", "dynamic", ["manage.mobile"], [])
    members.append(mm("ME-away-0901", away_since="2025-09-01", **base))
    exp("ME-away-0901", "grid", ["manage.grid"], [])
    # 2025-11-30 + 3 months = 2026-02-28: not before the as-of date; 2025-11-27 + 3 = 2026-02-27: pocket
    members.append(mm("ME-letter-1130", relation="elsewhere", letter_issued="2025-11-30", **base))
    exp("ME-letter-1130", "dual", ["manage.relation-outside"], [])
    members.append(mm("ME-letter-1127", relation="elsewhere", letter_issued="2025-11-27", **base))
    exp("ME-letter-1127", "dual", ["manage.relation-outside", "alert.pocket-member"], ["pocket_member"])
    # 2025-08-31 + 6 = 2026-02-28: not lapsed; 2025-08-27 + 6 = 2026-02-27: lapsed
    members.append(mm("ME-life-0831", last_org_life="2025-08-31"))
    exp("ME-life-0831", "grid", ["manage.grid"], [])
    members.append(mm("ME-life-0827", last_org_life="2025-08-27"))
    exp("ME-life-0827", "grid", ["manage.grid", "alert.lapsed"], ["lapsed"])
    COUNT["management-month-ends.json"] = write(
        "management-month-ends.json",
        "month ends (as-of 2026-02-28): 6 months after 31 August and 3 months after 30 November are 28 February",
        policies("member_management"),
        {"communities": [{"id": "MM", "households_moved_in": 100}], "members": members},
        expect, as_of="2026-02-28")


def selection_leap_cases(as_of):
    feb28 = as_of == "2026-02-28"
    communities, members, posts, events, expect = [], [], [], [], []

    def one(cid, body, post_name, row_kw, ok, rule=None, score=0):
        communities.append(integration(cid))
        members.append(cand(f"{cid}-M", cid, **row_kw))
        posts.append(post(cid, body, post_name))
        subject = f"{cid}/{body}/{post_name}/1"
        expect.append(selected(subject, "select.ranked", f"{cid}-M", score, []) if ok else vacant(subject, [rule]))

    rc = "residents_committee"
    young = {"birth_date": "2008-02-29", "join_date": "2026-02-01", "status": "probationary"}
    # a 29 February birthday is reached on 1 March in a common year: 17 on the 28th, 18 on the 1st
    one("LP-born-0229", rc, "member", young, not feb28, "select.age", score=2)
    # born 1980-02-29: 45 on 2026-02-28 (age bonus +2), 46 on 2026-03-01 (none)
    one("LP-bonus-0229", rc, "member", {"birth_date": "1980-02-29"}, True, score=2 if feb28 else 0)
    if feb28:
        # 2024-02-29 + 24 months = 2026-02-28 (clamped): a secretary on that day
        # (born 1980-05-01: 45 on this day, so +2)
        one("LP-standing-0229", "party_committee", "secretary", {"join_date": "2024-02-29"}, True, score=2)
        # the 365 days before 2026-02-28 start after 2025-02-28: 2025-03-01 counts (12 h), 2025-02-28 not
        one("LP-window", rc, "member", {}, True, score=3.2)  # 12 h -> 1.2, + 2 (45 years old)
        events += [event("LP-window-M", "2025-02-28", "volunteer", 50), event("LP-window-M", "2025-03-01", "volunteer", 12)]
    fname = f"selection-leap-{as_of}.json"
    COUNT[fname] = write(
        fname,
        f"cadre selection on {as_of}: 29 February birthdays, standing from 29 February, the 365-day window"
        if feb28 else f"cadre selection on {as_of}: a 29 February birthday is reached on 1 March",
        policies("stage", "cadre_selection"),
        {"communities": communities, "members": members, "posts": posts, "events": events},
        expect, as_of=as_of)


def governance_leap_cases():
    # as-of 2024-06-30: 365 days back is 2023-07-01 (2024 is a leap year), so the year starts 2023-07-02
    communities = [{"id": c, "stage": "preparation"} for c in ("GL-out", "GL-in")]
    meetings = []
    for cid, first in (("GL-out", "2023-07-01"), ("GL-in", "2023-07-02")):
        meetings += [{"community_id": cid, "date": d, "kind": "policy_briefing"}
                     for d in (first, "2023-10-01", "2024-02-29", "2024-06-30")]
        meetings.append({"community_id": cid, "date": "2024-03-01", "kind": "consultation"})
    members = [member("GL-M1", "GL-out", join_date="2005-07-01")]
    expect = [
        {"point": "governance", "subject": "community:GL-out", "outcome": "gaps", "rules": ["gov.policy-briefing"],
         "details": {"findings": ["gov.policy-briefing"], "concerned": {}}},
        {"point": "governance", "subject": "community:GL-in", "outcome": "complete", "rules": ["gov.complete"],
         "details": {"findings": [], "concerned": {}}},
    ]
    COUNT["governance-leap-year.json"] = write(
        "governance-leap-year.json",
        "the governance year is 365 days, not a calendar year: on 2024-06-30 a briefing on 2023-07-01 is outside it",
        policies("stage", "cadre_selection", "governance"),
        {"communities": communities, "members": members, "meetings": meetings},
        expect, as_of="2024-06-30")


def params_cases():
    """Every parameter of the module set by the profile away from its default."""
    communities, members, units, posts, events, meetings, bodies, expect = [], [], [], [], [], [], [], []
    params = {
        "stage": {"maturityUnits": 3},
        "branch_setup": {"largeBranch": 20, "maxPartTimeMembers": 2},
        "member_management": {"mobileAfterMonths": 3, "letterValidMonths": 1},
        "cadre_selection": {"maxAge": 55},
        "governance": {"briefingsPerYear": 1, "activitiesPerYear": 1, "minSocialOrgs": 1, "deliberationsPerYear": 1,
                       "supervisionsPerYear": 1, "disclosuresPerYear": 1, "volunteerHoursPerMember": 1},
    }
    # stage: 3 units now make a community mature
    communities.append({"id": "PR-M", "households_moved_in": 10, "residents_committee": True})
    units += [{"id": f"PR-M-U{i}", "community_id": "PR-M", "kind": "enterprise", "party_members": 10 * i,
               "has_party_org": True} for i in (1, 2, 3)]
    expect.append({"point": "stage", "subject": "community:PR-M", "outcome": "maturity",
                   "rules": ["stage.units-stationed"], "details": {"declared": False}})
    # branch_setup: largeBranch 20 (a branch of 20 has 5 seats, of 19 has 3); at most 2 part-time units
    a = [member(f"PR-M-A{i:02d}", "PR-M", subdivision="A", last_org_life="2026-06-01", willing_to_serve=True)
         for i in range(1, 18)]
    b = [member(f"PR-M-B{i:02d}", "PR-M", subdivision="B", last_org_life="2026-06-01") for i in range(1, 20)]
    members += a + b
    # member_management: away exactly 3 months is mobile; a letter older than 1 month is a pocket
    members.append(member("PR-away", "PR-M", subdivision="A", away_since="2026-03-30", last_org_life="2026-06-01",
                          **FOUR))
    members.append(member("PR-letter", "PR-M", subdivision="A", relation="elsewhere", letter_issued="2026-05-29",
                          last_org_life="2026-06-01"))
    members.append(member("PR-letter-ok", "PR-M", subdivision="A", relation="elsewhere",
                          letter_issued="2026-05-30", last_org_life="2026-06-01"))
    # (these three are full members of subdivision A too: A has 17 + 3 = 20, B 19)
    expect.append({"point": "branch_setup", "subject": "community:PR-M", "outcome": "regional_committee",
                   "rules": ["setup.maturity"],
                   "details": {"full_members": 39, "committee_seats": 5 + 2, "secretary_source": "elected",
                               "part_time_units": ["PR-M-U3", "PR-M-U2"],
                               "branches": [{"id": "PR-M/A", "members": sorted(ids(a) + ["PR-away", "PR-letter",
                                                                                          "PR-letter-ok"]),
                                             "committee_seats": 5},
                                            {"id": "PR-M/B", "members": ids(b), "committee_seats": 3}]}})
    expect += [
        {"point": "member_management", "subject": "member:PR-away", "outcome": "dynamic", "rules": ["manage.mobile"],
         "details": {"alerts": []}},
        {"point": "member_management", "subject": "member:PR-letter", "outcome": "dual",
         "rules": ["manage.relation-outside", "alert.pocket-member"], "details": {"alerts": ["pocket_member"]}},
        {"point": "member_management", "subject": "member:PR-letter-ok", "outcome": "dual",
         "rules": ["manage.relation-outside"], "details": {"alerts": []}},
    ]
    # cadre_selection: maxAge 55: 56 (born 1970-06-30) is too old, 55 (born 1970-07-01) is not
    communities += [integration("PR-old"), integration("PR-55")]
    members += [cand("PR-old-M", "PR-old", birth_date="1970-06-30"), cand("PR-55-M", "PR-55", birth_date="1970-07-01")]
    posts += [post("PR-old", "residents_committee", "member"), post("PR-55", "residents_committee", "member")]
    expect += [vacant("PR-old/residents_committee/member/1", ["select.age"]),
               selected("PR-55/residents_committee/member/1", "select.ranked", "PR-55-M", 0, [])]
    # governance with every threshold at 1: one meeting of each kind, one social organisation, 1 hour a
    # full member (36 full members of PR-M + PR-away and the two letter members = 39 full, 39 hours)
    cid = "PR-M"
    for kind in ("policy_briefing", "community_activity", "deliberation", "supervision", "disclosure"):
        meetings.append({"community_id": cid, "date": "2026-01-15", "kind": kind})
    for body in REQUIRED["maturity"] + ["social_organization"]:
        bodies.append({"community_id": cid, "body": body, "established": "2024-01-01"})
    full = [m["id"] for m in members if m["community_id"] == cid]
    assert len(full) == 39
    for mid in full:
        events.append(event(mid, "2026-02-01", "volunteer", 1))
    expect.append({"point": "governance", "subject": f"community:{cid}", "outcome": "complete",
                   "rules": ["gov.complete"], "details": {"findings": [], "concerned": {}}})
    communities.append({"id": "PR-H", "stage": "integration", "households_moved_in": 10})
    members += [member("PR-H-M1", "PR-H"), member("PR-H-M2", "PR-H")]
    events.append(event("PR-H-M1", "2026-02-01", "volunteer", 1.5))
    events.append(event("PR-H-M2", "2026-02-01", "election_vote"))
    events.append(event("PR-H-M1", "2026-02-01", "election_vote"))
    for kind in ("policy_briefing", "community_activity", "deliberation", "supervision", "disclosure"):
        meetings.append({"community_id": "PR-H", "date": "2026-01-15", "kind": kind})
    for body in REQUIRED["integration"]:
        bodies.append({"community_id": "PR-H", "body": body, "established": "2024-01-01"})
    # 1.5 hours / 2 full members = 0.75 < 1; M2 did not volunteer
    expect.append({"point": "governance", "subject": "community:PR-H", "outcome": "gaps",
                   "rules": ["gov.volunteer-hours", "lead.volunteer"],
                   "details": {"findings": ["gov.volunteer-hours", "lead.volunteer"],
                               "concerned": {"lead.volunteer": ["PR-H-M2"]}}})
    COUNT["params.json"] = write(
        "params.json",
        "every module parameter set away from its default: maturityUnits 3, largeBranch 20, 2 part-time units, 3 months mobile, 1 month letters, maxAge 55, governance thresholds 1",
        {p: {"module": MODULE, "params": params[p]} for p in params},
        {"communities": communities, "members": members, "units": units, "posts": posts, "events": events,
         "meetings": meetings, "bodies": bodies},
        expect)


def governance_election_leap_cases():
    # as-of 2024-02-29: add_months(as-of, -60) = 2019-02-28 (29 February clamped): a vote on that day is
    # too old, one on 2019-03-01 counts. The year is 2023-03-02..2024-02-29 (365 days back is 2023-03-01).
    cid = "GE"
    communities = [{"id": cid, "stage": "integration", "households_moved_in": 100, "residents_committee": True}]
    dates = ["2023-03-02", "2023-05-01", "2023-07-01", "2023-09-01", "2023-11-01", "2024-01-01", "2024-02-29"]
    meetings = []
    for kind, n in ENOUGH.items():
        meetings += [{"community_id": cid, "date": dates[i % len(dates)], "kind": kind} for i in range(n)]
    bodies = [{"community_id": cid, "body": b, "established": "2020-01-01"} for b in REQUIRED["integration"]]
    members = [member(f"{cid}-M1", cid), member(f"{cid}-M2", cid)]
    events = [event(f"{cid}-M1", "2019-02-28", "election_vote"), event(f"{cid}-M2", "2019-03-01", "election_vote")]
    events += [event(m["id"], "2023-03-02", "volunteer", 4) for m in members]
    expect = [{"point": "governance", "subject": f"community:{cid}", "outcome": "gaps", "rules": ["rights.election"],
               "details": {"findings": ["rights.election"], "concerned": {"rights.election": [f"{cid}-M1"]}}}]
    COUNT["governance-election-leap.json"] = write(
        "governance-election-leap.json",
        "election votes on 29 February 2024: 60 months back is 2019-02-28 (clamped), itself excluded",
        policies("stage", "cadre_selection", "governance"),
        {"communities": communities, "members": members, "events": events, "meetings": meetings, "bodies": bodies},
        expect, as_of="2024-02-29")


if __name__ == "__main__":
    for old in os.listdir(HERE):
        if old.endswith(".json"):
            os.remove(os.path.join(HERE, old))
    stage_cases()
    setup_stage_cases()
    setup_grid_cases()
    management_cases()
    management_alert_cases()
    management_half_year_cases()
    management_building_cases()
    selection_eligibility_cases()
    selection_ranking_cases()
    selection_one_shoulder_cases()
    selection_one_shoulder_cases(off=True)
    selection_village_cases()
    selection_transition_cases()
    points_cases()
    points_cap_cases()
    points_second_half_cases()
    governance_preparation_cases()
    governance_transition_cases()
    governance_integration_cases()
    governance_maturity_cases()
    management_month_end_cases()
    selection_leap_cases("2026-02-28")
    selection_leap_cases("2026-03-01")
    governance_leap_cases()
    params_cases()
    governance_election_leap_cases()
    for name in sorted(COUNT):
        print(f"{name}: {COUNT[name]} expectations")
    print(f"{len(COUNT)} files, {sum(COUNT.values())} expectations")
