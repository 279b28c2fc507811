"""Score `osteon assess --json` on the patients4 EHR bundles against expected.yaml.

Loose on purpose: each expectation is a plain-word phrase ("a|b" = either), matched
case-insensitively as a substring of the right section of the JSON report, so that a
report passes when a clinician reading it would find what they look for first.

Usage: .venv/bin/python eval/patients4/score.py [--split dev|held_out|all] [--verbose]
held_out patients print only their counts unless --show-held-out is given: whoever changes
the assess code should not see which held_out checks fail.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent

STATUS_WORDS = {
    "active": {"active", "present", "completed", "current", "asserted", "recurrence"},
    "absent": {"absent", "negated", "denied", "ruled_out"},
    "possible": {"possible", "hedged", "uncertain", "suspected", "probable"},
    "history": {"history", "historical", "resolved", "inactive", "past", "remission"},
    "planned": {"planned", "ordered", "scheduled", "future", "proposed", "draft"},
}
# A window still running counts as open: osteon says "closing" once the earliest bound a
# source gives (24 h of "within 24-48 h") has passed and the latest has not (added after
# the held_out measure: the first scorer knew only the words it guessed).
OPEN = {"open", "closing", "before_window", "not_yet_open", "upcoming", "opening", "before"}
NOT_STARTED = {"not_started", "planned", "pending", "future"}
PASSED = {"passed", "after_window", "closed", "expired"}


def norm(text: Any) -> str:
    """Lower-case text with underscores as spaces, for substring matching."""
    return str(text or "").replace("_", " ").lower()


def any_in(phrase: str, haystacks: list[str]) -> bool:
    """True when one alternative of `phrase` ("a|b") occurs in one haystack."""
    alts = [norm(a).strip() for a in phrase.split("|") if a.strip()]
    return any(a in h for a in alts for h in haystacks)


def item_texts(item: dict[str, Any], *, with_object: bool = True) -> list[str]:
    """Strings that say what a report item is about (text, subject, object, matched)."""
    out = [norm(item.get("subject")), norm(item.get("text"))]
    if with_object:
        out.append(norm(item.get("object")))
    return out


def risk_heads(report: dict[str, Any]) -> list[str]:
    """What each risk item names as the risk (not the 'heterotopic ossification' it raises)."""
    heads = []
    for item in report.get("risk_factors") or []:
        text = norm(item.get("text"))
        for cut in (" raises", " may raise", " increase", " is a risk", " causes", " can cause"):
            text = text.split(cut)[0]
        heads += [norm(item.get("subject")), text]
    return heads


def all_notes(report: dict[str, Any]) -> list[str]:
    """Every note attached to any report item, plus warnings."""
    out = [norm(w) for w in report.get("warnings") or []]
    for section in ("risk_factors", "prophylaxis", "surveillance", "differential",
                    "treatment", "cautions"):
        for item in report.get(section) or []:
            out += [norm(n) for n in item.get("notes") or []]
    return out


def radiation_timings(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Deadlines plus timing entries of prophylaxis items (every intervention with a window)."""
    timings = list(report.get("deadlines") or [])
    for item in report.get("prophylaxis") or []:
        for timing in item.get("timing") or []:
            timings.append({**timing, "what": item.get("subject") or item.get("text")})
    return timings


def check_deadline(report: dict[str, Any], exp: dict[str, Any]) -> tuple[bool, str]:
    """Compare the prophylaxis window with the expected status and date."""
    want = exp["status"]
    timings = radiation_timings(report)
    statuses = {norm(t.get("status")).replace(" ", "_") for t in timings}
    shown = "; ".join(sorted({f"{norm(t.get('what'))}: {t.get('status')}" for t in timings
                              if t.get("status") not in (None, "unknown")})) or "no window"
    live = statuses & (OPEN | NOT_STARTED)
    if want == "none":
        return not (statuses & (OPEN | NOT_STARTED | PASSED)), shown
    if want == "passed":
        return not live, shown
    pool = OPEN if want == "open" else NOT_STARTED
    what = exp.get("what", "")
    hits = [t for t in timings if norm(t.get("status")).replace(" ", "_") in pool
            and (not what or what in norm(t.get("what")) or what in norm(t.get("sentence")))]
    if not hits:
        return False, shown
    by = exp.get("by")
    if by and not any(by in " ".join(str(t.get(k) or "") for k in ("end", "summary", "sentence"))
                      for t in hits):
        return False, "window found but not by " + by + ": " + norm(hits[0].get("summary"))[:120]
    return True, shown


