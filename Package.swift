// swift-tools-version:6.0
import PackageDescription

/// Settings every Lotse target shares (Swift 6 language mode is the default of tools 6.0).
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Lotse",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lotse", targets: ["lotse"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
    ],
    targets: [
        // C libraries, found by pkg-config.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),

        // Pure engines.
        .target(name: "LotseCalendar", swiftSettings: strict),
        .target(name: "LotseXPath", dependencies: ["LotseCalendar"], swiftSettings: strict),
        .target(name: "LotseXML", dependencies: ["CLibXML2"], swiftSettings: strict),
        .target(name: "LotseForms", dependencies: ["LotseXML", "LotseXPath", "LotseCalendar"], swiftSettings: strict),
        .target(name: "LotseWorkflow", dependencies: ["LotseXML", "LotseXPath"], swiftSettings: strict),

        // Storage and domain.
        .target(name: "LotseStore", dependencies: [
            "CSQLite", "CLibPQ", "LotseCalendar",
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: strict),
        .target(name: "LotseCases", dependencies: [
            "LotseStore", "LotseForms", "LotseWorkflow", "LotseXML", "LotseXPath", "LotseCalendar",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
        ], swiftSettings: strict),

        .target(name: "LotseEvaluation", dependencies: [
            "LotseCases", "LotseStore", "LotseForms", "LotseWorkflow", "LotseXML", "LotseXPath",
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: strict),
        // The demo region generator: a synthetic model project built through the real office only.
        .target(name: "LotseDemo", dependencies: ["LotseCases", "LotseStore", "LotseXPath"], swiftSettings: strict),

        // The shell and the executable.
        .target(name: "LotseShell", dependencies: [
            "CLibEdit", "LotseCases", "LotseStore", "LotseForms", "LotseWorkflow", "LotseEvaluation", "LotseDemo",
        ], swiftSettings: strict),
        .executableTarget(name: "lotse", dependencies: ["LotseShell"], swiftSettings: strict),
        // Benchmarks, run by hand: swift run -c release lotse-bench
        .executableTarget(name: "lotse-bench", dependencies: [
            "LotseCases", "LotseStore", "LotseForms", "LotseWorkflow", "LotseXPath", "LotseEvaluation", "LotseDemo", "LotseShell",
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: strict),

        // Tests.
        .target(name: "LotseTestSupport", dependencies: [
            "LotseShell", "LotseCases", "LotseStore", "LotseForms", "LotseXPath", "LotseDemo",
        ],
                path: "Sources/LotseTestSupport", swiftSettings: strict),
        .testTarget(name: "LotseCalendarTests", dependencies: ["LotseCalendar"]),
        .testTarget(name: "LotseXPathTests", dependencies: ["LotseXPath"]),
        .testTarget(name: "LotseXMLTests", dependencies: ["LotseXML"]),
        .testTarget(name: "LotseFormsTests", dependencies: ["LotseForms"], exclude: ["Fixtures"]),
        .testTarget(name: "LotseWorkflowTests", dependencies: ["LotseWorkflow", "LotseXML", "LotseXPath"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "LotseStoreTests", dependencies: ["LotseStore", "LotseTestSupport"]),
        .testTarget(name: "LotseCasesTests", dependencies: ["LotseCases", "LotseTestSupport"]),
        .testTarget(name: "LotseEvaluationTests", dependencies: ["LotseEvaluation", "LotseTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "LotseDemoTests", dependencies: ["LotseDemo", "LotseEvaluation", "LotseTestSupport"]),
        .testTarget(name: "LotseShellTests", dependencies: ["LotseShell", "LotseTestSupport"],
                    exclude: ["Transcripts"]),
    ]
)
