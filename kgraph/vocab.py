"""The vocabulary of kgraph's graphs, in one table: classes, predicates, meeting
kinds and statuses, and namespace prefixes.

Every other module derives its lists from here: the closed ``kgo:`` namespace
(:mod:`kgraph.namespaces`), the RDF writers' predicates and prefixes
(:mod:`kgraph.rdf`, :mod:`kgraph.export`, :mod:`kgraph.void`), the relations the
store links and ``kgraph query`` traverses (:mod:`kgraph.store`,
:mod:`kgraph.query`), the Swedish texts of the view (:mod:`kgraph.view`), the
meeting labels (:mod:`kgraph.resolve`) and the types of the records
(:mod:`kgraph.models`). ``tests/test_vocab.py`` checks the table against
``ontology/kgraph.ttl`` and ``ontology/shapes.ttl`` both ways. Adding a
relation therefore touches the extractor that finds it, this table and the
ontology (with its shapes); see ``docs/vocab.md``.

Plain data only (no rdflib, no pydantic; only ``typing``): the read commands
import it, and it loads in about 3 ms. The helper functions read the tables
when called, so a module that derives its lists at import time sees the table
as it is then.
"""
from __future__ import annotations

from typing import NamedTuple

ONTOLOGY_IRI = "https://w3id.org/kgraph/ontology"
KGO_NS = ONTOLOGY_IRI + "#"
RESOURCE_BASE = "https://w3id.org/kgraph/id/"


# ------------------------------------------------------------------ prefixes
class Prefix(NamedTuple):
    """A namespace prefix and where kgraph declares it (``uses``, a tuple of :data:`PREFIX_USES`)."""

    name: str
    iri: str
    uses: tuple[str, ...]


#: where a prefix is declared: ``turtle`` by the Turtle and TriG writers and in the JSON-LD
#: ``@context``; ``sparql`` predeclared by ``kgraph sparql``; ``void`` in the VoID description
#: (besides the ``turtle`` ones); ``vocabulary`` a vocabulary whose terms the graph uses (listed
#: as ``void:vocabulary``, and written as prefixed names in ``kgraph validate`` reports).
PREFIX_USES = ("turtle", "sparql", "void", "vocabulary")

PREFIXES: tuple[Prefix, ...] = (
    Prefix("kgo", KGO_NS, ("turtle", "sparql", "vocabulary")),
    Prefix("kg", RESOURCE_BASE, ("turtle", "sparql")),
    Prefix("skos", "http://www.w3.org/2004/02/skos/core#", ("turtle", "sparql", "vocabulary")),
    Prefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#", ("turtle", "sparql", "vocabulary")),
    Prefix("owl", "http://www.w3.org/2002/07/owl#", ("turtle", "sparql", "vocabulary")),
    Prefix("prov", "http://www.w3.org/ns/prov#", ("turtle", "vocabulary")),
    Prefix("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#", ("turtle", "sparql", "vocabulary")),
    Prefix("xsd", "http://www.w3.org/2001/XMLSchema#", ("turtle", "sparql")),
    Prefix("dcterms", "http://purl.org/dc/terms/", ("turtle", "sparql")),
    Prefix("wd", "http://www.wikidata.org/entity/", ("turtle", "sparql")),
    Prefix("schema", "https://schema.org/", ("sparql",)),
    Prefix("org", "http://www.w3.org/ns/org#", ("sparql",)),
    Prefix("void", "http://rdfs.org/ns/void#", ("void",)),
    Prefix("dcat", "http://www.w3.org/ns/dcat#", ("void",)),
)


# ------------------------------------------------------------------ classes
class Class(NamedTuple):
    """A ``kgo:`` class."""

    name: str  # local name in kgo:
    sv: str  # rdfs:label@sv in the ontology
    en: str  # rdfs:label@en in the ontology
    parent: str  # the kgo: class it is declared a subclass of ("" for none)
    node: str  # kind of the graph nodes typed with it (NODE_KINDS); "" if no node is (abstract, or RDF only)
    view: str = ""  # its name in the view (legend, panel, --type); "" if the view never draws it


