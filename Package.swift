// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Tuanju",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tuanju", targets: ["tuanju"]),
        .executable(name: "tuanju-bench", targets: ["TuanjuBench"]),
        .executable(name: "tuanju-stress", targets: ["TuanjuStress"]),
        .executable(name: "tuanju-receiver", targets: ["TuanjuReceiver"]),
        .executable(name: "tuanju-hello", targets: ["TuanjuHello"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        // Hummingbird's own dependencies, named because TuanjuHTTP's connection timeouts use them directly.
        .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", exact: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        // GET /metrics: the SSWG metrics API, exposed in Prometheus's text format.
        .package(url: "https://github.com/swift-server/swift-prometheus.git", exact: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", exact: "2.13.0"),
        // The console's HTML templates: logic-less, escaping by default.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        // Values and pure rules, no I/O.
        .target(name: "TuanjuCore"),
        // Streaming CSV reader shared by every importer, and the one formula-safe CSV writer of every export.
        .target(name: "CSVReader", dependencies: ["TuanjuCore"]),
        // SQLite: AppDatabase, migrations, outbox.
        .target(name: "Storage", dependencies: [
            "TuanjuCore", "CSQLiteSetup",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // Process-wide SQLite configuration Swift cannot call (sqlite3_config is variadic).
        .target(name: "CSQLiteSetup", linkerSettings: [.linkedLibrary("sqlite3")]),
        // Feature modules: rules + records + queries, run inside the caller's transaction.
        .target(name: "Identity", dependencies: [
            "TuanjuCore",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "Riders", dependencies: [
            "TuanjuCore", "CSVReader", "Storage",  // Storage: Keyset, the cursor paging of list queries
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "Points", dependencies: [
            "TuanjuCore", "Storage",  // Storage: Keyset, the cursor paging of list queries
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "Governance", dependencies: [
            "TuanjuCore", "Storage",  // Storage: Keyset, the cursor paging of list queries
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Warm-heart map: service points, R*Tree nearest search, opening hours, imports, demand cells.
        .target(name: "ServiceMap", dependencies: [
            "TuanjuCore", "CSVReader", "Storage",  // Storage: RawRows, the search's C-API stepping
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // Photo validation (JPEG/PNG by their bytes), metadata stripping, EXIF GPS, content-addressed files.
        // Decoding, lossless turning and thumbnails through libjpeg-turbo and libpng; perceptual hashes.
        .target(name: "PhotoStore", dependencies: [
            "TuanjuCore", "CTurboJPEG", "CPNG",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // libjpeg-turbo's TurboJPEG API (libturbojpeg0-dev 2.1.5): tjTransform, scaled tjDecompress2, tjCompress2.
        .systemLibrary(name: "CTurboJPEG", path: "Sources/CTurboJPEG", providers: [.apt(["libturbojpeg0-dev"])]),
        // libpng 1.6's simplified (longjmp-free) reading API (libpng-dev).
        .systemLibrary(name: "CPNG", path: "Sources/CPNG", providers: [.apt(["libpng-dev"])]),
        // Photo reports: submission rules, duplicates, review state machine, exports.
        .target(name: "Reports", dependencies: [
            "TuanjuCore", "Storage", "CSVReader",  // Storage: Keyset, the cursor paging of list queries
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),  // the Open311 writer reads columns with the C API
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Questionnaires and the group portrait, activity sign-ups with waitlists, party lessons.
        .target(name: "Engagement", dependencies: [
            "TuanjuCore", "CSVReader",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Test/bench support: builds real JPEG and PNG files (with or without EXIF GPS) in memory.
        .target(name: "PhotoFixtures", path: "Tools/PhotoFixtures"),
        // libcurl through typed wrappers of its variadic calls (libcurl4-openssl-dev).
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // Webhooks: endpoints, fan-out of the outbox, Standard Webhooks signatures, delivery and retry.
        .target(name: "Notifier", dependencies: [
            "TuanjuCore", "Storage", "CCurl",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Seed data (text) shipped inside the binary's resource bundle. Seed/samples (the files the guides use:
        // a riders CSV, a photo, survey answers, a quiz, a map CSV) ships too, for `tuanju demo` to use the very
        // files the tours name; `init` never reads it.
        .target(
            name: "TuanjuSeed",
            path: "Seed",
            exclude: ["README.md"],
            sources: ["SeedBundle.swift"],
            resources: [.copy("data"), .copy("samples")]
        ),
        // Use cases: one write transaction each, authorization, outbox events.
        .target(name: "TuanjuService", dependencies: [
            "TuanjuCore", "Storage", "Identity", "Riders", "Governance", "Points", "Notifier", "TuanjuSeed",
            "ServiceMap", "CSVReader", "Reports", "PhotoStore", "Engagement",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The JSON shapes of CLI.md (`--json` output), shared by the CLI and the HTTP API.
        .target(name: "TuanjuViews", dependencies: [
            "TuanjuCore", "TuanjuService", "Storage", "Riders", "ServiceMap", "Governance", "Points", "Reports", "Engagement",
        ]),
        // The coordinators' console in the browser (#23): server-rendered Mustache pages over the service layer,
        // mounted by TuanjuHTTP under /console. Templates, CSS and JS are resources (served by the server itself).
        .target(
            name: "TuanjuConsole",
            dependencies: [
                "TuanjuCore", "TuanjuService", "TuanjuViews", "Identity", "Reports", "ServiceMap", "Points",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources")]
        ),
        // The HTTP JSON API and Open311 GeoReport v2 over the service layer (Hummingbird).
        .target(name: "TuanjuHTTP", dependencies: [
            "TuanjuConsole", "TuanjuCore", "TuanjuService", "TuanjuViews", "Storage", "Riders", "ServiceMap", "Governance", "Points",
            "Reports", "Engagement", "PhotoStore",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "CoreMetrics", package: "swift-metrics"),
        ]),
        .target(name: "TuanjuCLI", dependencies: [
            "TuanjuCore", "TuanjuService", "TuanjuViews", "TuanjuHTTP", "TuanjuSeed", "CSVReader", "Identity", "Riders", "ServiceMap",
            "Governance", "Reports", "PhotoStore", "Points", "Engagement", "Notifier",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "tuanju", dependencies: ["TuanjuCLI"]),
        .executableTarget(
            name: "TuanjuBench",
            dependencies: [
                "TuanjuCore", "TuanjuService", "CSVReader", "Governance", "Notifier", "ServiceMap",
                "Reports", "PhotoStore", "PhotoFixtures", "CCurl",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Tools/TuanjuBench"
        ),
        // The benchmarks' webhook receiver: Hummingbird, verifies signatures, counts deliveries.
        .executableTarget(
            name: "TuanjuReceiver",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Tools/TuanjuReceiver"
        ),
        // Tools/load's floor: a bare Hummingbird server answering /healthz.
        .executableTarget(
            name: "TuanjuHello",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "Tools/TuanjuHello"
        ),
        // Fuzzing (Tools/fuzz): one libFuzzer target per parser of untrusted bytes. A plain build runs the
        // inputs named on its command line once (a regression runner); Tools/fuzz builds them with
        // `-sanitize=fuzzer,address -DFUZZING`, which hands `main` to libFuzzer's driver.
        .systemLibrary(name: "CLibFuzzer", path: "Tools/Fuzz/CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"], path: "Tools/Fuzz/FuzzSupport"),
        .executableTarget(
            name: "FuzzPhoto", dependencies: ["FuzzSupport", "PhotoStore", "PhotoFixtures"], path: "Tools/Fuzz/FuzzPhoto"),
        .executableTarget(
            name: "FuzzCSV", dependencies: ["FuzzSupport", "CSVReader", "Riders", "TuanjuCore"], path: "Tools/Fuzz/FuzzCSV"),
        .executableTarget(
            name: "FuzzGeoJSON", dependencies: ["FuzzSupport", "ServiceMap", "TuanjuCore"], path: "Tools/Fuzz/FuzzGeoJSON"),
        .executableTarget(
            name: "FuzzOpeningHours", dependencies: ["FuzzSupport", "ServiceMap"], path: "Tools/Fuzz/FuzzOpeningHours"),
        .executableTarget(
            name: "FuzzSurvey", dependencies: ["FuzzSupport", "Engagement", "TuanjuCore", "TuanjuSeed"],
            path: "Tools/Fuzz/FuzzSurvey"),
        // Multi-process stress run and crash loops (Tools/stress, Tools/crash-loops).
        .executableTarget(
            name: "TuanjuStress",
            dependencies: [
                "TuanjuCore", "TuanjuService", "Storage", "Governance", "PhotoFixtures",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tools/TuanjuStress"
        ),
        .testTarget(name: "TuanjuCoreTests", dependencies: ["TuanjuCore"]),
        // Every module's message catalogue in one list, checked for both languages and the same arguments.
        .testTarget(name: "CatalogTests", dependencies: [
            "TuanjuCore", "CSVReader", "Storage", "Identity", "Riders", "Governance", "Points", "ServiceMap", "PhotoStore",
            "Reports", "Engagement", "Notifier", "TuanjuService", "TuanjuHTTP", "TuanjuCLI", "TuanjuConsole",
        ]),
        .testTarget(name: "CSVReaderTests", dependencies: ["CSVReader"]),
        .testTarget(name: "StorageTests", dependencies: [
            "Storage", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "RidersTests", dependencies: ["Riders", "TuanjuCore"]),
        .testTarget(name: "NotifierTests", dependencies: [
            "Notifier", "TuanjuCore", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .testTarget(name: "ServiceMapTests", dependencies: [
            "ServiceMap", "TuanjuCore", "Storage", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "PhotoStoreTests", dependencies: [
            "PhotoStore", "PhotoFixtures", "TuanjuCore", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .testTarget(name: "EngagementTests", dependencies: ["Engagement", "TuanjuCore", "CSVReader"]),
        .testTarget(
            name: "TuanjuCLITests",
            dependencies: [
                "TuanjuCLI", "TuanjuService", "Storage", "TuanjuCore", "Governance", "Notifier", "PhotoStore", "PhotoFixtures",
                "Points", "CSVReader",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Golden"]),
        .testTarget(
            name: "TuanjuHTTPTests",
            dependencies: [
                "TuanjuHTTP", "TuanjuService", "TuanjuCore", "PhotoFixtures", "Identity", "Storage", "Reports", "Notifier", "TuanjuViews", "ServiceMap",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
    ]
)
