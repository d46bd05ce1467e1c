"""Per-page report of one whole-page extractor on newsbench, to see where precision goes.

    python benchmarks/page_report.py OUT.json [EXTRACTOR] [NEWSBENCH_DIR]
    python benchmarks/page_report.py --compare BEFORE.json AFTER.json

For every page: whether its text has a line over 1000 characters (``oneline``), whether
the sentence cut split it (``split``), whether the page stage removed anything
(``found``), F1 / P / R of ``clean()`` against the gold text, the lines of the cleaned
text that are mostly not in the gold (``fpl``: the false-positive text kept) and the
gold paragraphs lost. ``--compare`` prints the pages whose F1 or losses changed
between two reports (say, of two builds), worst precision first otherwise.
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path
from typing import Any

Row = dict[str, Any]


def report(out: str, extractor: str, data: Path) -> None:
    sys.path.insert(0, str(data))
    import newsbench as nb

    import newsclean
    from newsclean.rules.page import split_long_lines

    gold = nb.load_gold()
    rows: dict[str, Row] = {}
    for page, text in sorted(nb.load_extractor(extractor).items()):
        if page not in gold or not text:
            continue
        g = gold[page]
        result = newsclean.explain(text)
        cleaned = result.text
        tp, fp, fn = nb.tp_fp_fn(g, cleaned)
        p, r = nb._precision(tp, fp, fn), nb._recall(tp, fp, fn)
        gold_shingles = nb.shingles(g)
        gold_words = nb.words(g)
        kept = []
        for line in cleaned.splitlines():
            tokens = nb.TOKEN.findall(line)
            if len(tokens) < 4:
                if tokens and " ".join(tokens).casefold() not in gold_words:
                    kept.append(line)
                continue
            shingles = nb.shingles(line)
            if sum(1 for s in shingles if s not in gold_shingles) > 0.5 * len(shingles):
                kept.append(line)
        before = f" {nb.words(text)} "
        after = f" {nb.words(cleaned)} "
        paragraphs = [q for q in nb.gold_paragraphs(g) if f" {q} " in before]
        rows[page] = {
            "oneline": max(map(len, text.split("\n"))) > 1000,
            "split": split_long_lines(text) != text,
            "found": any(x.rule == "page" for x in result.removals),
            "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "p": p,
            "r": r,
            "fpl": kept,
            "lost": [q for q in paragraphs if f" {q} " not in after],
        }
    Path(out).write_text(json.dumps(rows, ensure_ascii=False, indent=0), encoding="utf-8")
    summary(rows)
    for page, row in sorted(rows.items(), key=lambda item: item[1]["p"])[:30]:
        print(f"{page[:10]} split={int(row['split'])} found={int(row['found'])} "
              f"P {row['p']:.3f} R {row['r']:.3f} kept {len(row['fpl'])} lost {len(row['lost'])}")


def summary(rows: dict[str, Row]) -> None:
    p = statistics.mean(row["p"] for row in rows.values())
    r = statistics.mean(row["r"] for row in rows.values())
    lost = sum(len(row["lost"]) for row in rows.values())
    split = sum(row["split"] for row in rows.values())
    print(f"pages {len(rows)} split {split}  F1 {2 * p * r / (p + r):.4f} P {p:.4f} "
          f"R {r:.4f} lost {lost}")


def compare(before: str, after: str) -> None:
    a = json.loads(Path(before).read_text(encoding="utf-8"))
    b = json.loads(Path(after).read_text(encoding="utf-8"))
    summary(a)
    summary(b)
    for page, x in a.items():
        y = b[page]
        if abs(x["f1"] - y["f1"]) > 1e-4 or len(x["lost"]) != len(y["lost"]):
            print(f"{page[:10]} split {int(x['split'])}->{int(y['split'])} "
                  f"F1 {x['f1']:.3f}->{y['f1']:.3f} P {x['p']:.3f}->{y['p']:.3f} "
                  f"R {x['r']:.3f}->{y['r']:.3f} lost {len(x['lost'])}->{len(y['lost'])}")


def main(argv: list[str]) -> None:
    if argv[:1] == ["--compare"]:
        compare(argv[1], argv[2])
        return
    extractor = argv[1] if len(argv) > 1 else "beautifulsoup"
    data = Path(argv[2]) if len(argv) > 2 else Path("../shared/newsbench")
    report(argv[0], extractor, data.resolve())


if __name__ == "__main__":
    main(sys.argv[1:])
