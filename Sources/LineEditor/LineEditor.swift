// LineEditor module: see ARCHITECTURE.md
