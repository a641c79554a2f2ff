// Scripting module: see ARCHITECTURE.md