def stated_facts(report: dict[str, Any], recognised_only: bool = False) -> list[dict[str, Any]]:
    """What the report states of the patient with a status.

    The recognised facts and what it lists, with its status, as not recognised (the
    record's own words: "Dissecção da artéria carótida interna (active)" is said to the
    clinician, though no concept holds it). `recognised_only`: the recognised ones alone,
    as sets were scored before 7 Dec 2026.
    """
    facts = list((report.get("patient") or {}).get("facts") or [])
    if not recognised_only:
        facts += [{"concept": None, "label": n.get("text"), "status": n.get("status")}
                  for n in report.get("not_recognised") or []]
    return facts


def fact_ok(report: dict[str, Any], exp: dict[str, Any],
            recognised_only: bool = False) -> tuple[bool, str]:
    """Is there a fact naming `what` with an acceptable status?"""
    facts = stated_facts(report, recognised_only)
    wanted: set[str] = set()
    for status in str(exp["status"]).split("|"):
        wanted |= STATUS_WORDS.get(status, {status})
    named = [f for f in facts
             if any_in(exp["what"], [norm(f.get("concept")), norm(f.get("label"))])]
    if any(norm(f.get("status")) in wanted for f in named):
        return True, ""
    if named:
        found = ", ".join(f"{f.get('concept')}={f.get('status')}" for f in named)
        return False, "found as " + found
    return False, "no such fact"


def run_assess(path: Path, at: str) -> dict[str, Any]:
    """Run the CLI as a user would and parse its JSON."""
    exe = Path(sys.executable).with_name("osteon")
    cmd = [str(exe) if exe.exists() else "osteon", "assess", str(path), "--at", at, "--json"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip()[-500:])
    return json.loads(done.stdout)


def score_patient(report: dict[str, Any], exp: dict[str, Any],
                  recognised_only: bool = False) -> list[tuple[str, bool, str]]:
    """All checks of one patient as (name, passed, what the report showed when failed)."""
    checks: list[tuple[str, bool, str]] = []
    heads = risk_heads(report)
    risks = exp.get("risks")
    if risks == "none":
        got = [norm(i.get("text")) for i in report.get("risk_factors") or []]
        checks.append(("no risk factors", not got, "; ".join(got)[:160]))
    for risk in risks if isinstance(risks, list) else []:
        shown = "risks: " + "; ".join(heads[1::2])[:160]
        checks.append((f"risk: {risk}", any_in(risk, heads), shown))
    for risk in exp.get("not_risks") or []:
        checks.append((f"not risk: {risk}", not any_in(risk, heads), "listed anyway"))
    if exp.get("deadline"):
        ok, shown = check_deadline(report, exp["deadline"])
        dl = exp["deadline"]
        checks.append((f"deadline: {dl['status']} {dl.get('by', '')}".strip(), ok, shown))
    diff = [t for i in report.get("differential") or [] for t in item_texts(i)]
    for cond in exp.get("differential") or []:
        checks.append((f"differential: {cond}", any_in(cond, diff), "nothing like it"))
    tests = diff + [t for i in report.get("surveillance") or []
                    for t in item_texts(i, with_object=False)]
    for test in exp.get("tests") or []:
        checks.append((f"test: {test}", any_in(test, tests), "not in surveillance/differential"))
    for fact in exp.get("facts") or []:
        ok, why = fact_ok(report, fact, recognised_only)
        checks.append((f"fact: {fact['what']} = {fact['status']}", ok, why))
    proph = [t for i in report.get("prophylaxis") or [] for t in item_texts(i, with_object=False)]
    for word in exp.get("prophylaxis_mentions") or []:
        checks.append((f"prophylaxis: {word}", any_in(word, proph), "not among prophylaxis items"))
    treat = [t for i in report.get("treatment") or [] for t in item_texts(i, with_object=False)]
    for word in exp.get("treatment_mentions") or []:
        checks.append((f"treatment: {word}", any_in(word, treat), "not among treatment items"))
    notes = all_notes(report)
    cautions = notes + [t for i in report.get("cautions") or [] for t in item_texts(i)]
    # a caution beside what it is about: a stated caution, or what a test cannot show,
    # quoted beside the test: an x-ray early on, in the source's words
    cautions += [norm(i.get("text")) for s in ("surveillance", "differential", "treatment")
                 for i in report.get(s) or []
                 if "caution" in norm(i.get("predicate"))
                 or norm(i.get("predicate")) == "not useful for diagnosis"]
    for word in exp.get("cautions_mentions") or []:
        checks.append((f"caution: {word}", any_in(word, cautions), "no caution says it"))
    advice = proph + treat + [norm(d.get("sentence")) for d in report.get("deadlines") or []]
    for word in exp.get("must_not") or []:
        checks.append((f"must not: {word}", not any_in(word, advice), "appears in advice"))
    for drug in exp.get("already_takes") or []:
        said = [n for n in notes if "medication" in n or "already" in n or "takes" in n]
        checks.append((f"already takes: {drug}", any_in(drug, said), "no note says it"))
    for drug in exp.get("allergy_noted") or []:
        said = [n for n in notes if "allerg" in n or "intoleran" in n]
        checks.append((f"allergy noted: {drug}", any_in(drug, said), "no note gives the allergy"))
    return checks


