// ShellTesting module: see ARCHITECTURE.md
