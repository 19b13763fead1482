// Engagement module: see ARCHITECTURE.md.
