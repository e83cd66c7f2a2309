"""Where a built graph is kept and served: the persistent store, kg serve, kg push, SPARQL."""