#: the kinds of node in a graph (``KnowledgeGraph.add_node``)
NODE_KINDS = ("entity", "meeting", "topic", "document", "post")

CLASSES: tuple[Class, ...] = (
    Class("Document", "dokument", "Document", "", "document"),
    Class("Agent", "aktör", "Agent", "", ""),
    Class("Person", "person", "Person", "Agent", "entity", "Person"),
    Class("Minister", "minister", "Minister", "Person", "entity", "Minister"),
    Class("Organization", "organisation", "Organization", "Agent", "entity", "Organisation"),
    Class("PublicBody", "offentligt organ", "Public body", "Organization", ""),
    Class("Municipality", "kommun", "Municipality", "PublicBody", "entity", "Kommun"),
    Class("Region", "region", "Region", "PublicBody", "entity", "Region"),
    Class("County", "län", "County", "Place", "entity", "Län"),
    Class("CountyAdministrativeBoard", "länsstyrelse", "County administrative board", "PublicBody", "entity",
          "Länsstyrelse"),
    Class("Ministry", "departement", "Ministry", "PublicBody", "entity", "Departement"),
    Class("Government", "regering", "Government", "PublicBody", "entity", "Regering"),
    Class("Parliament", "parlament", "Parliament", "PublicBody", "entity", "Riksdag"),
    Class("GovernmentAgency", "statlig myndighet", "Government agency", "PublicBody", "entity", "Myndighet"),
    Class("Association", "förening", "Association", "Organization", "entity", "Förbund/förening"),
    Class("PoliticalParty", "politiskt parti", "Political party", "Organization", "entity", "Parti"),
    Class("Company", "företag", "Company", "Organization", "entity", "Företag"),
    Class("Place", "plats", "Place", "", "entity", "Plats"),
    Class("Meeting", "möte", "Meeting", "", "meeting", "Möte"),
    Class("Topic", "ämne", "Topic", "", "topic", "Ämne"),
    Class("TopicScheme", "ämnesordning", "Topic scheme", "", ""),
    Class("Post", "befattning", "Post", "", "post"),
    Class("Evidence", "belägg", "Evidence", "", ""),
)


# ------------------------------------------------------------------ predicates
class Predicate(NamedTuple):
    """A ``kgo:`` property.

    ``group`` says where kgraph writes it: ``graph``, a statement of the graph (an edge
    between two nodes, or a literal of a node, each with its evidence); ``node``, an
    attribute of a node written from the node's data; ``provenance``, in the Evidence
    records and the records of the named graphs.

    ``path`` is set for the relations between nodes that the store links (``kgraph query
    neighbors``, ``central``, ``path --via``): ``default`` when ``kgraph query path``
    follows it unasked, ``via`` when only with ``--via``.
    """

    name: str  # local name in kgo:
    sv: str  # rdfs:label@sv in the ontology
    en: str  # rdfs:label@en in the ontology
    kind: str  # "object" (owl:ObjectProperty: a link) or "literal" (owl:DatatypeProperty: a value)
    group: str  # "graph", "node" or "provenance" (see above)
    path: str = ""  # "default", "via" or "" (not a link between nodes of the store)
    view: tuple[str, str] = ("", "")  # the view's Swedish phrases: read from the subject, from the object
    drawn: bool = False  # the view draws it as an edge between the nodes it links


PREDICATE_KINDS = ("object", "literal")
PREDICATE_GROUPS = ("graph", "node", "provenance")
PATH_KINDS = ("default", "via", "")

