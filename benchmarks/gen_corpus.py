"""Synthetic corpora of the genre kgraph reads, for benchmarks.

Municipal news about ministers' visits, press releases, association
newsletters and minutes: invented local people (given names and surnames from
the reference tables, combined at random), real municipalities, counties,
regions and ministers' posts (from ``data/reference``), varied phrasing, about
``--size`` bytes each. The same seed gives the same corpus, byte for byte.

    python benchmarks/gen_corpus.py /tmp/corpus-1k --count 1000
    python benchmarks/gen_corpus.py /tmp/corpus-mix --count 200 --formats txt,html,eml,jsonl
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import html
import json
import random
import sys
import unicodedata
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REF = REPO / "data" / "reference"

MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december"]
WEEKDAYS = ["måndagen", "tisdagen", "onsdagen", "torsdagen", "fredagen"]
LOCAL_TITLES = ["kommunstyrelsens ordförande", "kommunstyrelsens vice ordförande", "kommundirektör",
                "näringslivschef", "kommunalråd", "oppositionsråd", "socialchef", "samhällsbyggnadschef",
                "kommunikationschef", "skolchef"]
TOPICS = ["bredbandsutbyggnad", "kompetensförsörjning", "bostadsbyggande", "äldreomsorg", "skolans likvärdighet",
          "kollektivtrafik", "civilt försvar", "klimatomställning", "näringslivsutveckling", "integration",
          "digitalisering", "landsbygdsutveckling", "vården", "krisberedskap", "besöksnäring",
          "psykisk hälsa bland unga", "infrastruktur", "energiförsörjning", "livsmedelsberedskap", "turism"]
PARTIES = ["S", "M", "C", "V", "KD", "L", "MP", "SD"]
GENRES = ("visit", "digital", "newsletter", "minutes", "cabinet")


@dataclass
class Reference:
    municipalities: list[dict[str, str]]
    counties: dict[str, dict[str, str]]
    ministers: list[dict[str, str]]
    given: list[str]
    surnames: list[str]


def load_reference() -> Reference:
    def rows(name: str) -> list[dict[str, str]]:
        with open(REF / name, encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    ministers = [r for r in rows("ministers.csv") if r.get("start") and r.get("post")]
    given = [r["name"] for r in rows("given_names.csv")[:400]]
    return Reference(rows("municipalities.csv"), {r["code"]: r for r in rows("counties.csv")}, ministers, given,
                     [r["surname"] for r in rows("surnames_top100.csv")])


class Writer:
    """One document's text from random choices of phrasing."""

    def __init__(self, ref: Reference, rng: random.Random) -> None:
        self.ref = ref
        self.rng = rng

    def person(self) -> str:
        r = self.rng
        name = r.choice(self.ref.given)
        if r.random() < 0.15:
            name += "-" + r.choice(self.ref.given)
        return f"{name} {r.choice(self.ref.surnames)}"

    def minister_on(self) -> tuple[dict[str, str], dt.date]:
        r = self.rng
        m = r.choice(self.ref.ministers)
        start = dt.date.fromisoformat(m["start"])
        end = dt.date.fromisoformat(m["end"]) if m.get("end") else dt.date(2024, 6, 1)
        days = max(1, (end - start).days - 1)
        return m, start + dt.timedelta(days=r.randrange(days))

    @staticmethod
    def long_date(d: dt.date) -> str:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"

    def paragraph(self, muni: str, people: list[tuple[str, str]], topic: str) -> str:
        r = self.rng
        who, title = r.choice(people)
        forms = [
            f"– Vi har haft ett mycket givande samtal om {topic} och om hur {muni} kan växa, säger {who}, {title}.",
            f"Under eftermiddagen diskuterades {topic}, {r.choice(TOPICS)} och samarbetet med grannkommunerna. "
            f"{who} lyfte särskilt behovet av långsiktiga statsbidrag.",
            f"{who} ({r.choice(PARTIES)}), {title} i {muni}, berättade om kommunens arbete med {topic}. "
            f"Flera lokala företagare deltog också i samtalet.",
            f"– För oss är {topic} en av de viktigaste frågorna just nu. Därför är det bra att regeringen "
            f"lyssnar på hur det ser ut här hos oss, säger {who}.",
            f"Besöket avslutades med en rundtur där {who} visade nya satsningar inom {r.choice(TOPICS)}. "
            f"Intresset från allmänheten var stort.",
            f"Mötet hölls i kommunhuset i {muni}. Förutom {who} deltog representanter för Region "
            f"{r.choice(['Jämtland Härjedalen', 'Västerbotten', 'Dalarna', 'Kalmar län', 'Skåne'])} och flera "
            f"föreningar. Nästa steg är en gemensam handlingsplan för {topic}.",
            f"Enligt {who} behöver staten ta ett större ansvar för {topic}. – Kommunerna kan inte bära det här "
            f"ensamma, menar {who.split()[0]}.",
            f"Ministern fick också höra om utmaningarna med {r.choice(TOPICS)} i glesbygden, där avstånden är "
            f"långa och befolkningen minskar.",
            f"I {muni} har arbetet med {topic} pågått sedan flera år. Kommunen samverkar med regionen, "
            f"länsstyrelsen och det lokala näringslivet, enligt {title} {who}.",
        ]
        return r.choice(forms)

    def document(self, n: int, target: int) -> tuple[str, str, dt.date, str, str]:
        """(title, body, date, publisher, genre)."""
        r = self.rng
        mun = r.choice(self.ref.municipalities)
        muni = mun["name"]
        county = self.ref.counties.get(mun["county_code"], {})
        minister, day = self.minister_on()
        mname, post = minister["name"], minister["post"]
        party = minister.get("party") or r.choice(PARTIES)
        people = [(self.person(), t) for t in r.sample(LOCAL_TITLES, 4)]
        topic = r.choice(TOPICS)
        genre = GENRES[n % len(GENRES)]
        when = f"{WEEKDAYS[day.weekday() % 5]} den {self.long_date(day)}"
        lead_who, lead_title = people[0]
        if genre == "visit":
            title = r.choice([f"{post.capitalize()} {mname} besökte {muni}",
                              f"Ministerbesök i {muni}: {mname} ({party}) om {topic}",
                              f"{mname} på besök i {muni} kommun"])
            lead = (f"På {when} besökte {post} {mname} ({party}) {muni} kommun. "
                    f"{mname} träffade {lead_title} {lead_who} och {people[1][1]} {people[1][0]} för att "
                    f"diskutera {topic}.")
        elif genre == "digital":
            title = f"Digitalt möte med {post} om {topic}"
            lead = (f"{lead_who}, {lead_title} i {muni}, deltog {when} i ett digitalt möte med {post} {mname}. "
                    f"Även {county.get('cab_name', 'länsstyrelsen')} och {county.get('region_name', 'regionen')} "
                    f"deltog i mötet.")
        elif genre == "newsletter":
            title = f"Nyhetsbrev från SmåKom, {MONTHS[day.month - 1]} {day.year}"
            lead = (f"SmåKom träffade {when} {post} {mname} tillsammans med företrädare för Sveriges Kommuner och "
                    f"Regioner. Från {muni} deltog {lead_who} ({r.choice(PARTIES)}), {lead_title}. "
                    f"Mötet handlade om {topic} i små kommuner.")
        elif genre == "minutes":
            title = f"Protokoll, kommunstyrelsens arbetsutskott i {muni}"
            lead = (f"Sammanträdesdatum: {day.isoformat()}\n\nNärvarande: {lead_who} (ordförande), "
                    f"{people[1][0]}, {people[2][0]}\n\n§ {r.randrange(1, 200)} Information om besök av {post} "
                    f"{mname}. Ordföranden informerar om det kommande besöket den {self.long_date(day)} där "
                    f"{topic} ska diskuteras.")
        else:
            title = f"{county.get('cab_name', 'Länsstyrelsen')} bjöd in till möte om {topic}"
            lead = (f"{county.get('cab_name', 'Länsstyrelsen')} samlade {when} kommunerna i länet, bland dem "
                    f"{muni}, till ett möte med {post} {mname}. {lead_title.capitalize()} {lead_who} "
                    f"representerade {muni}.")
        paras = [title, lead]
        size = len(title) + len(lead)
        contact = (f"Har du frågor, kontakta:\n\n{lead_title.capitalize()} {lead_who}\n"
                   f"0{r.randrange(100, 999)}-{r.randrange(10, 99)} {r.randrange(10, 99)} {r.randrange(10, 99)}\n"
                   f"{_ascii(lead_who.split()[0])}.{_ascii(lead_who.split()[-1])}@{mun.get('website') or 'kommun.se'}")
        while size + len(contact) < target:
            p = self.paragraph(muni, people, r.choice([topic, *TOPICS]))
            paras.append(p)
            size += len(p) + 2
        paras.append(contact)
        publisher = f"{muni} kommun" if genre in ("visit", "minutes", "digital") else (
            "SmåKom" if genre == "newsletter" else county.get("cab_name", "Länsstyrelsen"))
        return title, "\n\n".join(paras) + "\n", day, publisher, genre


