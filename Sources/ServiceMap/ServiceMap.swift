// ServiceMap module: see ARCHITECTURE.md.
