"""Named SPARQL questions, one .rq file each."""
