"""The graph in RDF: checked namespaces, deterministic IRIs, the mapping of records to triples,
SHACL validation and graph files."""
