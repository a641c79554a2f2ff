// Knowledge module: see ARCHITECTURE.md