PREDICATES: tuple[Predicate, ...] = (
    # statements of the graph: edges (with evidence) ...
    Predicate("mentionedIn", "nämns i", "mentioned in", "object", "graph", "", ("nämns i", "nämner")),
    Predicate("memberOf", "medlem i", "member of", "object", "graph", "via", ("medlem i", "har som medlem"), True),
    Predicate("affiliatedWith", "knuten till", "affiliated with", "object", "graph", "default",
              ("knuten till", "har knuten"), True),
    Predicate("participant", "deltagare", "participant", "object", "graph", "default", ("deltagare", "deltar i"),
              True),
    Predicate("location", "mötesplats", "location", "object", "graph", "default", ("plats", "plats för"), True),
    Predicate("topic", "har ämne", "topic", "object", "graph", "via", ("ämne", "ämne för"), True),
    Predicate("inCounty", "i län", "in county", "object", "graph", "via", ("i län", "omfattar"), True),
    Predicate("holdsPost", "innehar befattning", "holds post", "object", "graph", "default",
              ("innehar post", "innehas av"), True),
    Predicate("postIn", "befattning i", "post in", "object", "graph", "default", ("post i", "har post"), True),
    Predicate("partOf", "del av", "part of", "object", "graph", "default", ("del av", "har som del"), True),
    Predicate("locatedIn", "ligger i", "located in", "object", "graph", "default", ("ligger i", "har inom sig"), True),
    # ... and literals of nodes (with evidence)
    Predicate("role", "roll", "role", "literal", "graph"),
    # attributes of nodes
    Predicate("publisher", "utgivare", "publisher", "object", "node", "via"),
    Predicate("fileName", "filnamn", "file name", "literal", "node"),
    Predicate("contentHash", "kontrollsumma", "content hash", "literal", "node"),
    Predicate("title", "titel", "title", "literal", "node"),
    Predicate("published", "publiceringsdatum", "published", "literal", "node"),
    Predicate("date", "datum", "date", "literal", "node"),
    Predicate("meetingKind", "mötestyp", "meeting kind", "literal", "node"),
    Predicate("status", "status", "status", "literal", "node"),
    Predicate("scbCode", "SCB-kod", "SCB code", "literal", "node"),
    Predicate("abbreviation", "förkortning", "abbreviation", "literal", "node"),
    Predicate("organisationNumber", "organisationsnummer", "organisation number", "literal", "node"),
    Predicate("postTitle", "befattningstitel", "post title", "literal", "node"),
    Predicate("startDate", "startdatum", "start date", "literal", "node"),
    Predicate("endDate", "slutdatum", "end date", "literal", "node"),
    # provenance
    Predicate("source", "källa", "source", "object", "provenance"),
    Predicate("evidenceFor", "belägg för", "evidence for", "object", "provenance"),
    Predicate("startOffset", "startposition", "start offset", "literal", "provenance"),
    Predicate("endOffset", "slutposition", "end offset", "literal", "provenance"),
    Predicate("sentence", "mening", "sentence", "literal", "provenance"),
    Predicate("rule", "regel", "rule", "literal", "provenance"),
    Predicate("confidence", "konfidens", "confidence", "literal", "provenance"),
    Predicate("extractorVersion", "extraktorversion", "extractor version", "literal", "provenance"),
)


# ------------------------------------------------------------------ meetings
class Label(NamedTuple):
    """A value of a closed list (a meeting kind or status) with its Swedish and English labels."""

    name: str  # the value written in the graph (kgo:meetingKind, kgo:status)
    sv: str
    en: str


MEETING_KINDS: tuple[Label, ...] = (
    Label("visit", "besök", "visit"),
    Label("meeting", "möte", "meeting"),
    Label("digital_meeting", "digitalt möte", "digital meeting"),
    Label("seminar", "seminarium", "seminar"),
    Label("conference", "konferens", "conference"),
    Label("board_meeting", "styrelsemöte", "board meeting"),
    Label("network_meeting", "nätverksträff", "network meeting"),
    Label("round_table", "rundabordssamtal", "round table"),
)

MEETING_STATUSES: tuple[Label, ...] = (
    Label("planned", "planerat", "planned"),
    Label("held", "genomfört", "held"),
    Label("cancelled", "inställt", "cancelled"),
)


# ------------------------------------------------------------------ inference rules
#: The highest confidence of evidence that does not quote the object of its statement.
INFERRED_CONFIDENCE = 0.5

