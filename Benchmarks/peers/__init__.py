"""One module per engine of the side-by-side benchmark (see Benchmarks/README.md)."""
