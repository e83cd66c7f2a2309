"""The graph as a network (networkx): projection, measures, and exports for other tools."""
