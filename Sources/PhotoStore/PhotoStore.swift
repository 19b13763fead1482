// PhotoStore module: see ARCHITECTURE.md.
