// KnowledgeGraph module: see ARCHITECTURE.md
