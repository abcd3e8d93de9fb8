"""Extraction time against one document's size: is it linear?

Times ``extract_document`` on single documents of growing size, each in a
fresh process with a time limit, and prints seconds and seconds per MB:

* ``genre``: documents of the genre (benchmarks/gen_corpus.py) joined into one
  text of 10 KB, 100 KB, 1 MB and 10 MB;
* ``no-newlines``: the same text with every line break made a space;
* ``one-word``: a single word of letters, no space at all;
* ``hyphen-word``: a single token of letters and hyphens ("Ö-Ö-Ö-..."), a word
  boundary at every other character;
* ``emails``: e-mail-like tokens (``fornamn.efternamn@kommun``, with and
  without a domain ending) separated by spaces.

    python benchmarks/bench_linear.py                       # all cases, 10 KB .. 10 MB
    python benchmarks/bench_linear.py --sizes 10k,100k,1M --cases genre --steps

Target: seconds per MB roughly constant as the size grows, 10 MB of genre
text under 30 s. ``--steps`` adds where the time goes, step by step. Each run
uses the garbage-collector settings of a build's workers (kgraph.gcpolicy).
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

CASES = ("genre", "no-newlines", "one-word", "hyphen-word", "emails")

CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[3])
from bench_linear import make_text
from kgraph.extract.pipeline import STEPS
from kgraph.extract.state import DocState
from kgraph.gcpolicy import tune_for_bulk
from kgraph.models import Document
from kgraph.refdata import load_reference
ref = load_reference()
tune_for_bulk()  # the collector settings of a build's workers
text = make_text(sys.argv[1], int(sys.argv[2]))
doc = Document(id="bench", file_name="bench.txt", path="bench.txt", text=text)
steps = {}
t0 = time.perf_counter()
st = DocState(doc, ref)
for step in STEPS:
    t = time.perf_counter()
    step.run(st)
    steps[step.name] = time.perf_counter() - t
total = time.perf_counter() - t0
print(json.dumps({"seconds": total, "bytes": len(text.encode()), "steps": steps, "mentions": len(st.mentions),
                  "meetings": len(st.meetings)}))
"""


def genre_text(size: int, seed: int = 1) -> str:
    """Documents of the genre, joined until the text has ``size`` characters."""
    from gen_corpus import Writer, load_reference
    w = Writer(load_reference(), random.Random(seed))
    parts: list[str] = []
    n = i = 0
    while n < size:
        _title, body, _day, _publisher, _genre = w.document(i, 3000)
        parts.append(body)
        n += len(body) + 1
        i += 1
    return "\n".join(parts)[:size]


def one_word(size: int) -> str:
    letters = "landsbygdsministerkommunstyrelsensordförandeåäö"
    return (letters * (size // len(letters) + 1))[:size]


def emails(size: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    names = ["anna", "erik", "karin", "lars", "maria", "per", "sofia", "johan"]
    places = ["kommun", "regionen", "lansstyrelsen", "smakom", "skr"]
    out: list[str] = []
    n = 0
    while n < size:
        tok = f"{rng.choice(names)}.{rng.choice(names)}son@{rng.choice(places)}"
        if rng.random() < 0.5:
            tok += rng.choice([".se", ".nu", ".org"])
        out.append(tok)
        n += len(tok) + 1
    return " ".join(out)[:size]


def make_text(case: str, size: int) -> str:
    if case == "genre":
        return genre_text(size)
    if case == "no-newlines":
        return genre_text(size).replace("\n", " ")
    if case == "one-word":
        return one_word(size)
    if case == "hyphen-word":
        return "Kommunen " + "Ö-" * (size // 2)
    if case == "emails":
        return emails(size)
    raise SystemExit(f"bench_linear: unknown case {case!r} ({', '.join(CASES)})")


def parse_size(s: str) -> int:
    s = s.strip().lower()
    mult = {"k": 1000, "m": 1000_000}.get(s[-1:], 1)
    return int(float(s.rstrip("km")) * mult)


def run_case(case: str, size: int, timeout: float) -> dict:
    try:
        r = subprocess.run([sys.executable, "-c", CHILD, case, str(size), str(HERE)], cwd=REPO,
                           capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"timeout": timeout}
    if r.returncode != 0:
        return {"failed": (r.stderr.strip().splitlines() or ["?"])[-1][:200]}
    res: dict = json.loads(r.stdout.strip().splitlines()[-1])
    return res


def human(size: int) -> str:
    return f"{size / 1e6:g} MB" if size >= 1000_000 else f"{size / 1e3:g} KB"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="kgraph extraction time against document size")
    ap.add_argument("--sizes", default="10k,100k,1M,10M")
    ap.add_argument("--cases", default=",".join(CASES))
    ap.add_argument("--pathological-sizes", default="1M", help="sizes for the cases other than genre")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per run before it counts as a timeout")
    ap.add_argument("--steps", action="store_true", help="also print the three slowest steps of each run")
    a = ap.parse_args(argv)
    print("| case | size | seconds | s/MB | mentions | slowest steps (s) |" if a.steps
          else "| case | size | seconds | s/MB | mentions |")
    print("|---|---:|---:|---:|---:|---|" if a.steps else "|---|---:|---:|---:|---:|")
    for case in a.cases.split(","):
        sizes = a.sizes if case == "genre" else a.pathological_sizes
        timed_out = False
        for size in [parse_size(s) for s in sizes.split(",") if s]:
            if timed_out:  # a larger one would time out as well
                print(f"| {case} | {human(size)} | skipped | | |")
                continue
            r = run_case(case, size, a.timeout)
            if "timeout" in r:
                timed_out = True
                print(f"| {case} | {human(size)} | > {a.timeout:g} (timeout) | > {a.timeout / (size / 1e6):,.0f} | |")
                continue
            if "failed" in r:
                print(f"| {case} | {human(size)} | failed: {r['failed']} | | |")
                continue
            mb = r["bytes"] / 1e6
            row = f"| {case} | {human(size)} | {r['seconds']:.2f} | {r['seconds'] / mb:.1f} | {r['mentions']:,} |"
            if a.steps:
                slow = sorted(r["steps"].items(), key=lambda kv: -kv[1])[:3]
                row += " " + ", ".join(f"{k} {v:.2f}" for k, v in slow) + " |"
            print(row, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
