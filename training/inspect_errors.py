"""Print the worst cross-validated pages and their wrong segments (for error analysis on dev only).

python training/train_content_model.py --cv-only --save-oof /tmp/oof.pkl
python training/inspect_errors.py /tmp/oof.pkl [--pages 20] [--type article]
"""

from __future__ import annotations

import argparse
import pickle
import sys

from presscut.bench.metrics import word_f1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("oof")
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--type", help="only pages of this wcxb page type")
    parser.add_argument("--width", type=int, default=110)
    args = parser.parse_args(argv)
    with open(args.oof, "rb") as fh:
        data = pickle.load(fh)
    threshold = data["threshold"]
    rows = []
    for page, p in zip(data["pages"], data["p"], strict=True):
        if args.type and page.page_type != args.type:
            continue
        kept = p > threshold
        text = "\n\n".join(t for t, k in zip(page.texts, kept, strict=True) if k)
        prec, rec, f1 = word_f1(text, page.truth)
        rows.append((f1, prec, rec, page, p, kept))
    rows.sort(key=lambda r: r[0])
    for f1, prec, rec, page, p, kept in rows[: args.pages]:
        print(f"\n=== {page.id} {page.page_type} {page.host}  F1 {f1:.2f} P {prec:.2f} R {rec:.2f}")
        for i, text in enumerate(page.texts):
            label = page.coverage[i] >= 0.5
            if kept[i] != label:
                mark = "FP" if kept[i] else "FN"
                c = page.page.containers[page.page.segments[i].container]
                print(
                    f"  {mark} p={p[i]:.2f} cov={page.coverage[i]:.2f} <{c.tag}> {text[: args.width]!r}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
