// Builds JPEG and PNG files for tests and benchmarks.