def _ascii(word: str) -> str:
    return unicodedata.normalize("NFKD", word.lower()).encode("ascii", "ignore").decode()


def as_html(title: str, body: str, day: dt.date, publisher: str) -> str:
    paras = body.split("\n\n")
    main = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras[1:])
    return (f'<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>{html.escape(title)} - '
            f'{html.escape(publisher)}</title><meta property="og:site_name" content="{html.escape(publisher)}">'
            f'<meta property="article:published_time" content="{day.isoformat()}T09:00:00+01:00"></head><body>'
            '<div class="cookie-banner"><p>Vi använder kakor för att förbättra webbplatsen.</p></div>'
            '<nav><ul><li><a href="/">Start</a></li><li><a href="/nyheter">Nyheter</a></li></ul></nav>'
            f'<main><article><h1>{html.escape(title)}</h1>{main}</article></main>'
            f'<footer><p>{html.escape(publisher)}</p></footer></body></html>\n')


def as_email(title: str, body: str, day: dt.date, publisher: str) -> bytes:
    msg = EmailMessage()
    msg["Subject"] = title
    msg["From"] = f"{publisher} <nyhetsbrev@example.se>"
    msg["To"] = "prenumeranter@example.se"
    msg["Date"] = format_datetime(dt.datetime(day.year, day.month, day.day, 9, 0, tzinfo=dt.timezone.utc))
    msg.set_content(body.split("\n\n", 1)[1])
    return bytes(msg)


