// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "provenance",
    products: [
        .executable(name: "provenance", targets: ["provenance"]),
        .library(name: "ProvenanceParsing", targets: ["ProvenanceParsing"]),
        .library(name: "ProvenanceAttribution", targets: ["ProvenanceAttribution"]),
        .library(name: "ProvenanceGraph", targets: ["ProvenanceGraph"]),
        .library(name: "ProvenanceStore", targets: ["ProvenanceStore"]),
        .library(name: "ProvenanceReports", targets: ["ProvenanceReports"]),
        .library(name: "ProvenanceServer", targets: ["ProvenanceServer"]),
        .library(name: "ProvenancePipeline", targets: ["ProvenancePipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    ],
    targets: [
        // libxml2 from Debian's libxml2-dev; only Core/HTML/LibXML2Parser.swift imports it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // zlib from Debian's zlib1g-dev, for gzip inputs; only Core/Input/Gzip.swift imports it.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Snowball's stemmers from Debian's libstemmer-dev (no pkg-config file); only
        // Core/Matching/SnowballStemmer.swift imports it.
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        // Stage 1: bytes → Article (HTML through libxml2, plain text by hand).
        .target(
            name: "ProvenanceParsing",
            dependencies: ["CLibXML2", "CZlib"],
            // The learned block model, made by `provenance-train extraction`.
            resources: [.copy("Resources/blocks.model")]
        ),
        // Stage 2: Article → sentences, quotations, sources, claims.
        .target(
            name: "ProvenanceAttribution",
            dependencies: ["ProvenanceParsing"],
            // The learned attribution model, made by `provenance-train attribution`.
            resources: [.copy("Resources/attribution.model")]
        ),
        // Stage 3: claims across documents — same claims, derivations, chains, findings.
        .target(
            name: "ProvenanceGraph",
            dependencies: ["CStemmer", "ProvenanceParsing", "ProvenanceAttribution"],
            // The learned similarity, made by `provenance-train similarity`, and the
            // languages claims are read in.
            resources: [.copy("Resources/linking.model"), .copy("Resources/languages.txt")]
        ),
        // The corpus store: SQLite through GRDB, one transaction per document.
        .target(
            name: "ProvenanceStore",
            dependencies: [
                "ProvenanceParsing", "ProvenanceAttribution", "ProvenanceGraph",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Last stage: renderers, one per output format.
        .target(
            name: "ProvenanceReports",
            dependencies: ["ProvenanceParsing", "ProvenanceAttribution", "ProvenanceGraph"]
        ),
        // `provenance serve`: a local web application over a store (pages and a JSON API).
        .target(
            name: "ProvenanceServer",
            dependencies: [
                "ProvenanceStore", "ProvenanceReports",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // The stages run as one: inputs read, extracted, attributed and linked on every
        // core, or the part of a store a report needs (shared by the CLI and anyone else).
        .target(
            name: "ProvenancePipeline",
            dependencies: ["ProvenanceParsing", "ProvenanceAttribution", "ProvenanceGraph", "ProvenanceStore"]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "provenance",
            dependencies: [
                "ProvenanceParsing",
                "ProvenanceAttribution",
                "ProvenanceGraph",
                "ProvenanceStore",
                "ProvenanceReports",
                "ProvenanceServer",
                "ProvenancePipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Speed of extraction next to libxml2's raw parse (release builds only make sense).
        .executableTarget(
            name: "provenance-bench",
            dependencies: [
                "CZlib", "ProvenanceParsing", "ProvenanceAttribution", "ProvenanceGraph", "ProvenanceReports", "ProvenanceStore",
            ],
            path: "Benchmarks/provenance-bench"
        ),
        // Learns the model weights shipped in the resources from ../shared/corpus (not part of the product).
        .executableTarget(
            name: "provenance-train",
            dependencies: [
                "ProvenanceParsing", "ProvenanceAttribution", "ProvenanceGraph",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Training/provenance-train"
        ),
        // libFuzzer targets (Fuzz/run.sh); built plainly, a runner for saved inputs.
        .executableTarget(
            name: "provenance-fuzz",
            dependencies: ["ProvenanceParsing", "ProvenanceAttribution", "ProvenanceGraph", "ProvenanceReports", "ProvenanceStore"],
            path: "Fuzz/provenance-fuzz"
        ),
        .testTarget(
            name: "ProvenanceParsingTests",
            dependencies: ["ProvenanceParsing"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ProvenanceAttributionTests",
            dependencies: ["ProvenanceAttribution"]
        ),
        .testTarget(
            name: "ProvenanceGraphTests",
            dependencies: ["ProvenanceGraph"]
        ),
        .testTarget(
            name: "ProvenanceStoreTests",
            dependencies: ["ProvenanceStore"]
        ),
        .testTarget(
            name: "ProvenanceServerTests",
            dependencies: [
                "ProvenanceServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "ProvenanceReportsTests",
            dependencies: ["ProvenanceReports"]
        ),
        .testTarget(
            name: "ProvenancePipelineTests",
            dependencies: ["ProvenancePipeline", "ProvenanceReports", "ProvenanceParsing"],
            exclude: ["Fixtures"]
        ),
        // Counts the allocations of the calling thread, for the growth tests
        // (it defines malloc for the whole test process; see the file).
        .target(
            name: "AllocationCounter",
            path: "Tests/AllocationCounter"
        ),
        .testTarget(
            name: "GrowthTests",
            dependencies: ["AllocationCounter", "ProvenanceParsing", "ProvenanceAttribution", "ProvenanceGraph", "ProvenanceReports"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["provenance", "provenance-train"],
            exclude: ["Snapshots", "Fixtures"]
        ),
    ]
)
