// GraphQuery module: see ARCHITECTURE.md