#: Rules that infer a statement rather than read it from one sentence, with what the inference is
#: (the view's panel and ``kgraph query`` say it with every source that carries the rule). Evidence
#: that can name the object cites those words; evidence that cannot (an e-mail domain, "vi" for the
#: publisher, ``extract.meetings.unstated``) cites the words the inference starts from, under one of
#: these rules and at a confidence of at most INFERRED_CONFIDENCE.
INFERRED_RULES: tuple[Label, ...] = (
    Label("extract.meetings.unstated", "ingen mening nämner den här delen av mötet",
          "no sentence names this part of the meeting"),
    Label("extract.meetings.first_person", "”vi” i utgivarens egen text är utgivaren",
          "'we' in the publisher's own text is the publisher"),
    Label("extract.meetings.publisher", "utgivarens eget möte eller evenemang",
          "a meeting or event of the publisher's own"),
    Label("extract.meetings.affiliation", "en deltagares organisation deltar också",
          "a participant's organisation takes part too"),
    Label("extract.meetings.tour", "deltagarna och ämnena i resan som besöket ingår i",
          "the people and topics of the tour this visit is part of"),
    Label("extract.meetings.programme", "en punkt i ministerns program", "an item of the minister's programme"),
    Label("extract.meetings.same_place", "hölls där mötet före hölls", "held where the meeting it follows was"),
    Label("extract.affiliation.publisher", "titelns slag pekar på utgivaren", "the kind of title points to the publisher"),
    Label("extract.affiliation.publisher_politician", "en lokalpolitiker i kommunens eller regionens egen text",
          "a local politician in a municipality's or region's own text"),
    Label("extract.affiliation.contact_publisher", "kontaktperson på organisationens egen sida",
          "a contact person on an organisation's own page"),
    Label("extract.affiliation.dominant", "den organisation av titelns slag som texten nämner mest",
          "the organisation of the title's kind that the text names most"),
    Label("extract.affiliation.paragraph_subject", "organisationen av titelns slag som inleder stycket",
          "the organisation of the title's kind that opens the paragraph"),
    Label("extract.affiliation.email_domain", "organisationen bakom e-postadressens domän",
          "the organisation of the e-mail address's domain"),
    Label("extract.affiliation.minister", "ministerns departement och regeringen, enligt ministerlistan",
          "a minister's ministry and the Government, from the list of ministers"),
    Label("extract.affiliation.roster", "uppräknad under en rubrik som nämner organet (annars utgivarens)",
          "listed under a heading that names the body (else the publisher's)"),
    Label("extract.affiliation.line_block", "en rad i ett stycke av rader vars övriga personer hör till samma organ",
          "an entry of a paragraph of one-line entries whose other people belong to one body"),
    Label("extract.affiliation.minutes", "ledamot enligt organets protokoll", "a member listed in the body's minutes"),
    Label("extract.affiliation.minutes_official", "tjänsteperson närvarande vid organets sammanträde: organets kommun "
          "eller region", "an official present at the body's meeting: the body's municipality or region"),
    Label("extract.org_branch", "en organisations namn följt av ett områdesnamn: dess avdelning där",
          "an organisation's name followed by an area's name: its branch there"),
    Label("extract.board_owner", "en nämnd eller styrelse följd av sin kommuns eller regions namn",
          "a board followed by the name of its municipality or region"),
    Label("extract.affiliation.group_list", "uppräknad efter organisationens företrädare (SKR:s representanter ...)",
          "listed after the organisation's representatives (SKR:s representanter ...)"),
    Label("extract.affiliation.body_list", "uppräknad efter regionens eller kommunens organ (regionstyrelsens "
          "arbetsutskott ...)", "listed after a body of the region or municipality (regionstyrelsens arbetsutskott ...)"),
    Label("extract.affiliation.board_election", "vald till styrelsen, i föreningens egen text eller i organet som "
          "valmeningen nämner", "elected to the board, in the association's own text or of the body the sentence "
          "of the election names"),
    Label("extract.affiliation.own_board", "uppräknad efter styrelsen eller presidiet, i föreningens egen text",
          "listed after the board or its presidium, in the association's own text"),
    Label("extract.affiliation.own_board_title", "styrelseledamot (styrelsens ordförande) i föreningens egen text",
          "a member (chair) of the board, in the association's own text"),
    Label("extract.membership.visited", "besökt av föreningen som säger att den besöker sina medlemskommuner",
          "visited by the association that says it visits its member municipalities"),
    Label("extract.membership.listed", "uppräknad bland medlems- eller ägarkommunerna (i föreningens egen text: "
          "föreningens)", "listed among the member or owner municipalities (in an association's own text: "
          "the association's)"),
    Label("extract.affiliation.lead", "raden före nämner vems tjänstepersoner de är (två lika ofta nämnda)",
          "the line before says whose officials they are (of two named as often)"),
)


