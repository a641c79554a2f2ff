// Graph module: see ARCHITECTURE.md