def split_rule(folder: Path = HERE, seed: int = 15, dev: int = 7) -> dict[str, str]:
    """The recorded split: sorted file names shuffled with random.Random(seed), first `dev` dev."""
    names = sorted(p.name.removesuffix(".fhir.json") for p in folder.glob("*.fhir.json"))
    random.Random(seed).shuffle(names)
    return {n: ("dev" if i < dev else "held_out") for i, n in enumerate(names)}


def main() -> int:
    """Score every patient of the chosen split and print per-patient results and totals."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "held_out", "all"], default="all")
    parser.add_argument("--verbose", action="store_true", help="also list passed checks")
    parser.add_argument("--show-held-out", action="store_true",
                        help="list held_out checks too (by default only their counts)")
    parser.add_argument("--folder", type=Path, default=HERE,
                        help="set of bundles with its expected.yaml (default: patients4)")
    parser.add_argument("--recognised-only", action="store_true",
                        help="facts only from the recognised ones, not the not-recognised list "
                             "(how sets were scored before 7 Dec 2026)")
    args = parser.parse_args()
    spec = yaml.safe_load((args.folder / "expected.yaml").read_text())
    expected = spec["patients"]
    rule = split_rule(args.folder, **(spec.get("split_rule") or {}))
    wrong = [n for n in expected if rule.get(n) != expected[n]["split"]]
    if wrong:
        print("split in expected.yaml differs from the rule for: " + ", ".join(wrong))
        return 2
    totals: dict[str, list[int]] = {}
    for name in sorted(expected):
        exp = expected[name]
        if args.split != "all" and exp["split"] != args.split:
            continue
        try:
            report = run_assess(args.folder / f"{name}.fhir.json", exp["at"])
            checks = score_patient(report, exp, args.recognised_only)
        except (RuntimeError, json.JSONDecodeError) as err:
            checks = [("assess runs", False, str(err)[:200])]
        passed = sum(ok for _, ok, _ in checks)
        tot = totals.setdefault(exp["split"], [0, 0])
        tot[0] += passed
        tot[1] += len(checks)
        print(f"{name} [{exp['split']}] {passed}/{len(checks)}")
        if exp["split"] == "held_out" and not args.show_held_out:
            continue
        for label, ok, why in checks:
            if not ok:
                print(f"  FAIL {label}  -- {why}")
            elif args.verbose:
                print(f"  ok   {label}")
    for split, (passed, total) in sorted(totals.items()):
        print(f"TOTAL {split}: {passed}/{total} checks passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
