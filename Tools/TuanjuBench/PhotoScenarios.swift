import Foundation
import PhotoFixtures
import PhotoStore

/// `photo-print`: the cost per photo of what a submission now adds — a scaled decode of a 12-megapixel phone
/// photo (4032 × 3024), its 320-pixel thumbnail and its perceptual hash. Raw: a full-size decode of the same
/// file with libjpeg-turbo, which is what a viewer or a naive thumbnailer pays.
struct PhotoPrintScenario: Scenario {
    let photos = Bench.size(10, quick: 2)

    func prepare(_ work: String) throws {
        let (width, height) = (4032, 3024)
        let image = PixelImage(width: width, height: height, channels: 3, pixels: ScenePicture.rgb(width: width, height: height, seed: 12))
        let bytes = try TurboJPEG.encode(image, quality: 90)
        try Data(bytes).write(to: URL(fileURLWithPath: work + "/photo.jpg"))
    }

    func runOurs(_ work: String) throws -> Int {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: work + "/photo.jpg")))
        var hashes: Set<UInt64> = []
        for _ in 0..<photos { hashes.insert(try PhotoPrint.make(bytes, format: .jpeg).perceptualHash) }
        precondition(hashes.count == 1, "the same photo always gets the same hash")
        return photos
    }

    func runRaw(_ work: String) throws -> Int {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: work + "/photo.jpg")))
        for _ in 0..<photos { _ = try TurboJPEG.decode(bytes, atLeast: 1 << 20) }
        return photos
    }
}

/// `photo-reuse-lookup`: look-ups of a photo's hash against 100,000 stored hashes (30 days of a large city)
/// within the re-use distance. Ours: the multi-index `HammingIndex` (its build time is reported on stderr, not
/// timed); raw: a linear scan with popcount over the same array. A quarter of the queries have a planted match.
struct PhotoReuseLookupScenario: Scenario {
    let stored = Bench.size(100_000, quick: 5_000)
    let queries = Bench.size(20_000, quick: 2_000)

    func prepare(_ work: String) throws {}

    func data() -> (hashes: [UInt64], queries: [UInt64]) {
        var random = SeededGenerator(seed: 2026)
        let hashes = (0..<stored).map { _ in random.next() }
        let queries = (0..<queries).map { index -> UInt64 in
            guard index % 4 == 0 else { return random.next() }
            var near = hashes[Int(random.next() % UInt64(stored))]
            for _ in 0..<Int(random.next() % 9) { near ^= 1 << (random.next() % 64) }
            return near
        }
        return (hashes, queries)
    }

    func runOurs(_ work: String) throws -> Int {
        let (hashes, queries) = data()
        let building = Date()
        let index = HammingIndex(hashes)
        FileHandle.standardError.write(Data("photo-reuse-lookup: index of \(stored) built in \(Int(Date().timeIntervalSince(building) * 1000)) ms\n".utf8))
        let started = Date()
        var found = 0
        for query in queries { found += index.matches(of: query, within: PhotoPrint.reuseDistance).count }
        SelfTiming.seconds = Date().timeIntervalSince(started)
        precondition(found >= queries.count / 4, "every planted match is found")
        return queries.count
    }

    func runRaw(_ work: String) throws -> Int {
        let (hashes, queries) = data()
        let started = Date()
        var found = 0
        for query in queries {
            for hash in hashes where (hash ^ query).nonzeroBitCount <= PhotoPrint.reuseDistance { found += 1 }
        }
        SelfTiming.seconds = Date().timeIntervalSince(started)
        precondition(found >= queries.count / 4)
        return queries.count
    }
}
