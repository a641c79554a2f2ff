// Pricing module: see ARCHITECTURE.md