def generate(out: Path, count: int, size: int = 3000, seed: int = 1, formats: tuple[str, ...] = ("txt",),
             per_folder: int = 1000) -> int:
    """Write ``count`` documents under ``out`` (``per_folder`` to a subfolder); returns bytes written."""
    ref = load_reference()
    rng = random.Random(seed)
    w = Writer(ref, rng)
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    jsonl = None
    for i in range(count):
        title, body, day, publisher, genre = w.document(i, size)
        fmt = formats[i % len(formats)]
        folder = out / f"{i // per_folder:04d}"
        folder.mkdir(exist_ok=True)
        stem = f"{i:07d}_{genre}"
        if fmt == "txt":
            data = body.encode("utf-8") if i % 10 else body.encode("cp1252", "replace")
            (folder / f"{stem}.txt").write_bytes(data)
        elif fmt == "html":
            data = as_html(title, body, day, publisher).encode("utf-8")
            (folder / f"{stem}.html").write_bytes(data)
        elif fmt == "eml":
            data = as_email(title, body, day, publisher)
            (folder / f"{stem}.eml").write_bytes(data)
        elif fmt == "jsonl":
            if jsonl is None:
                jsonl = open(out / "corpus.jsonl", "w", encoding="utf-8")
            line = json.dumps({"id": stem, "title": title, "published": day.isoformat(), "publisher": publisher,
                               "text": body.split("\n\n", 1)[1]}, ensure_ascii=False) + "\n"
            jsonl.write(line)
            data = line.encode("utf-8")
        else:
            raise SystemExit(f"gen_corpus: unknown format {fmt!r} (txt, html, eml, jsonl)")
        total += len(data)
    if jsonl is not None:
        jsonl.close()
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--size", type=int, default=3000, help="approximate bytes per document")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--formats", default="txt", help="comma-separated: txt, html, eml, jsonl (round robin)")
    a = ap.parse_args(argv)
    n = generate(a.out, a.count, a.size, a.seed, tuple(a.formats.split(",")))
    print(f"{a.count} documents, {n / 1e6:.1f} MB in {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
