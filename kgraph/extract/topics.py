"""Policy topics from the SKOS scheme in ``data/reference/topics.csv``.

Every label (preferred, inflected and synonym forms) goes into one automaton;
a hit must start on a word boundary and end on one, or be the first part of a
compound whose rest is a known topic-word ending ("informationssäkerhetsarbetet").
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import ahocorasick

from .. import prefilter
from ..refdata import Reference, TopicConcept, load_reference
from ..text import LINE_BREAKS_RE, Block, lower_same_length, slug

COMPOUND_TAILS = ("arbete", "arbetet", "arbetets", "frågan", "frågor", "frågorna", "fråga", "området", "områden",
                  "reglerna", "regler", "regelverket", "strategin", "strategi", "satsningar", "satsningen",
                  "insatser", "insatserna", "politiken", "politik", "läget", "planen", "plan", "utmaningar",
                  "utmaningarna", "behov", "behovet", "system", "systemet", "stöd", "stödet")


# idioms that contain a topic word without being about it: "med kort varsel", and the pandemic as a time
# ("under pandemin", "sedan pandemin": when, not what; but "arbete under pandemin": the work of that time, a
# subject); how something is done, together with whom: "i samverkan med X", "genom samarbete"
_IDIOM_RE = re.compile(r"\bkort(?:are)?\s+varsel\b|(?<!arbete )(?<!arbetet )\b(?:efter|under|sedan|före)\s+(?:hela\s+)?"
                       r"(?:pandemin|pandemiåren|pandemitiden|coronapandemin)\b"
                       r"|\b(?:i|genom)\s+(?:nära\s+|bred\s+|god\s+|tät\s+)?(?:samverkan|samarbete)\b", re.IGNORECASE)


@dataclass(frozen=True)
class TopicHit:
    start: int
    end: int
    concept: TopicConcept
    text: str


def _automaton(ref: Reference) -> tuple[ahocorasick.Automaton, dict[str, TopicConcept]]:
    return ref.derived("topics", lambda: _build_automaton(ref))


def _build_automaton(ref: Reference) -> tuple[ahocorasick.Automaton, dict[str, TopicConcept]]:
    auto = ahocorasick.Automaton()
    by_label: dict[str, TopicConcept] = {}
    for c in ref.topics:
        for label in (c.pref_label, *c.alt_labels):
            by_label.setdefault(label.lower(), c)
    for low in by_label:
        auto.add_word(low, low)
    auto.make_automaton()
    return auto, by_label


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def find_topics(text: str, ref: Reference | None = None) -> list[TopicHit]:
    ref = ref or load_reference()
    auto, by_label = _automaton(ref)
    if len(auto) == 0:
        return []
    low = lower_same_length(text)
    raw: list[TopicHit] = []
    for end_idx, label in auto.iter(low):
        start, end = end_idx - len(label) + 1, end_idx + 1
        if start > 0 and _word(text[start - 1]):
            continue
        # "Leader-området", "EU-kommissionen": a hyphenated compound goes on, and names the concept only with
        # one of the tails
        hyphened = text[end:end + 1] == "-" and text[end + 1:end + 2].isalpha()
        if end < len(text) and (_word(text[end]) or hyphened):
            j = end
            while j < len(text) and (_word(text[j]) or text[j] == "-"):
                j += 1
            tail = low[end:j]
            if tail not in COMPOUND_TAILS and not (tail[:1] in ("s", "-") and tail[1:] in COMPOUND_TAILS):
                continue  # one linking "s" or hyphen: "bredbands|stödet", "informationssäkerhets|arbetet"
            end = j
        if any(m.start() <= start and end <= m.end() for m in _IDIOM_RE.finditer(text, max(0, start - 20), end + 20)):
            continue  # "med kort varsel" is no notice of redundancy
        raw.append(TopicHit(start, end, by_label[label], text[start:end]))
    raw.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[TopicHit] = []
    for h in raw:
        if out and h.start < out[-1].end:
            continue
        out.append(h)
    return out


# A sector ("skola", "välfärd", "äldreomsorg") is a topic of its own only where the text says it was
# discussed: "samtal om äldreomsorgen", "fokus på skolan", also as part of such a list ("om bredband och
# äldreomsorg"). Elsewhere it names the setting of a narrower question ("kompetensförsörjningen i
# välfärden") or a list of actors ("socialtjänst, skola och polis").
SECTORS = frozenset({"valfard", "vard_och_omsorg", "socialtjanst", "aldreomsorg", "halso_och_sjukvard", "skola",
                     "arbetsmarknad", "industri", "jordbruk", "civilsamhallet"})
_DISCUSSED_BEFORE = re.compile(r"\b(?:om|kring|gäller|gällde|diskuterade|diskuterades|diskuteras|diskutera|fokus på|"
                               r"tema|temat är|inriktning på|frågor om|frågan om)\s+(?:den\s+|det\s+|de\s+)?$",
                               re.IGNORECASE)
_LIST_GLUE = re.compile(r"^\s*(?:,|och|samt|eller)\s*(?:och\s+|samt\s+)?$")


def domain_hits(text: str, hits: list[TopicHit]) -> set[int]:
    """Indices of the sector hits that the text does not present as discussed."""
    out: set[int] = set()
    cued: list[bool] = []
    for i, h in enumerate(hits):
        line_start = max(text.rfind("\n", 0, h.start), text.rfind(". ", 0, h.start)) + 1
        here = bool(_DISCUSSED_BEFORE.search(text[max(line_start, h.start - 40):h.start]))
        chained = i > 0 and cued[i - 1] and bool(_LIST_GLUE.match(text[hits[i - 1].end:h.start]))
        cued.append(here or chained)
        if h.concept.id in SECTORS and not cued[i]:
            out.add(i)
    return out


# a list of single words ending a clause: "utmaningar: bostäder, infrastruktur, finansiering och integration."
_WORD_LIST_RE = re.compile(r"(?<![\wåäöÅÄÖ-])[a-zåäö]{3,}(?:[ \t]*,[ \t]*[a-zåäö]{3,})+[ \t]*,?[ \t]+(?:och|samt)[ \t]+"
                           r"[a-zåäö]{3,}(?=[ \t]*(?:[.,;:!?)\n]|$))")
_LIST_WORD_RE = re.compile(r"[a-zåäö]+")


def coordinated_hits(text: str, hits: list[TopicHit], kept: set[int]) -> list[TopicHit]:
    """"bostäder, infrastruktur, finansiering och integration": a word of a list most of whose words are topics
    of the scheme (``kept``: the indices of ``hits`` taken as discussed) is a topic too, a new concept where the
    scheme has none (a list joins things of one kind)."""
    known = {(h.start, h.end) for i, h in enumerate(hits) if i in kept}
    if len(known) < 2:
        return []
    # such a list lies on one line, and holds two of the known hits: only lines that hold two are scanned
    per_line = Counter(text.rfind("\n", 0, a) + 1 for a, _ in known)
    out: list[TopicHit] = []
    for line_start in sorted(k for k, n in per_line.items() if n >= 2):
        line_end = text.find("\n", line_start)
        for m in _WORD_LIST_RE.finditer(text, line_start, line_end if line_end >= 0 else len(text)):
            items = [(m.start() + w.start(), m.start() + w.end()) for w in _LIST_WORD_RE.finditer(m.group())
                     if w.group() not in ("och", "samt")]
            found = sum(1 for w in items if w in known)
            if found < 2 or found * 2 < len(items):
                continue
            for a, b in items:
                if (a, b) not in known and not any(h.start < b and a < h.end for h in hits):
                    out.append(TopicHit(a, b, minted_concept(text[a:b]), text[a:b]))
    return out


# a newsletter's masthead or table of contents names its sections, not what a meeting discussed
_MASTHEAD_LINE = re.compile(r"^\s*(?:i detta nummer|innehåll|i veckans nummer)\b|\bnyhetsbrev\b", re.IGNORECASE)


def masthead_hits(text: str, hits: list[TopicHit]) -> set[int]:
    """Indices of the hits on a masthead or table-of-contents line."""
    out: set[int] = set()
    if not prefilter.may_match(_MASTHEAD_LINE, text):
        return out  # no line of a text without its words is such a line
    seen: dict[int, bool] = {}  # line start -> is it such a line (a paragraph holds many hits)
    for i, h in enumerate(hits):
        a = text.rfind("\n", 0, h.start) + 1
        on = seen.get(a)
        if on is None:
            b = text.find("\n", h.end)
            on = seen[a] = _MASTHEAD_LINE.search(text[a:b if b >= 0 else len(text)]) is not None
        if on:
            out.add(i)
    return out


# a sentence that serves the reader ("För mer information om X, kontakta Y", "Läs mer om X på webbplatsen"): where
# to learn more, not what a meeting discussed
_READER_SERVICE_RE = re.compile(r"\b(?:kontakta|läs mer|läsa mer|mer information|mer info|webbplats|webbplatsen|"
                                r"hemsida|hemsidan|ring|mejla|anmäl dig|vill du|kan du|du kan)\b", re.IGNORECASE)


def reader_service_hits(text: str, sentences: Sequence[tuple[int, int]], hits: list[TopicHit]) -> set[int]:
    """Indices of the hits in a sentence (``sentences``: the document's, in order) that tells the reader where to
    learn more."""
    out: set[int] = set()
    if not hits or not prefilter.may_match(_READER_SERVICE_RE, text):
        return out
    starts = [a for a, _ in sentences]
    serves: dict[int, bool] = {}  # index of a sentence -> does it serve the reader
    for i, h in enumerate(hits):
        k = bisect_right(starts, h.start) - 1
        if k < 0 or h.start >= sentences[k][1]:
            continue
        on = serves.get(k)
        if on is None:
            on = serves[k] = _READER_SERVICE_RE.search(text, *sentences[k]) is not None
        if on:
            out.add(i)
    return out


# ---------------------------------------------------------------- open vocabulary
# What a meeting discussed is often a noun phrase the scheme does not list: "Vi pratade om höga
# vattennivåer", "Vid mötet har förorenade markområden och tappningsstrategi diskuterats". After a
# discussion cue (or before one, for the passive and focus forms) the coordinated noun phrases are
# read in the text's own forms; a phrase whose head is a scheme hit is that concept (its surface
# forms become labels), any other one is a new concept with an id from its normalised form.

MINTED_PREFIX = "x-"  # scheme ids are ASCII words joined by "_", never a hyphen: no collision

_FILLER = (r"(?:(?:bland annat|bl\.\s?a\.|också|även|främst|framför allt|särskilt|exempelvis|till exempel|"
           r"t\.\s?ex\.|dels|både)\s+)*")
# "pratade om X", "samtal kring X", "diskutera X", "intresse för X", "tog upp X", "lyftes X", "fokus på X"
# every cue starts with a letter: the lookahead lets the scan pass the spaces and signs at once (a third faster)
_FORWARD_CUE = re.compile(
    r"(?=[a-zåäö])\b(?:(?:prata|pratade|pratat|pratar|pratades|tala|talade|talat|talar|talades|samtala|samtalade|samtalat|samtalar|"
    r"samtalades|samtal|samtalet|samtalen|diskussion|"
    r"diskussionen|diskussioner|diskussionerna|diskutera|diskuterade|diskuterat|diskuterar|resonera|resonerade|"
    r"informera|informerade|informerat|informerar|informerades|berätta|berättade|berättat|berättar|handlade|handlar|"
    r"handla|dialog|dialogen|dialoger|dialogerna|rapporterade|rapporterar|"
    # and their compounds: "en basinformation om X", "lägesrapport om X"
    r"[a-zåäö]*(?:information|rapport|rapporter|genomgång|presentation))\s+"
    # "Den här gången handlar det bland annat om X", "Under mötet berättade kommunchefen om X": the subject
    # after the verb (a pronoun or a definite noun)
    # ("för att informera sig om X": what a visitor came to learn)
    r"(?:(?:det|vi|man|de|han|hon|jag|ni|sig|[a-zåäö]+(?:en|et|na))\s+)?" + _FILLER + r"(?:om|kring)"
    # "ett möte i Östersund om X", "seminariet om X", "ett rundabordssamtal om X", "överläggningar om X":
    # what a meeting is about (and the compounds of its words: "dialogmöte om X")
    r"|[a-zåäö]*(?:möte|mötet|möten|träff|träffen|träffar|seminarium|seminariet|seminarier|konferens|konferensen|"
    r"workshop|samtal|samtalet|överläggning|överläggningen|överläggningar|överläggningarna)\s+"
    r"(?:(?:i|på|med)\s+[\wåäöÅÄÖ-]+\s+)?(?:om|kring)"
    # "Det gällde bland annat X": what the information or the talk was about
    r"|(?:det|samtalet|samtalen|mötet|diskussionen|diskussionerna|informationen|frågorna)\s+(?:gällde|gäller)"
    # "Samtalet kretsade kring X", "Mycket av samtalet rörde X", "Mötet ägnades åt X": what the talk was about
    r"|(?:samtalet|samtalen|mötet|diskussionen|diskussionerna|dialogen|frågorna|besöket)\s+(?:(?:mest|främst|"
    r"framför allt|till stor del|bland annat|också|även)\s+)?(?:rörde(?:\s+sig\s+om)?|rör(?:\s+sig\s+om)?|"
    r"kretsade\s+(?:kring|runt)|"
    r"kretsar\s+(?:kring|runt)|ägnades\s+åt|ägnas\s+åt)"
    # "Ministern fick höra om X", "ville veta mer om X", "för att lära sig mer om X" (not "Vill du veta mer om")
    r"|(?:fick|få|får|ville|vill)\s+(?!du\b|ni\b)(?:[a-zåäö]+\s+){0,2}?(?:höra|veta|lära\s+sig|lära)\s+"
    r"(?:mer\s+|mera\s+|lite\s+)?(?:om|kring)"
    # "berättade för ministern om X", "pratade med eleverna om X", "informerade med hjälp av rektor Y om X"
    r"|(?:prata|pratade|pratat|pratar|tala|talade|talat|talar|samtala|samtalade|samtalat|samtalar|berätta|berättade|berättat|berättar|"
    r"informera|informerade|informerat|informerar|diskutera|diskuterade|diskuterat|diskuterar)"
    r"\s+(?:för|med|inför|hos)\s+(?:(?!(?:att|som|om|kring|när|hur|vad|och|där|då)\b)[\wåäöÅÄÖ-]+\s+){1,6}"
    r"(?:om|kring)"
    # "Samtal hölls även med Vattenfall kring X": the talks, who they were with, what about
    r"|(?:samtal|samtalen|diskussioner|diskussionerna|dialog)\s+(?:fördes|hölls)\s+(?:(?:också|även)\s+)?med\s+"
    r"(?:(?!(?:att|som|om|kring|när|hur|vad|där|då)\b)[\wåäöÅÄÖ-]+\s+){1,6}(?:om|kring)"
    r"|diskutera|diskuterade|diskuterat|diskuterar"
    r"|fokus på|fokusera på|fokuserade på|fokuserar på|tyngdpunkt på|intresse för"
    # "Fokus för besöket ligger på X", "Stort fokus läggs på X"
    r"|(?:fokus|fokuset|tyngdpunkten)\s+(?:(?:för|under|vid)\s+[a-zåäö]+\s+)?(?:ligger|låg|läggs|lades)\s+"
    r"(?:(?:främst|särskilt|bland annat|i år)\s+)?på"
    r"|tog upp|tas upp|ta upp|tar upp|togs upp"
    # "Under mötet togs olika ämnen upp som X, Y och Z": the examples of what was taken up
    r"|(?:ämnen|frågor|frågeställningar|områden)\s+upp,?\s+(?:som|såsom|bland annat)"
    r"|lyftes|lyfte fram|lyfta fram|lyfts fram|lyftes fram"
    # "Vi lyfte bekymret med X", "Vi berörde också X": what the speakers raised
    r"|(?:vi|man|de|han|hon|jag)\s+(?:också\s+|även\s+)?(?:lyfte|lyfter|berörde)"
    # ("Utställningen lyfte också X", "Seminariet berörde X": a talk's or a show's subject, in the definite)
    r"|(?:[a-zåäö]{3,}(?:en|et|na))\s+(?:också\s+|även\s+)?(?:lyfte|lyfter|berörde|berör)"
    r"|med anledning av"
    r"|(?:redogör|redogjorde|redogjort|redogörelse|redovisning)\s+för"  # minutes: "X redogör för delårsrapporten"
    # what a visit shows its guest: "få inblick i X", "ta del av X"; what a meeting reviews: "gick vi igenom X"
    r"|(?:inblick|insyn)\s+i|(?:ta|tog|tar|tagit)\s+del\s+av"
    r"|(?:gick|går|gå|gått|gicks)\s+(?:vi\s+|man\s+|de\s+|deltagarna\s+)?igenom"
    # what is agreed or presented: "ett ställningstagande om X" (not "om att bilda ..."), "regeringens satsningar
    # inom X"
    r"|(?:ställningstagande|ställningstagandet|uttalande|uttalandet|överenskommelse|överenskommelsen|"
    r"avsiktsförklaring|avsiktsförklaringen|yttrande|yttrandet)\s+(?:om|kring)(?!\s+att\b)"
    r"|(?:satsning|satsningen|satsningar|satsningarna)\s+(?:inom|på)"
    # "Bostäder är en nyckelfråga, liksom X": the list goes on after the key question
    r"|(?:nyckelfråga|huvudfråga|ödesfråga|framtidsfråga|överlevnadsfråga),?\s+liksom"
    # ("På programmet för rikskonferensen den 26-28 april stod också X", "Stående punkter på dagordningen har varit X")
    r"|på (?:agendan|dagordningen|programmet)(?:\s+för\s+[^.!?\n]{1,50}?)?\s+(?:stod|fanns|står|finns)"
    r"|på (?:agendan|dagordningen)\s*:"
    r"|punkter\s+på\s+(?:agendan|dagordningen)\s+(?:har\s+(?:också\s+|även\s+)?varit|var|är)"
    # "för att höra mer om X": what a visitor came to hear (not "för att lära sig mer om kommunen": the place)
    r"|för\s+att\s+(?:få\s+)?(?:höra|veta)\s+(?:mer\s+|mera\s+)?(?:om|kring)"
    # "fördjupa sig i X", "fördjupa sig kring X"; "fattade beslut, bland annat om X" (not "beslut om att")
    r"|fördjupa\s+sig\s+(?:i|kring|inom)"
    r"|beslut,?\s+(?:bland annat\s+|bl\.\s?a\.\s+)?om(?!\s+att\b)"

    # a fronted adverbial, then the passive verb, then what: "Under mötet diskuterades X", "Där berördes X"
    r"|(?:mötet|besöket|träffen|samtalet|samtalen|dagen|eftermiddagen|förmiddagen|där|här|sedan|även|också|därför|"
    r"annat|därefter|dessutom|då)\s+"
    r"(?:diskuterades|berördes|avhandlades|presenterades|redovisades|diskuteras|berörs|avhandlas|presenteras|"
    r"redovisas)"
    # ... a fronted place or time at the start of a sentence: "I Ljungby diskuterades X", "Vid träffen på
    # stadshuset berördes X"
    r"|(?:(?<=[.!?:]\s)|(?<=\n)|^)(?:i|på|vid|under|efter|inför|hos)\s+(?:[\wåäö-]+\s+){1,3}?"
    r"(?:diskuterades|berördes|avhandlades|lyftes|togs\s+upp|presenterades|redovisades|diskuteras|berörs|avhandlas|"
    r"lyfts|tas\s+upp|presenteras|redovisas)"
    # "En av de frågor som lyftes under resan var X", "Det som togs upp i Ljungby är X": what was taken up, then
    # the copula
    # ("Två huvudfrågor som lyftes var X", "De frågor som särskilt kommer att tas upp är: X")
    r"|(?:[a-zåäö]*frågor|[a-zåäö]*frågorna|ämnen|ämnena|punkter|områden|det)\s+som\s+"
    r"(?:(?:särskilt|främst|också|även|bland annat)\s+)?(?:diskuterades|berördes|avhandlades|lyftes|"
    r"togs\s+upp|har\s+lyfts|har\s+diskuterats|(?:kommer\s+att|ska|skall)\s+(?:diskuteras|beröras|avhandlas|"
    r"lyftas|tas\s+upp))\s+(?:(?:under|vid|på|i)\s+(?:[\wåäö-]+\s+){1,3}?)?"
    r"(?:var|är|blev)(?:\s*:)?"
    # "Ett viktigt ämne var X", "Temat för dagen var X", "Fokus för besöket är X", "Bland ämnena fanns X",
    # "Ämnen på dagordningen var X", "kommer teman för diskussionerna att vara X"
    # ("Ämnet för ministerns besök var X", "Temat för kommande dialogmöten är X")
    # (a relative clause between: "Ämnet för samtalen, som hölls i stadshuset, var X")
    r"|(?:ämne|ämnet|ämnen|ämnena|huvudämnet|tema|temat|teman|temana|huvudtemat|fokus|fokuset)"
    r"(?:\s+(?:för|på|under|vid)\s+[a-zåäö]+(?:\s+[a-zåäö]+)??)?(?:,\s+som\s+[^,.;!?\n]{1,60},)?\s+"
    r"(?:var|är|blev|blir|fanns|finns|(?:att\s+)?vara)"
    r"|bland ämnena (?:fanns|märktes|var)"
    # "en konferens med temat \"X\"", "framförde synpunkter på X"
    r"|(?:med|har|hade|under)\s+(?:temat|tema)\s*:?\s*[\"”“]?"
    r"|synpunkter\s+på"
    # what a visit shows and a conference surveys: "få se exempel på X", "ger en aktuell bild av X"
    r"|(?:se|såg|sett|visa|visade|visat|visades)\s+(?:flera\s+|många\s+|goda\s+|konkreta\s+|några\s+)?"
    r"exempel\s+på"
    r"|(?:ge|ger|gav|gett|få|får|fick)\s+(?:sedan\s+|också\s+|även\s+)?(?:en\s+)?(?:aktuell\s+|samlad\s+|"
    r"bättre\s+|tydlig\s+|god\s+|gemensam\s+)?(?:bild|överblick|lägesbild)\s+(?:av|över)"
    # "Utöver en presentation av X", "följde en genomgång av X": what a talk presented
    r"|(?:en|någon)\s+(?:kort\s+)?(?:presentation|genomgång|redogörelse)\s+av"
    # "pekar ut områden att samverka kring: A, B och C"
    r"|(?:områden|frågor|ämnen)\s+att\s+(?:samverka|samarbeta|arbeta|jobba|fokusera)\s+(?:kring|med|på|om)\s*:?"
    # "Exemplen var frågor om X, Y och Z": the questions a talk was about
    r"|(?:exempel|exemplen)\s+(?:var|är)\s+(?:frågor|frågan)\s+(?:om|kring|rörande)"
    # "X diskuterades också liksom Y och Z": the list goes on after the verb
    r"|(?:diskuterades|berördes|avhandlades|togs upp)\s+(?:också\s+|även\s+)?liksom"
    # "Med strategin som bakgrund diskuterades bland annat X, Y och Z": the examples open a list after the verb,
    # whatever stands before it
    r"|(?:diskuterades|berördes|avhandlades|presenterades|diskuteras|berörs|avhandlas|presenteras)"
    r"(?=\s+(?:bland annat\b|bl\.\s?a\.|främst\b|framför allt\b|exempelvis\b|till exempel\b|t\.\s?ex\.))"
    # "fördjupa samarbetet inom tre områden: A, B och C": a counted list of fields, then the fields
    r"|(?:inom|på|kring|om)\s+(?:två|tre|fyra|fem|sex|följande|några|flera)\s+(?:viktiga\s+)?"
    r"(?:områden|frågor|teman|ämnen|punkter)\s*:"
    r"|(?:ärenden|dagordning|agenda)\s*:)\s+" + _FILLER,
    re.IGNORECASE)
# "X diskuterades", "X har lyfts", "X är andra viktiga frågor som berörts", "X stod i fokus", "X som var fokus"
_BACKWARD_CUE = re.compile(
    r"\s+(?:(?:har|hade)\s+(?:också\s+|även\s+)?(?:diskuterats|berörts|lyfts|tagits upp|avhandlats)"
    r"|(?:diskuterades|berördes|avhandlades|belystes|togs\s+(?:också\s+|även\s+)?upp|diskuterats|berörts|"
    r"avhandlats|belysts|tagits upp)"
    # the present and the future of an announcement: "X diskuteras i riksdagen", "X ska tas upp" ("berörs" is
    # also "is affected": only after "ska")
    r"|(?:(?:ska|skall|kommer\s+att)\s+(?:också\s+|även\s+)?(?:diskuteras|beröras|avhandlas|tas\s+upp|lyftas))"
    r"|(?:diskuteras|avhandlas|tas\s+upp)"
    # "Även frågan om X kom upp", "X var uppe för diskussion"
    r"|kom\s+(?:också\s+|även\s+)?upp|(?:var|är)\s+(?:också\s+|även\s+)?uppe\s+(?:för|till)\s+diskussion"
    r"|(?:som\s+)?(?:stod|står|var|är)\s+(?:i\s+)?(?:fokus|i centrum|ett\s+(?:genomgående\s+|återkommande\s+)?tema)"
    r"(?!\s+på\b)"
    # a headline: "Hållbara livsmedel i fokus när ministern besöker X", "Totalförsvar på agendan när ...",
    # "Friluftsliv och hälsa är temat när landshövdingen ..."
    r"|(?:i\s+fokus|i\s+centrum|på\s+agendan|(?:är|var|blir|blev)\s+temat)(?=\s+(?:när|då|vid|under|inför|för)\b)"
    # "X var också med på dagens agenda", "X stod på dagordningen": what the meeting's agenda held
    r"|(?:var|stod|fanns|är|står|finns)\s+(?:också\s+|även\s+)?(?:med\s+)?på\s+(?:dagens\s+|mötets\s+)?"
    r"(?:agendan?|dagordningen|föredragningslistan)\b"
    # "Bostäder är en nyckelfråga": what the speaker counts among the questions that matter
    r"|(?:är|var)\s+(?:en|den)\s+(?:viktig\s+|central\s+|avgörande\s+|stor\s+)?(?:nyckelfråga|huvudfråga|"
    r"ödesfråga|framtidsfråga|överlevnadsfråga)"
    r"|(?:är|var)\s+(?:andra\s+|ytterligare\s+)?(?:viktiga\s+)?(?:frågor|ämnen|områden)\s+som\s+(?:har\s+)?"
    r"(?:(?:vi|man|de)\s+(?:också\s+|även\s+)?)?"
    r"(?:diskuterats|berörts|lyfts|tagits upp|diskuterades|berördes|lyftes|togs upp|diskuterade|berörde|lyfte|"
    r"tog upp))\b",
    re.IGNORECASE)
# the abbreviations inside a clause whose point ends no list of topics ("diskussioner om de s.k. LIS-områdena",
# "bl.a. X"): those of kgraph.text.ABBREVIATIONS that stand inside a phrase, and "s.a.s."; not the ones that
# close a list ("m.m.", "osv.", "m.fl.")
_INSIDE_ABBREVIATIONS = ("s.k", "bl.a", "t.ex", "d.v.s", "s.a.s", "resp", "dvs", "ca")
_NOT_AN_ABBREVIATION = "".join("(?<!" + (r"[\s.]" if "." in a else r"\s") + re.escape(a) + ")"
                               for a in _INSIDE_ABBREVIATIONS)
_CLAUSE_END = re.compile(_NOT_AN_ABBREVIATION + r"[.!?;:](?=\s|$)|\n| – | - |"
                         r",\s+(?:säger|sa|berättar|menar|konstaterar|betonar|understryker|"
                         r"avslutar|framhåller|påpekar)\b")
# (and "att", "där": "vikten av att X diskuteras", "ett sommarmöte där X diskuteras": what is discussed follows)
_CLAUSE_START = re.compile(r"(?:[.!?:;](?:\s+|$)|\n|\b(?:har|hade|var det|är det|det var|det är|att|där)\s+)",
                           re.IGNORECASE)
_SPLIT = re.compile(r"\s*,\s*|\s+(?:och|samt|eller|liksom)\s+")
_DETERMINER = frozenset({"den", "det", "de", "en", "ett", "vår", "vårt", "våra", "deras", "dess", "sin", "sitt", "sina",
                         "hans", "hennes", "er", "ert", "era", "denna", "detta", "dessa", "dennes", "min", "mitt",
                         "mina",
                         # the day's: "dagens panelsamtal", "dagens tillverkning av glas"
                         "dagens"})
_PREPOSITIONS = frozenset({"med", "av", "för", "på", "i", "inom", "mellan", "kring", "om", "till", "från", "vid",
                           "under", "hos", "mot", "efter", "över", "utan", "genom", "bland"})
# a word that cannot be inside a discussed noun phrase: the phrase ends before it
_STOP = frozenset({"att", "som", "är", "var", "vara", "har", "hade", "hur", "vad", "varför", "vilket", "vilka",
                   "vilken", "vi", "jag", "du", "hon", "han", "man", "dem", "oss", "ni", "sig", "inte", "kan", "kunde",
                   "ska", "ute", "inne", "hemma", "närmast",
                   "skulle", "vill", "ville", "måste", "blir", "bli", "blev", "där", "när", "då", "så", "men",
                   "eftersom", "också", "även", "mer", "mycket", "nu", "idag", "här", "kommer", "fick", "får",
                   "samt", "och", "eller", "både", "dels", "bland", "annat", "sätt", "ge", "göra", "gör", "gjorde",
                   "the", "sedan", "redan", "pågår", "ser", "såg", "några", "många", "flera", "alla", "vissa",
                   "övriga", "hela", "finns", "fanns", "just", "antal", "få", "ta", "ha", "hålla", "skapa", "föra",
                   # adverbs of manner that coordinate like adjectives: "generellt och specifikt i digitala miljöer"
                   "generellt", "specifikt",
                   # pronouns that sum up what came before: "..., något som förbundet ser positivt på"
                   "något", "någonting", "sådant",
                   # what closes a list: "vägar, bredband, infrastruktur etc."
                   "etc", "osv", "o.s.v", "m.m", "mm", "m.fl",
                   # verbs of motion and giving that follow a fronted phrase: "Efter en rapport om X gick vi ..."
                   "gick", "går", "kom", "tog", "tar", "gav", "ger", "höll", "håller",
                   # adverbs that open or close a clause, never part of its noun phrase
                   "därför", "därefter", "dessutom", "tillsammans", "slutligen", "avslutningsvis", "inledningsvis",
                   # a clause without "som" after its noun: "de utmaningar [som] länet står inför"
                   "står", "stod", "ligger", "låg", "behöver", "behövs", "krävs", "innebär", "gäller",
                   "varefter", "varpå",
                   # the passives of strong and short verbs (no -ades): "arbetet med X gjordes också", "X togs upp"
                   "gjordes", "görs", "fördes", "förs", "hölls", "hålls", "togs", "tas", "gavs", "ges", "lyftes",
                   "lyfts", "berördes", "berörs", "nämndes", "nämns", "sattes", "sågs", "hördes"})
# a verb in the past passive ends a noun phrase: "beslutet anordnades ...", "X presenterades"
_PAST_PASSIVE = re.compile(r"[a-zåäö]{3,}ades$")
# adverbs that open the clause a backward cue closes ("Även X diskuterades"), no part of its noun phrase
_LEADING_ADVERBS = frozenset({"även", "också", "dessutom", "sedan", "därefter", "slutligen"})
# evaluative words that do not qualify a generic head ("de stora utmaningarna", "ett gott arbete")
_EVALUATIVE = frozenset({"stor", "stora", "stort", "god", "goda", "gott", "bra", "viktig", "viktiga", "viktigt",
                         "olika", "nya", "ny", "nytt", "fortsatt", "fortsatta", "framtida", "aktuella", "aktuell",
                         "gemensamma",
                         "angelägna", "angelägen", "centrala", "särskilda", "konkreta", "pågående"})
# who takes part is no topic ("riksdag, regering, myndigheter och övriga beslutsfattare")
_ACTORS = frozenset({"myndigheter", "myndigheterna", "regering", "regeringen", "riksdag", "riksdagen", "kommuner",
                     "kommunerna", "företag", "företagen", "företagare", "beslutsfattare", "aktörer", "aktörerna",
                     "politiker", "politikerna", "medborgare", "invånare", "invånarna", "personal", "personalen",
                     "medlemmar", "medlemmarna", "elever", "eleverna", "besökare", "representanter", "länsstyrelsen",
                     "länsstyrelsens", "länsstyrelserna", "ministern", "landshövdingen", "del", "delen", "svårigheter",
                     "svårigheterna", "problem", "problemen", "kommunstyrelsen", "kommunledningen", "ledningen",
                     "styrelsen", "nämnden", "kommunfullmäktige", "länsledningen", "regionledningen",
                     "deltagare", "deltagarna", "ledamöter", "ledamöterna", "tjänstemän", "tjänstemännen", "gäster",
                     "gästerna", "besökarna", "representanterna", "företagarna", "medarbetare", "medarbetarna",
                     "kommittén", "utredningen", "myndigheten", "förvaltningen", "organisationen",
                     # the state's local offices, named by their common nouns: "försäkringskassans nedmontering av X"
                     "polisen", "arbetsförmedlingen", "försäkringskassan", "skatteverket", "migrationsverket",
                     "trafikverket", "kriminalvården", "staten"})
# "kommunens arbete", "regionens utmaningar": whose, not which
_PLACES_AS_ACTORS = frozenset({"kommunen", "regionen", "länet", "staten", "landet", "sverige", "föreningen",
                               "förbundet"})
# "kommunens utveckling", "länets utveckling": the development of a place is a subject of its own
_PLACE_GENITIVES = frozenset({"kommunens", "kommunernas", "länets", "regionens", "regionernas", "bygdens", "ortens",
                              "orternas", "stadens"})
# a word in an adjective's form cannot end a noun phrase ("de små kommunernas aktuella [och framtida utmaningar]")
_ADJ_HEAD = re.compile(r"(?:iga|liga|iska|ella|ellt|ade|ande|ende|igt|iskt|alt|enta|anta|onala|kala|tala)$")
# nouns made of a verb that end like a participle: "byggande i länet", "företagande", "boende"
_ANDE_NOUN = re.compile(r"(?:byggande|företagande|boende|lärande|ägande|åldrande)$")
# a head word that says nothing by itself ("utmaningar och möjligheter", "frågor", "arbetet")
_GENERIC = frozenset({"samverkan", "samarbete", "samarbetet", "beredskap", "trygghet", "utveckling", "utvecklingen",
                      "fråga", "frågan", "frågor", "frågorna", "utmaning", "utmaningen", "utmaningar", "utmaningarna",
                      "möjlighet", "möjligheten", "möjligheter", "möjligheterna", "arbete", "arbetet", "behov",
                      "behovet", "behoven", "läget", "läge", "nuläget", "nuläge", "situationen", "situation",
                      "förutsättningar", "förutsättningarna", "uppföljning", "uppföljningen", "uppföljningar",
                      "uppföljningarna", "verksamhet", "verksamheten", "verksamheter", "utvecklingsarbete",
                      "utvecklingsarbetet", "tankar", "synpunkter", "erfarenheter", "intryck", "ämnen", "saker",
                      "information", "tema", "temat", "mötet", "möte", "möten", "mötena", "besöket", "dag", "dagen",
                      "kommunen", "länet", "effekter", "effekterna", "syfte", "syftet", "nyheter", "nyheterna",
                      "regionen", "framtiden", "vikten", "betydelsen", "lösningar", "åtgärder", "insatser",
                      "projekt", "projektet", "bakgrund", "bakgrunden", "delar", "annat", "mera", "mer", "allt",
                      "engagemang", "engagemanget", "fördelar", "nackdelar", "exempel", "förslag", "förslaget",
                      "förslagen", "ansvar", "ansvaret", "uppdrag", "uppdraget", "roll", "rollen", "nödvändigheten",
                      "besked", "beskedet", "ambition", "ambitioner", "ambitionerna", "framtidsfråga",
                      "framtidsfrågan", "framtidsfrågor", "framtidsfrågorna",
                      # a talk is no topic, what it is about may be: "en dragning av X om Y"
                      "dragning", "dragningen", "föredrag", "föredraget", "presentation", "presentationen",
                      "genomgång", "genomgången", "informationen", "utgångspunkter", "utgångspunkterna",
                      # what went well and what is celebrated: "de framgångar och utmaningar som finns"
                      "framgång", "framgången", "framgångar", "framgångarna", "firande", "firandet",
                      # "X-modellen, ett initiativ för att ...": what a thing is, not what it is about
                      "initiativ", "initiativet", "initiativen",
                      # a decision and a round table are no subject, what they are about may be: "styrelsens beslut"
                      "beslut", "beslutet", "besluten", "rundabordssamtal", "rundabordssamtalet",
                      # the papers a meeting goes through: "gick vi igenom handlingarna"
                      "handling", "handlingar", "handlingarna", "dokumenten", "underlaget", "ärendena",
                      "ärendelistan", "dagordningen", "protokollet", "protokoll", "protokollen", "arbetssätt",
                      "arbetssättet", "arbetsformer",
                      "betydelse",
                      # the arrangements of a trip or a meeting: "information om tider, program samt kostnaden"
                      "tid", "tider", "tiderna", "program", "programmet", "kostnad", "kostnaden", "kostnader",
                      "kostnaderna", "planer", "planerna", "förväntningar", "förväntningarna", "lärdomar",
                      "lärdomarna",
                      # what a report lists: "rapporterade om följande punkter:"
                      "punkt", "punkten", "punkter", "punkterna",
                      # the talk, the trip and the report themselves: "diskussioner om X", "resan från A till B"
                      "diskussion", "diskussionen", "diskussioner", "diskussionerna", "resa", "resan", "rapport",
                      "rapporten", "verksamhetsområde", "verksamhetsområden", "verksamhetsområdena",
                      # a programme's items, what was done there: "visning av X samt studiebesök på Y"
                      "besök", "besöken", "studiebesök", "studiebesöket", "studiebesöken", "visning", "visningen",
                      "rundvandring", "rundvandringen", "rundtur", "rundturen", "lunch", "lunchen", "middag",
                      "middagen", "fika", "fikat",
                      # who took part (the other such nouns are _ACTORS), and the counties a tour went to:
                      # "inbjudna företrädare för X", "flera län"
                      "företrädare", "län", "länen",
                      # a trouble whose subject follows it ("bekymret med X")
                      "bekymret", "bekymren", "bekymmer", "problemet", "problematiken", "problematik",
                      # abstract nouns that name no subject alone: "verkligheten", "processen", "idén", "områden"
                      "verkligheten", "processen", "process", "idén", "idé", "syn", "synen", "summering",
                      "summeringen", "utformningen", "framgångsfaktorer", "framgångsfaktorerna", "område", "området",
                      "områden", "områdena", "ärenden", "ärendet"})
# a person's title is no topic: "en dragning av Anna Berg, regional direktör från Trafikverket"
# ("minster": a misspelling of "minister" real pages print)
_PERSON_NOUN_RE = re.compile(r"(?:direktör|chef|strateg|ordförande|minister|minster|ledamot|sekreterare|handläggare|"
                             r"samordnare|landshövding|kommunalråd|regionråd)(?:en|n)?$")
# "behovet av X", "utmaningen med X", "läget på X", "frågor om X", "arbetet med X": X is the topic
_GENERIC_OF = frozenset({"utmaning", "utmaningen", "utmaningar", "utmaningarna", "behov", "behovet", "behoven", "läget",
                         "situationen", "fråga", "frågan", "frågor", "frågorna", "arbete", "arbetet", "vikten",
                         "betydelsen", "framtiden", "frågeställningar", "frågeställningen", "roll", "rollen",
                         "utveckling", "utvecklingen", "utbyggnad", "utbyggnaden", "förbättring", "förbättringar",
                         "nödvändighet", "nödvändigheten", "besked", "beskeden", "betydelse", "deltagande",
                         "deltagandet", "planer", "planerna",
                         # "tankar kring X", "nya lösningar kring X", "förberedelser för X", "uppdrag i X"
                         "tankar", "tankarna", "funderingar", "lösning", "lösningen", "lösningar", "lösningarna",
                         "förberedelser", "förberedelserna", "uppdrag", "uppdraget", "uppdragen",
                         "möjlighet", "möjligheten", "möjligheter", "möjligheterna",
                         # "diskussioner om X", "rapporten om X": what the talk or the report is about
                         "diskussion", "diskussionen", "diskussioner", "diskussionerna", "rapport", "rapporten",
                         # "bekymret med X", "problemet med X": X is what the trouble is about
                         "bekymret", "bekymren", "problemet", "problematiken",
                         # "idén om X", "synen på X", "processen med X": what the idea, the view or the process is of
                         "idé", "idén", "idéer", "idéerna", "syn", "synen", "processen",
                         # "förslaget om X", "förslag till X": what is proposed
                         "förslag", "förslaget", "förslagen",
                         # "revideringar i X", "översyn av X", "ändringar i X": what is changed
                         "revidering", "revideringen", "revideringar", "revideringarna", "översyn", "översynen",
                         "ändring", "ändringen", "ändringar", "ändringarna",
                         # "risken för X": what the risk is of
                         "risk", "risken", "risker", "riskerna"})
# "möjligheten att skapa X", "behovet av att bygga X": the verb's object is the topic
_GENERIC_TO = frozenset({"möjlighet", "möjligheten", "möjligheterna", "behov", "behovet", "vikten", "arbetet",
                         "ambitionen", "viljan", "planerna", "målet"})
_GENERIC_OF_PREP = re.compile(r"(?:med|av|på|om|kring|inom|som rör|som gäller|kopplade till|kopplat till|kopplad till|"
                              # "utmaningar för (att skapa ökad) tillväxt": what they are for
                              r"för(?:\s+att\s+(?:skapa|öka|stärka|främja|utveckla|nå|få))?)\s+", re.IGNORECASE)
# "besked i markfrågor", "läget i vården": the generic words whose topic may also follow "i"
_GENERIC_IN = frozenset({"besked", "beskeden", "deltagande", "deltagandet", "uppdrag", "uppdraget", "uppdragen",
                         "revidering", "revideringen", "revideringar", "revideringarna", "ändring", "ändringen",
                         "ändringar", "ändringarna",
                         "läget", "situationen"})
# the nouns of two letters that name a subject ("utbyggnad av el", "frågor om AI")
_SHORT_NOUNS = frozenset({"el", "it", "ai"})
# "möjligheter till X": the generic words whose topic may also follow "till"
# ("förslag till reviderad förbundsordning": what is proposed)
_GENERIC_TILL = frozenset({"möjlighet", "möjligheten", "möjligheter", "möjligheterna", "förslag", "förslaget",
                           "förslagen"})
_TILL_PREP = re.compile(r"till\s+")
_IN_PREP = re.compile(r"i\s+")
_TOKEN = re.compile(r"[^\s,]+")
_WORDISH = re.compile(r"^[A-Za-zÅÄÖÉÜåäöéü][A-Za-zÅÄÖÉÜåäöéü-]*$")
_ADJ_END = re.compile(r"(?:ig|igt|iga|lig|ligt|liga|isk|iskt|iska|ad|at|ade|ande|ende|ell|ellt|ella|al|alt|ala|iv|ivt|"
                      r"iva|ör|öra|ra|rt|na|da|ta|fri|fritt|fria|gemensam|gemensamma|hög|höga|högt|låg|låga|god|goda|"
                      r"gott|ny|nya|nytt|ökad|ökade|stor|stora|stort)$")


@dataclass(frozen=True)
class OpenTopics:
    """What the open-vocabulary reading adds: hits of new and of scheme concepts in the text's own
    forms, the indices of scheme hits a cue presents as discussed, and those it replaces."""

    hits: list[TopicHit]
    discussed: set[int]
    replaced: set[int]
    listed: set[int] = field(default_factory=set)  # hits that are a listed line as written (:func:`_listed_item`)


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3):pos].rstrip(" \t")
    return not before or before[-1] in ".!?:\n–-\"”•*▪◦·"


def _anchor_automaton() -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for w in ("om", "kring", "diskut", "fokus", "intresse", "upp", "lyft", "anledning", "agenda", "ärende",
              "dagordning", "berör", "avhandla", "centrum", "tema", "redog", "redovisning", "ämne", "följande",
              "synpunkter", "gäll", "område", "frågor", "punkter", "inblick", "insyn", "del av", "igenom",
              "nyckelfråga", "huvudfråga", "ödesfråga", "framtidsfråga", "överlevnadsfråga", "satsning", "rör",
              "ägna", "uppe", "presenter", "redovisa", "exempel", "bild", "överblick", "presentation",
              "genomgång", "föredragningslist", "programmet", "fördjupa", "beslut", "höra", "veta", "belys"):
        auto.add_word(w, w)
    auto.make_automaton()
    return auto


_CUE_ANCHORS = _anchor_automaton()


def _clause_spans(text: str) -> tuple[list[tuple[int, int]], set[tuple[int, int]]]:
    """Spans of the noun-phrase lists that a discussion cue introduces or closes, and those of them that are
    the lines of a bulleted list the cue announces ("fokusera på ett antal aktuella frågor:" then "• X")."""
    out: list[tuple[int, int]] = []
    listed: set[tuple[int, int]] = set()
    forward: set[tuple[int, int]] = set()
    backward: set[tuple[int, int]] = set()
    # the cue regexes run only around a word every cue contains (a scan of the whole text costs too much)
    windows: list[list[int]] = []
    low = lower_same_length(text)
    for end_idx, w in _CUE_ANCHORS.iter(low):
        start = end_idx - len(w) + 1
        if start > 0 and text[start - 1].isalnum():
            continue
        if w in ("om", "upp") and end_idx + 1 < len(text) and text[end_idx + 1].isalnum():
            continue
        a, b = max(0, start - 90), min(len(text), end_idx + 45)  # a verb may stand six words before "om"
        if windows and a <= windows[-1][1]:
            windows[-1][1] = b
        else:
            windows.append([a, b])
    # the cues matched on the lower-cased text without re.IGNORECASE where that is the same (four times faster)
    forward_cue, backward_cue = prefilter.for_lowered(_FORWARD_CUE, low), prefilter.for_lowered(_BACKWARD_CUE, low)
    for a, b in windows:
        forward.update(m.span() for m in forward_cue.finditer(low, a, b))
        backward.update(m.span() for m in backward_cue.finditer(low, a, b))
    starts = sorted(a for a, _ in forward)
    for _, cue_end in sorted(forward):
        end = _CLAUSE_END.search(text, cue_end)
        stop = end.start() if end else len(text)
        # "dialog kring X samt berätta om Y": the next cue ends this one's list
        nxt = bisect_right(starts, cue_end)
        if nxt < len(starts) and starts[nxt] < stop:
            stop = starts[nxt]
        out.append((cue_end, stop))
        # "... fokusera på ett antal områden, bland annat:" then one line a topic: "Budget – vad ..."
        if end is not None and stop == end.start() and _LIST_OPENS_RE.match(text, end.start()):
            out.extend(_list_items(_HEADED_ITEM, text, end.end()))
        # "... kommer att fokusera på ett antal aktuella frågor." then a bulleted list: each item is one of them
        if end is not None and stop == end.start() and _COUNTED_TOPICS_RE.search(text, cue_end, stop) \
                and (gap := LINE_BREAKS_RE.match(text, end.end())) is not None:
            bullets = _list_items(_BULLET_ITEM, text, gap.end())
            out.extend(bullets)
            listed.update(bullets)
    for cue_start, _ in sorted(backward):
        floor = max(0, cue_start - 300)
        start = floor
        for c in _CLAUSE_START.finditer(text, floor, cue_start):
            start = c.end()
        out.append((start, cue_start))
    # "Vid sammanträdet tas följande ärenden upp:" then a bulleted list: each item is a topic
    for a, b in windows:
        # ... or "rapporterade om följande punkter: - A - B - C.", the lines run together (a PDF's text)
        for m in prefilter.finditer(_LIST_CUE, text, a, b):
            on_lines = m.group().endswith("\n")
            items = _list_items(_BULLET_ITEM if on_lines else _INLINE_ITEM, text, m.end())
            out.extend(items)
            if on_lines:
                listed.update(items)
    return out, listed


# a cue that announces a list on the lines after it: "följande punkter:", "rapporterade om:"
_LIST_CUE = re.compile(
    r"\b(?:följande\s+(?:ärenden|frågor|punkter|ämnen|teman|frågeställningar)\b[^.\n:]{0,40}"
    r"|(?:rapporterade|informerade|berättade|redogjorde|redovisade|presenterade)(?:\s+(?:om|kring|för))?)"
    r":[ \t]*(?:\n|(?=[-–][ \t]))", re.IGNORECASE)
# an item of that list where the lines ran together: dashes between the items, a full stop after the last
_INLINE_ITEM = re.compile(r"[-–][ \t]+(?P<item>(?:(?![ \t]+[-–][ \t])[^\n.;])+)[ \t]*[.;]?[ \t]*")
_BULLET_ITEM = re.compile(r"[ \t]*\n?[ \t]*[•*▪◦·–-][ \t]+(?P<item>[^\n]{2,80})(?:\n|$)")


# a cue's clause that counts its subjects without naming them ("ett antal aktuella frågor", "tre områden")
_COUNTED_TOPICS_RE = re.compile(r"\b(?:frågor|frågorna|ämnen|ämnena|punkter|teman|områden|följande)\b", re.IGNORECASE)
# a cue's clause that ends in a colon and a line break opens a list on the lines after it
_LIST_OPENS_RE = re.compile(r":[ \t]*\n")
# a line of such a list: its topic, a dash, what about it ("Val – val till Europaparlamentet")
_HEADED_ITEM = re.compile(r"\n*[ \t]*(?:[•*▪◦·][ \t]+)?(?P<item>[^\n–—]{2,60}?)[ \t]+[–—-][ \t]+[^\n]{2,200}(?:\n|$)")


def _list_items(item_re: re.Pattern[str], text: str, pos: int) -> list[tuple[int, int]]:
    """The spans of the group ``item`` of the lines ``item_re`` matches one after another from ``pos``
    (a bulleted list, or "Topic – explanation" lines)."""
    items = []
    while (m := item_re.match(text, pos)) is not None:
        items.append((m.start("item"), m.end("item")))
        pos = m.end()
    return items


_BETWEEN_LIST = re.compile(r"\bmellan\s+[\wåäö-]+(?:\s*,\s*[\wåäö-]+)*$")
_LONE_GENITIVE = re.compile(r"\s*[a-zåäö]+(?:nas|ens|ets)\s*")


# "allt från vindkraft och bredband till skolans lokaler": a range whose ends are items of the list
_RANGE_RE = re.compile(r"(?:allt[ \t]+från|alltifrån)[ \t]+", re.IGNORECASE)


def _conjuncts(text: str, a: int, b: int) -> list[tuple[int, int]]:
    rng = _RANGE_RE.match(text, a, b)
    if rng:
        to = text.rfind(" till ", rng.end(), b)
        if to > 0:
            return _conjuncts(text, rng.end(), to) + _conjuncts(text, to + len(" till "), b)
    parts: list[tuple[int, int]] = []
    pos = a
    for m in _SPLIT.finditer(text, a, b):
        if text[m.start() - 1:m.start()] == "-":
            if not text[pos:m.start()].strip().count(" "):
                pos = m.end()  # "arbetsmarknads- och integrationsfrågor": the last part names the head
            continue  # "X som finns inom hälso- och sjukvården": a joined compound inside the conjunct
        if m.group().strip() in (",", "och") and _BETWEEN_LIST.search(text, pos, m.start()):
            continue  # "samverkan mellan kommun och region", "mellan länsstyrelser, region och kommun": one phrase
        if _LONE_GENITIVE.fullmatch(text, pos, m.start()) and m.group().strip() in ("och", "samt"):
            pos = m.end()  # "kommunernas och regionernas ekonomi": whose, the head comes after
            continue
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, b))
    return [(s, e) for s, e in parts if e > s]


# "Områden som samarbete, bostäder och ... belystes": the kind of the list's items, then the first of them
# (not "frågor som rör X", whose relative clause names the topic)
_KIND_SUCH_AS = re.compile(r"(?:områden|frågor|ämnen|teman|frågeställningar)\s+(?:som|såsom)\s+"
                           r"(?!(?:rör|gäller|handlar|berör|berörs|är|var|har|hade|kan|ska|skall|kommer)\b)",
                           re.IGNORECASE)
_HOW_WORK = re.compile(r"hur\s+(?:\S+\s+){1,4}?(?:(?:arbetar|arbeta|jobbar|jobba|kan arbeta)\s+(?:för|med)"
                       # "hur vi skapar världens bästa näringsklimat": what the work makes or strengthens
                       r"|skapar|skapa|stärker|stärka|främjar|främja|förbättrar|förbättra|utvecklar|utveckla|lyfta|lyfter|"
                       r"säkrar|säkra|säkerställer|säkerställa)\s+",
                       re.IGNORECASE)


_RELATIVE_TOPIC = re.compile(r"\bsom\s+(?:rör|gäller)\b", re.IGNORECASE)  # "frågor som rör X" names X


_ASIDE_RE = re.compile(r"\([^()\n]*\)")
_LIST_GOES_ON = re.compile(r"\s*(?:,|(?:och|samt)\s)")
_QUESTION_ITEM = re.compile(r"(?:vilket|vilken|vilka|hur)\s+(?:[a-zåäö]+\s+){1,3}(?:ska|skulle|bör|kan)\b",
                            re.IGNORECASE)


def _clause_inside(text: str, a: int, b: int) -> bool:
    """Does a clause start inside this conjunct ("hur vi kan ...", "X som finns ...")? Not inside an aside
    in brackets ("LIS-områdena (strandnära områden som är lämpliga för ...)"), after which the list goes on."""
    words = [w.lower() for w in _RELATIVE_TOPIC.sub(" ", _ASIDE_RE.sub(" ", text[a:b])).split()]
    return any(w in _STOP and not _between_and(words, i) for i, w in enumerate(words))


_QUOTES = "\"”“»«'"


def _tokens(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Word spans, quotation marks around a word left out ("temat \"levande skärgård\"")."""
    out = []
    for m in _TOKEN.finditer(text, a, b):
        s, e = m.span()
        while s < e and text[s] in _QUOTES:
            s += 1
        while e > s and text[e - 1] in _QUOTES:
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _word_ok(w: str, first: bool, initial: bool) -> bool:
    if not _WORDISH.match(w) or w.endswith("-"):
        return False
    if w[:1].islower():
        return True
    if w.split("-")[0].isupper() and len(w.split("-")[0]) >= 2:
        return True  # "SFI", "ANDT-frågor"
    return first and (initial or w[1:].islower())


class _Phrase:
    """One discussed noun phrase: spans of its forms, the first the main one."""

    def __init__(self, main: tuple[int, int], head: tuple[int, int], core_start: int) -> None:
        self.main = main
        self.head = head
        self.core_start = core_start
        self.forms: list[tuple[int, int]] = [main]

    def add(self, span: tuple[int, int]) -> None:
        if span[1] > span[0] and span not in self.forms:
            self.forms.append(span)


# a determiner right after the first word makes that word a verb: nouns are not followed by one
_OBJECT_DETERMINERS = frozenset({"dess", "sin", "sitt", "sina", "deras", "hans", "hennes", "vår", "vårt", "våra",
                                 "er", "ert", "era", "den", "det", "de", "en", "ett", "denna", "detta", "dessa"})


def _between_and(words: list[str], i: int) -> bool:
    """"samspelet mellan politik och förvaltning", "mellan länsstyrelser, region och kommun": the "och" that
    joins the parties of "mellan" is inside the phrase."""
    return words[i] == "och" and "mellan" in words[max(0, i - 4):i - 1] \
        and all(w.endswith(",") for w in words[words.index("mellan", max(0, i - 4)) + 1:i - 1])


def _phrase(text: str, a: int, b: int, mentions: list[tuple[int, int]]) -> _Phrase | None:
    toks = _tokens(text, a, b)
    words = [text[s:e].strip(".:;!?\"”()").lower() for s, e in toks]
    if words and words[0] in ("om", "kring"):
        toks, words = toks[1:], words[1:]  # "information om X, om Y och om Z"
    while words and words[0] in _LEADING_ADVERBS:
        toks, words = toks[1:], words[1:]  # "Även frågan om X kom upp": the adverb opens the clause
    with_det = toks[0][0] if toks else a
    while toks and words[0] in _DETERMINER:
        toks, words = toks[1:], words[1:]
    # "de s.k. LIS-områdena", "den så kallade X": what the text calls it, not part of its name
    skip = 1 if words[:1] == ["s.k"] else 2 if words[:1] == ["så"] and words[1:2] in (["kallade"], ["kallad"],
                                                                                      ["kallat"]) else 0
    toks, words = toks[skip:], words[skip:]
    # "möjligheten att skapa ett landsbygdsråd", "behovet av att bygga bostäder": what is to be done names the topic
    if len(words) > 3 and words[0] in _GENERIC_TO and (words[1] == "att" or words[1:3] == ["av", "att"]):
        k = 2 if words[1] == "att" else 3
        inner = _phrase(text, toks[k + 1][0], b, mentions) if k + 1 < len(toks) else None
        if inner:
            inner.add((toks[0][0], inner.main[1]))
        return inner
    cut = next((i for i, w in enumerate(words) if (w in _STOP and not _between_and(words, i)) or not w
                or _PAST_PASSIVE.match(w)
                or (w == "från" and words[i + 2:i + 3] == ["sida"])  # "från länsstyrelsens sida"
                or (i and text[toks[i][0]] == "(")), len(words))  # "X (strandnära områden ...)": an aside
    # "frågor som rör X": the relative clause names the topic
    if cut + 1 < len(words) and words[cut] == "som" and words[cut + 1] in ("rör", "gäller"):
        cut = len(words)
    toks, words = toks[:cut], words[:cut]
    while toks and (words[-1] in _PREPOSITIONS or words[-1] in _DETERMINER):
        toks, words = toks[:-1], words[:-1]
    if not toks or len(toks) > 12:
        return None
    if len(words) == 1 and (words[0].endswith(("ens", "ets", "nas", "arnas", "ernas"))
                            or (len(words[0]) < 3 and words[0] not in _SHORT_NOUNS)):
        return None  # "berättar om kommunens [satsning på X]": whose, the rest of it another cue's; "en ö"
    if len(words) == 1 and words[0].endswith("a") and text[with_det:toks[0][0]].strip().lower() == "det":
        return None  # "det självklara", "det viktiga": an adjective as a noun, no subject
    if len(words) > 1 and words[1] in _OBJECT_DETERMINERS:
        return None  # "besöka dess verksamheter", "utveckla sin verksamhet": a verb and its object
    first = toks[0][0]
    initial = _sentence_initial(text, first)
    j = bisect_right(mentions, (first, len(text))) - 1
    owner = j >= 0 and mentions[j][1] > first
    if owner and not (mentions[j][0] == first and opens_with_name(text, mentions[j], toks[-1][1])):
        return None  # a name ("Store mosse"), not a topic; "Skolverkets utvecklingsinsatser" is whose a topic is
    owner = owner and text[mentions[j][1]:mentions[j][1] + 1] != "-"  # "EU-ordförandeskapet": a topic of its own
    # "behovet av X": X is the topic, the whole phrase one of its forms
    for i, w in enumerate(words[:-1]):
        # (after adjectives, or after whose it is: "företagens betydelse för X", "regionens arbete med X")
        # ("myndighetens nationella uppdrag kring X": whose, then adjectives)
        if w in _GENERIC_OF and all(_ADJ_END.search(x) or (j == 0 and x.endswith("s"))
                                    for j, x in enumerate(words[:i])):
            m = _GENERIC_OF_PREP.match(text, toks[i][1] + 1) or (
                _IN_PREP.match(text, toks[i][1] + 1) if w in _GENERIC_IN else None) or (
                _TILL_PREP.match(text, toks[i][1] + 1) if w in _GENERIC_TILL else None)
            if m and m.end() < toks[-1][1]:
                inner = _phrase(text, m.end(), toks[-1][1], mentions)
                if inner:
                    inner.add((first, toks[-1][1]))
                    if with_det < first:
                        inner.add((with_det, toks[-1][1]))
                if inner is not None or m.re is not _IN_PREP:
                    return inner
                break  # "det ekonomiska läget i kommunen": where, not what; the whole phrase is read below
            if m and m.end() > toks[-1][1]:
                return None  # "utmaningar kopplat till [att verka på en ö]": what it is about is a clause
            break
    p = next((i for i, w in enumerate(words) if i > 0 and w in _PREPOSITIONS), len(words))
    core, core_words = toks[:p], words[:p]
    if len(core) > 5:
        return None
    if not all(_word_ok(text[s:e].strip(".:;!?\"”()"), i == 0, initial) for i, (s, e) in enumerate(core)):
        return None
    if words[0] in _PREPOSITIONS or core_words[-1] in _ACTORS or core_words[-1] in _EVALUATIVE \
            or _PERSON_NOUN_RE.search(core_words[-1]) or (
            _ADJ_HEAD.search(core_words[-1]) and not _ANDE_NOUN.search(core_words[-1])):
        return None
    # (a sentence's first word is capitalised: "Skolans uppdrag ... diskuterades" as "skolans uppdrag"; a name there
    # is a mention, read above)
    modifiers = [_lower_first(text[s:e]) if i == 0 and initial else text[s:e] for i, (s, e) in enumerate(core[:-1])]
    if core_words[-1] in _GENERIC and not any(_qualifies(w) or _field_adjective(w) for w in modifiers) \
            and not (len(core_words) == 2 and core_words[1] in ("utveckling", "utvecklingen")
                     and core_words[0] in _PLACE_GENITIVES) \
            and not _state_of_place(words):
        return None  # "aktuella frågor", "Härnösands utmaningar"; "digitaliseringens möjligheter" is a topic
    pp_lower = all(text[s:s + 1].islower() for s, _ in toks[p + 1:]) and len(toks) - p <= 4
    head = core[-1]
    if p < len(words) and pp_lower:
        ph = _Phrase((first, toks[-1][1]), head, first)
        ph.add((first, core[-1][1]))
    else:
        ph = _Phrase((first, core[-1][1]), head, first)
        ph.add((first, toks[-1][1]))
    if len(core) > 1 and core_words[-1] not in _GENERIC and (
            not core_words[-2].endswith("s") or _whose(core_words[-2])):
        ph.add(head)  # "höga vattennivåer" is also "vattennivåer", "länsstyrelsernas IT-strategi" "IT-strategi"
    if with_det < first:
        ph.add((with_det, ph.main[1]))
    if owner and len(toks) > 2:
        ph.add((toks[1][0], ph.main[1]))  # "regeringens reformer för skolan" is also "reformer för skolan"
    return ph


def _state_of_place(words: list[str]) -> bool:
    """"läget i länet", "situationen i kommunen": how a place is doing, which a county governor or a municipality
    reports on, is a subject of its own (though "läget" alone and "länet" alone are none)."""
    return len(words) == 3 and words[0] in ("läget", "situationen") and words[1] == "i" \
        and words[2] in ("länet", "länen", "kommunen", "regionen", "landet")


def opens_with_name(text: str, name: tuple[int, int], end: int) -> bool:
    """Does a phrase that starts where ``name`` starts and ends at ``end`` open with a name that is no topic
    itself: whose the thing is, in the genitive ("Skolverkets utvecklingsinsatser", "regeringens reformer"), or
    the first part of a compound ("EU-ordförandeskapet", "Nato-medlemskapet")?"""
    b = name[1]
    return b < end and (text[b - 1:b] == "s" and text[b:b + 1] in (" ", "\t")
                        or text[b:b + 1] == "-" and text[b + 1:b + 2].islower())


def _whose(word: str) -> bool:
    """A genitive that says whose a thing is, not what kind: "kommunens", "länsstyrelsernas", "företagens"."""
    return word in _PLACE_GENITIVES or word[:-1] in _ACTORS or word[:-1] in _PLACES_AS_ACTORS


def _qualifies(word: str) -> bool:
    """A modifier that makes a generic head specific: a common noun's genitive ("näringslivets")."""
    return word[:1].islower() and word.endswith("s") and word not in _EVALUATIVE and not _ADJ_HEAD.search(word[:-1]) \
        and word[:-1] not in _ACTORS and word[:-1] not in _PLACES_AS_ACTORS


_ISK_END = re.compile(r"isk[at]?$")
# adjectives in -isk that judge rather than name a field: "det kritiska läget" stays generic
_JUDGING_ISK = re.compile(r"(?:krit|prakt|typ|fantast|realist|optimist|pessimist|dramat|problemat|specif|klass)"
                          r"isk[at]?$")


def _field_adjective(word: str) -> bool:
    """An adjective that names a field and so makes a generic head specific: "det militärstrategiska
    läget", "de ekonomiska förutsättningarna", "den demografiska utmaningen"."""
    return word[:1].islower() and bool(_ISK_END.search(word)) and not _JUDGING_ISK.search(word)


def _lower_first(s: str) -> str:
    w = s.split(" ", 1)[0]
    return s[:1].lower() + s[1:] if len(w) > 1 and w[1:].islower() else s


def minted_topic_label(form: str) -> str:
    """The label of a new concept: its form, one space between words, a capital that only starts
    the sentence lowered ("Förorenade markområden" -> "förorenade markområden", "SFI" kept)."""
    return " ".join(_lower_first(form).split())


def minted_concept(label: str) -> TopicConcept:
    """A concept the scheme does not have, named by the phrase itself."""
    norm = minted_topic_label(label)
    return TopicConcept(f"{MINTED_PREFIX}{slug(norm)}", norm, (), "", "")


# "arbetsmarknadspolitiken", "integrationsplanen": a policy or plan of a scheme topic is a topic of its own
_OWN_TAILS = re.compile(r"s?(politik|politiken|plan|planen|strategi|strategin)$")
_TAIL_LEMMA = {"politiken": "politik", "planen": "plan", "strategin": "strategi"}


def _own_compound(h: TopicHit) -> str | None:
    low = h.text.lower()
    m = _OWN_TAILS.search(low)
    if not m or " " in low or low in (h.concept.pref_label.lower(), *(x.lower() for x in h.concept.alt_labels)):
        return None
    return low[:m.start(1)] + _TAIL_LEMMA.get(m[1], m[1])


# "frågor som har betydelse för bygden, bland annat X, Y och Z": the examples of a generic phrase
_EXAMPLES_RE = re.compile(r",[ \t]*(?:bland annat|bl\.[ \t]?a\.|till exempel|t\.[ \t]?ex\.|exempelvis|såsom)"
                          r"[ \t]+", re.IGNORECASE)


def _with_examples(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The cues' spans, and after each the list of examples inside it, read on its own (the phrase
    before it may hold a clause, which ends the reading of a list)."""
    out = list(spans)
    for a, b in spans:
        m = _EXAMPLES_RE.search(text, a, b)
        if m:
            out.append((m.end(), b))
    return out


# an event's or a talk's title in quotation marks: "Konferensen ”Politiskt ledarskap för X” hålls ...", "talar
# under rubriken ”Hållbara jobb i hela landet”"
_QUOTED_TITLE_RE = re.compile(r"(?<![\wåäö])(?:[a-zåäö]*konferens(?:en)?|[a-zåäö]*seminari(?:um|et)|webbinari(?:um|et)|"
                              r"[a-zåäö]*dagen|rubriken|föreläsningen|workshopen|panelsamtalet)[ \t]*:?[ \t]*"
                              r"[\"”“»](?P<t>[^\"”“»«\n]{3,80})[\"”“«]", re.IGNORECASE)


def _quoted_titles(text: str) -> list[tuple[int, int]]:
    """The spans of the titles in quotation marks that an event's or a talk's noun gives."""
    if not any(q in text for q in "\"”“»"):
        return []
    return [m.span("t") for m in _QUOTED_TITLE_RE.finditer(text)]


def open_topics(text: str, hits: list[TopicHit], mentions: list[tuple[int, int]]) -> OpenTopics:
    """Discussed noun phrases (new concepts and scheme concepts in the text's forms) and the scheme
    hits that a discussion cue covers (``discussed``) or that a phrase of its own replaces."""
    out: list[TopicHit] = []
    discussed: set[int] = set()
    replaced: set[int] = set()
    listed_hits: set[int] = set()
    mentions = sorted(mentions)  # settled names do not overlap: the one starting last before a word covers it
    for i, h in enumerate(hits):
        lemma = _own_compound(h)
        if lemma:
            replaced.add(i)
            c = minted_concept(lemma)
            out.append(TopicHit(h.start, h.end, c, h.text))
    first_at: dict[int, TopicConcept] = {}  # start -> concept of the first hit of ``out`` there
    for x in out:
        first_at.setdefault(x.start, x.concept)
    by_start = sorted(range(len(hits)), key=lambda j: hits[j].start)
    starts = [hits[j].start for j in by_start]
    longest = max((h.end - h.start for h in hits), default=0)

    def starting(lo: int, hi: int) -> list[int]:
        """Positions in ``hits`` of the hits that start in [lo, hi)."""
        return by_start[bisect_left(starts, lo):bisect_left(starts, hi)]

    seen: set[tuple[int, int]] = set()
    spans, listed = _clause_spans(text)
    for a, b in _with_examples(text, spans) + _quoted_titles(text):
        read = len(out)
        for s, e in _conjuncts(text, a, b):
            lead = _HOW_WORK.match(text, s, e) or _KIND_SUCH_AS.match(text, s, e)
            if lead:
                # "hur länet arbetar för en god förvaltningskultur": what the work is for; "områden som X": X
                s = lead.end()
            ph = _phrase(text, s, e, mentions)
            if ph is None and _QUESTION_ITEM.match(text, s, e) and _LIST_GOES_ON.match(text, e):
                continue  # "frågor om X, vilken roll Y ska ha, Z": a question as one item of the list
            if _clause_inside(text, s, e) and ph is None:
                break
            if ph is None or ph.main in seen:
                continue
            seen.add(ph.main)
            hs, he = ph.head
            # the first hit (in list order) around the head's start or starting inside the head
            linked = min([j for j in starting(hs - longest, hs + 1) if hs < hits[j].end] + starting(hs, he),
                         default=None)
            if linked is None:
                # "omställningen till god och nära vård": a phrase cut at an "och" inside a scheme hit is that hit's
                linked = next((j for j in starting(ph.main[0], ph.main[1]) if hits[j].end > ph.main[1]), None)
            if linked is not None and linked not in replaced:
                concept = hits[linked].concept
                discussed.add(linked)
            elif linked is not None:
                at = hits[linked].start
                concept = first_at[at] if at in first_at else next(x.concept for x in out if x.start == at)
            else:
                concept = minted_concept(text[ph.main[0]:ph.main[1]])
                replaced |= {j for j in starting(ph.core_start, hs + 1) if hits[j].end <= hs}
            for fs, fe in ph.forms:
                out.append(TopicHit(fs, fe, concept, text[fs:fe]))
                first_at.setdefault(fs, concept)
            if _clause_inside(text, s, e):
                break  # "X som finns bland föreningar och företagare": the list went on inside the clause
        item = _listed_item(text, a, b, mentions) if (a, b) in listed and len(out) == read else None
        if item is not None and item not in seen:
            # "• Länsstyrelsen växer", "• Övertagande av uppgifter från polisen": a line of a list the cue
            # announces is a topic as written, where no noun phrase of it was read (a name, a verb)
            seen.add(item)
            listed_hits.add(len(out))
            out.append(TopicHit(item[0], item[1], minted_concept(text[item[0]:item[1]]), text[item[0]:item[1]]))
    return OpenTopics(out, discussed, replaced, listed_hits)


def _listed_item(text: str, a: int, b: int, mentions: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The span of a listed line read as a topic: up to eight words, opening with a letter, no label
    ("Tid: 10.00") and no name alone ("• Region Exempelland")."""
    while b > a and text[b - 1] in " \t.,;:!":
        b -= 1
    words = text[a:b].split()
    if not 1 <= len(words) <= 8 or not text[a:a + 1].isalpha() or ":" in text[a:b]:
        return None
    if any(x <= a and b <= y for x, y in mentions):
        return None
    return a, b


# ---------------------------------------------------------------- scheme hits that are no discussed topic
# a heading that asks what something is opens a background box; an interview question ("Vad tar du
# med dig?") does not
_DEFINING_QUESTION = re.compile(
    r"(?:vad|vem|vilka|vilken|vilket)\s+(?:är|gör|innebär|betyder|heter)\b|hur\s+fungerar\b", re.IGNORECASE)


def explanatory_hits(text: str, blocks: list[Block], hits: list[TopicHit]) -> set[int]:
    """Hits under a heading that asks a question ("Vad är landshövdingens uppdrag?"): a background
    box that explains, not what a meeting discussed."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for blk in blocks:
        line = text[blk.start:blk.end].strip()
        question = bool(_DEFINING_QUESTION.match(line)) and line.endswith("?") and "\n" not in line and len(line) < 90
        if blk.heading or question:
            if open_at is not None:
                spans.append((open_at, blk.start))
            open_at = blk.end if question else None
    if open_at is not None:
        spans.append((open_at, len(text)))
    return {i for i, h in enumerate(hits) if any(a <= h.start < b for a, b in spans)}


# a person's post names a field, not a topic: "samordnare för bostäder och kompetensförsörjning", "ansvarig för
# vuxenutbildningen", "direktör för skola och fritid"; and the first part of a compound whose last part is a
# post or a body: "miljö- och hälsoskyddsinspektör", "kultur- och fritidsnämndens ordförande"
_POST = (r"direktör|chef|strateg|ansvarig|handläggare|samordnare|sakkunnig|instruktör|utvecklare|rådgivare|"
         r"controller|expert|ombud|koordinator|specialist|inspektör|konsulent|sekreterare|ordförande|ledamot|"
         r"minister|råd|talesperson|företrädare|representant|lärare|rektor")
# ... and the fields people come from: "företrädare för forskning och besöksnäring"
_POST_BEFORE_RE = re.compile(rf"(?:(?:{_POST})(?:en|n|er|erna)?[ \t]+(?:för|i|inom|med ansvar för)"
                             r"|(?:representant|företrädare|aktör)(?:en|er|erna|na)?[ \t]+(?:från|för|inom))[ \t]+"
                             r"(?:[\wåäö-]+(?:[ \t]+[\wåäö-]+)?[ \t]*(?:,|och|samt)[ \t]*){0,5}\Z", re.IGNORECASE)
_POST_OR_BODY_AFTER_RE = re.compile(
    r"-[ \t]*(?:,[ \t]*[\wåäö]+-[ \t]*)*(?:och|samt|eller)[ \t]+[\wåäö]*"
    rf"(?:{_POST}|nämnd|förvaltning|utskott|avdelning|enhet|styrelse)(?:[\wåäö]*)(?![\wåäö-])", re.IGNORECASE)
# the prepositions of _POST_BEFORE_RE: a cheap test before the full pattern
_POST_PREP_RE = re.compile(r"[ \t](?:för|i|inom|från|med ansvar för)[ \t]")


def post_hits(text: str, hits: list[TopicHit]) -> set[int]:
    """Hits that name a person's post or a body, not a subject discussed."""
    out: set[int] = set()
    if not hits:
        return out
    low = lower_same_length(text)
    post_before = prefilter.for_lowered(_POST_BEFORE_RE, low)
    for i, h in enumerate(hits):
        line_start = max(text.rfind("\n", 0, h.start) + 1, h.start - 80)
        # the full pattern only where a preposition of a post stands before the hit on its line
        if (_POST_PREP_RE.search(text, line_start, h.start)
                and post_before.search(low, line_start, h.start)) or _POST_OR_BODY_AFTER_RE.match(text, h.end):
            out.add(i)
    return out


_ENUM_PARENS = re.compile(r"\([^()\n]*,[^()\n]*,[^()\n]*\)")


def enumeration_hits(text: str, hits: list[TopicHit]) -> set[int]:
    """Hits inside a parenthesised enumeration ("(demokrati, legalitet, objektivitet)"): values
    that explain a word, not topics of their own."""
    spans = [(m.start(), m.end()) for m in _ENUM_PARENS.finditer(text)]
    return {i for i, h in enumerate(hits) if any(a < h.start < b for a, b in spans)}


def apposition_hits(text: str, hits: list[TopicHit], names: list[tuple[int, int]]) -> set[int]:
    """A class noun right before a name ("stadsnätet Fibra AB"): it says what the named thing is."""
    starts = {a for a, _ in names}
    out: set[int] = set()
    for i, h in enumerate(hits):
        j = h.end
        while j < len(text) and text[j] in " \t":
            j += 1
        if j > h.end and j in starts and h.text[:1].islower():
            out.add(i)
    return out
