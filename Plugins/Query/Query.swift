// Query module: see ARCHITECTURE.md