# ------------------------------------------------------------------ derived lists
def prefixes(use: str) -> dict[str, str]:
    """``{prefix: namespace IRI}`` of the prefixes declared for ``use`` (one of :data:`PREFIX_USES`;
    ``void`` includes the ``turtle`` ones)."""
    if use not in PREFIX_USES:
        raise ValueError(f"unknown prefix use {use!r}; one of {', '.join(PREFIX_USES)}")
    wanted = {"turtle", "void"} if use == "void" else {use}
    return {p.name: p.iri for p in PREFIXES if wanted.intersection(p.uses)}


def kgo_terms() -> tuple[str, ...]:
    """Every ``kgo:`` term: the classes, then the properties (the closed namespace)."""
    return tuple(c.name for c in CLASSES) + tuple(p.name for p in PREDICATES)


def class_names(*nodes: str) -> tuple[str, ...]:
    """The classes whose nodes are of one of the kinds ``nodes`` (all classes when none is given)."""
    return tuple(c.name for c in CLASSES if not nodes or c.node in nodes)


def predicate_names(group: str | None = None, kind: str | None = None) -> tuple[str, ...]:
    """The predicates of ``group`` and ``kind`` (any when None), in table order."""
    return tuple(p.name for p in PREDICATES
                 if (group is None or p.group == group) and (kind is None or p.kind == kind))


def relations() -> tuple[str, ...]:
    """The relations between nodes that the store links and ``kgraph query`` may traverse."""
    return tuple(p.name for p in PREDICATES if p.path)


def path_relations(path: str = "default") -> tuple[str, ...]:
    """The relations ``kgraph query path`` follows unasked (``default``) or only with ``--via``."""
    return tuple(p.name for p in PREDICATES if p.path == path)


def view_phrases() -> dict[str, tuple[str, str]]:
    """``{predicate: (phrase from the subject, phrase from the object)}`` for the view."""
    return {p.name: p.view for p in PREDICATES if p.view[0]}


def drawn_predicates() -> frozenset[str]:
    """The predicates the view draws as edges."""
    return frozenset(p.name for p in PREDICATES if p.drawn)


def literal_labels() -> dict[str, str]:
    """``{literal predicate: Swedish label}`` (the view lists a node's literals by these)."""
    return {p.name: p.sv for p in PREDICATES if p.kind == "literal"}


def class_view_names() -> dict[str, str]:
    """``{class: its Swedish name in the view}`` for the classes the view draws."""
    return {c.name: c.view for c in CLASSES if c.view}


def meeting_kind_names() -> tuple[str, ...]:
    return tuple(k.name for k in MEETING_KINDS)


def meeting_status_names() -> tuple[str, ...]:
    return tuple(s.name for s in MEETING_STATUSES)


def meeting_kind_labels(lang: str = "sv") -> dict[str, str]:
    """``{meeting kind: label}`` in Swedish (``sv``) or English (``en``)."""
    return {k.name: getattr(k, lang) for k in MEETING_KINDS}


def inferred_rules(lang: str = "en") -> dict[str, str]:
    """Inference rule -> what it infers, in ``lang`` ("sv" or "en")."""
    return {x.name: getattr(x, lang) for x in INFERRED_RULES}
