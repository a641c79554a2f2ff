// ShellCore module: see ARCHITECTURE.md
