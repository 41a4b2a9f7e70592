"""The issue's targets for presscut, checked against one run's figures.

- presscut's shingle F1 and precision higher than every competitor's on each body suite;
- WCXB test word-bag F1 >= 0.90;
- snippet F1 on trafilatura-eval >= trafilatura's;
- throughput >= 5x trafilatura's;
- no page over 200 ms.

A target whose figures were not produced (suite not run, competitor not
installed) is SKIP, never PASS.
"""

from __future__ import annotations

from typing import Any

from presscut.bench import extractors

SUBJECT = "presscut"
WCXB_WORD_F1 = 0.90
SPEEDUP = 5.0
MAX_MS = 200.0

Check = tuple[str, str, str]  # (target, "PASS" | "FAIL" | "SKIP", detail)


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def _body_checks(quality: dict[str, Any]) -> list[Check]:
    checks = []
    for name, suite in quality["suites"].items():
        if suite["kind"] != "body":
            continue
        target = f"{name}: F1 and precision above every competitor"
        summary = suite["summary"]
        rivals = {k: v for k, v in summary.items() if k != SUBJECT and k not in extractors.VARIANTS}
        if SUBJECT not in summary or not rivals:
            checks.append((target, "SKIP", "needs presscut and at least one competitor"))
            continue
        ours = summary[SUBJECT]
        best_f1 = max(rivals, key=lambda k: rivals[k]["f1"])
        best_p = max(rivals, key=lambda k: rivals[k]["precision"])
        ok = ours["f1"] > rivals[best_f1]["f1"] and ours["precision"] > rivals[best_p]["precision"]
        detail = (
            f"presscut F1 {ours['f1']:.3f}, P {ours['precision']:.3f}; best competitor"
            f" F1 {rivals[best_f1]['f1']:.3f} ({best_f1}), P {rivals[best_p]['precision']:.3f}"
            f" ({best_p})"
        )
        checks.append((target, _verdict(ok), detail))
    return checks


def _wcxb_check(quality: dict[str, Any]) -> Check:
    target = f"wcxb test word-bag F1 >= {WCXB_WORD_F1:.2f}"
    summary = quality["suites"].get("wcxb", {}).get("summary", {})
    if SUBJECT not in summary:
        return (target, "SKIP", "wcxb suite or presscut not run")
    f1 = summary[SUBJECT]["word_f1"]
    return (target, _verdict(f1 >= WCXB_WORD_F1), f"presscut {f1:.3f}")


def _snippet_check(quality: dict[str, Any]) -> Check:
    target = "trafilatura-eval snippet F1 >= trafilatura's"
    summary = quality["suites"].get("trafilatura-eval", {}).get("summary", {})
    if SUBJECT not in summary or "trafilatura" not in summary:
        return (target, "SKIP", "trafilatura-eval suite, presscut or trafilatura not run")
    ours, theirs = summary[SUBJECT]["f1"], summary["trafilatura"]["f1"]
    return (target, _verdict(ours >= theirs), f"presscut {ours:.3f}, trafilatura {theirs:.3f}")


def _speed_checks(speed: dict[str, Any]) -> list[Check]:
    measured = speed["extractors"]
    throughput = f"throughput >= {SPEEDUP:g}x trafilatura's"
    slow = f"no page over {MAX_MS:g} ms"
    if SUBJECT not in measured:
        return [(throughput, "SKIP", "presscut not run"), (slow, "SKIP", "presscut not run")]
    ours = measured[SUBJECT]
    checks = []
    if "trafilatura" in measured:
        ratio = ours["pages_per_s"] / measured["trafilatura"]["pages_per_s"]
        checks.append(
            (
                throughput,
                _verdict(ratio >= SPEEDUP),
                f"presscut {ours['pages_per_s']:.1f} pages/s ="
                f" {ratio:.1f}x trafilatura's {measured['trafilatura']['pages_per_s']:.1f}",
            )
        )
    else:
        checks.append((throughput, "SKIP", "trafilatura not run"))
    checks.append(
        (
            slow,
            _verdict(ours["max_ms"] <= MAX_MS),
            f"slowest {ours['max_ms']:.1f} ms ({ours['slowest_page']}),"
            f" {ours['over_200ms']} pages over",
        )
    )
    return checks


def check(quality: dict[str, Any], speed: dict[str, Any]) -> list[Check]:
    """One `(target, verdict, detail)` per target, in the issue's order."""
    return [
        *_body_checks(quality),
        _wcxb_check(quality),
        _snippet_check(quality),
        *_speed_checks(speed),
    ]
