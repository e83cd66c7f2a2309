"""kg: knowledge graphs of officials, institutions, events and places from Indonesian news."""

__version__ = "0.1.0"

# The package's layers, in the order data flows through a build: a module imports only from its
# own layer or those before it (tests/test_layering.py checks it). Each name is a subpackage, a
# module (without .py) or a data folder directly under kg/.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("__init__", "vocab", "records", "errors", "spill"),  # kinds and relations; the records
    # between stages; records kept on disk while a build runs
    ("lexicons",),  # word lists and the gazetteer of regions
    ("nlp", "models"),  # tokens, sentences, dates, names; the statistical recogniser
    ("ingest",),  # sources -> Articles
    ("extract",),  # Article -> Extraction (mentions, entities, facts)
    ("identity",),  # one entity across articles; conflicts between reports
    ("rdf",),  # records -> triples, IRIs, SHACL, graph files
    ("network",),  # the graph as a networkx network; measures and exports for other tools
    ("viz",),  # the HTML explorer
    ("pipeline", "cluster"),  # the build: read -> extract -> unify -> graph -> outputs; on Dask
    ("store", "queries"),  # the persistent store, kg serve, kg push, named SPARQL questions
    ("quality",),  # scores against gold facts
    ("cli", "__main__"),  # the command line
)
