import Crypto
import Foundation
import PhotoFixtures
import PhotoStore
import Testing

@Suite("Content-addressed photo files")
struct PhotoStoreTests {
    @Test("A stored photo lives at ab/abcdef….jpg and its name is the SHA-256 of the file's bytes")
    func contentAddress() throws {
        try withTemporaryDirectory { directory in
            let store = PhotoStore(root: directory.appendingPathComponent("photos"))
            let checked = try PhotoCheck.check(Samples.phoneJPEG)

            let stored = try store.store(checked)

            #expect(stored.isNew)
            #expect(stored.hash == checked.sha256)
            let expectedPath = "photos/\(checked.sha256.prefix(2))/\(checked.sha256).jpg"
            #expect(stored.url.path.hasSuffix(expectedPath))
            let onDisk = try [UInt8](Data(contentsOf: stored.url))
            #expect(onDisk == checked.bytes)
            #expect(SHA256.hash(data: onDisk).map { String(format: "%02x", $0) }.joined() == stored.hash)
            #expect(!PhotoMetadata(reading: onDisk).hasExif)
            #expect(store.url(for: stored.hash) == stored.url)
            #expect(store.contains(stored.hash))
            // Nothing is left behind in tmp/
            #expect(try FileManager.default.contentsOfDirectory(atPath: store.root.appendingPathComponent("tmp").path).isEmpty)
        }
    }

    @Test("Storing the same photo twice is a no-op")
    func idempotent() throws {
        try withTemporaryDirectory { directory in
            let store = PhotoStore(root: directory.appendingPathComponent("photos"))
            let checked = try PhotoCheck.check(Samples.phonePNG)
            let first = try store.store(checked)
            let modified = try FileManager.default.attributesOfItem(atPath: first.url.path)[.modificationDate] as? Date

            // The same upload again, with different metadata: the stripped bytes, hence the hash, are the same
            let second = try store.store(try PhotoCheck.check(Samples.phonePNG + [0]))

            #expect(first.isNew && !second.isNew)
            #expect(second.hash == first.hash && second.url == first.url && second.format == first.format)
            #expect(try FileManager.default.attributesOfItem(atPath: first.url.path)[.modificationDate] as? Date == modified)
            #expect(try store.allHashes() == [first.hash])
            #expect(first.url.pathExtension == "png")
        }
    }

    @Test("allHashes walks the tree; remove deletes one photo and only that one")
    func listAndRemove() throws {
        try withTemporaryDirectory { directory in
            let store = PhotoStore(root: directory)
            #expect(try store.allHashes() == [])
            let photos = try (0..<6).map { seed in
                try store.store(PhotoCheck.check(PhotoFixtures.jpeg(width: 8, height: 8, seed: UInt64(seed))))
            }
            // Things in the tree that are not photos are not listed
            try Data([1]).write(to: directory.appendingPathComponent("README"))
            try Data([1]).write(to: photos[0].url.deletingLastPathComponent().appendingPathComponent("notes.txt"))
            #expect(try store.allHashes() == photos.map(\.hash).sorted())

            #expect(try store.remove(photos[2].hash))
            #expect(!store.contains(photos[2].hash))
            #expect(store.url(for: photos[2].hash) == nil)
            #expect(try !store.remove(photos[2].hash))
            #expect(try store.allHashes() == photos.map(\.hash).filter { $0 != photos[2].hash }.sorted())
        }
    }

    @Test("A hash that is not 64 hex digits never names a path")
    func hostileHashes() throws {
        let store = PhotoStore(root: URL(fileURLWithPath: "/tmp/photos"))
        for hash in ["../../etc/passwd", "", "ab", String(repeating: "A", count: 64), String(repeating: "a", count: 63) + "/"] {
            #expect(store.url(for: hash, format: .jpeg) == nil)
            #expect(!store.contains(hash))
            #expect(try !store.remove(hash))
        }
    }

    @Test("Stale temporaries left by a crash are removed; fresh ones are kept")
    func staleTemporaries() throws {
        try withTemporaryDirectory { directory in
            let store = PhotoStore(root: directory)
            #expect(try store.removeStaleTemporaries() == 0)
            let stored = try store.store(PhotoCheck.check(Samples.phoneJPEG))
            let temporary = directory.appendingPathComponent("tmp")
            let old = temporary.appendingPathComponent("\(stored.hash).1.1.part")
            let fresh = temporary.appendingPathComponent("\(stored.hash).2.2.part")
            try Data([1, 2, 3]).write(to: old)
            try Data([1, 2, 3]).write(to: fresh)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: old.path)

            #expect(try store.removeStaleTemporaries(olderThan: 3600) == 1)

            #expect(!FileManager.default.fileExists(atPath: old.path))
            #expect(FileManager.default.fileExists(atPath: fresh.path))
            #expect(store.contains(stored.hash))
            #expect(try store.allHashes() == [stored.hash])
        }
    }

    @Test("A store whose root cannot be created says so, as a problem with the data directory")
    func unusableRoot() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("not-a-directory")
            try Data([1]).write(to: file)
            let store = PhotoStore(root: file.appendingPathComponent("photos"))
            let error = thrownError { try store.store(PhotoCheck.check(Samples.phoneJPEG)) } as? PhotoError
            #expect(error?.category == .noInput)
            #expect(error?.code == "photo_store_failed")
            #expect(error?.message.contains("not-a-directory") == true)
        }
    }

    @Test("createShards makes the 256 shard directories once; a photo stored after it creates no directory")
    func shardsUpFront() throws {
        try withTemporaryDirectory { directory in
            let store = PhotoStore(root: directory.appendingPathComponent("photos"))
            #expect(!store.lacksShards)  // no store at all: nothing is lacking (a missing store is doctor's to report)
            try store.createShards()
            let names = try FileManager.default.contentsOfDirectory(atPath: store.root.path).sorted()
            #expect(names.count == 257 && names.first == "00" && names.contains("ff") && names.contains("tmp"))
            #expect(!store.lacksShards)
            try store.createShards()  // again: nothing changes

            let stored = try store.store(PhotoCheck.check(Samples.phoneJPEG), thumbnail: [0xFF, 0xD8, 0xFF, 0xD9])

            #expect(try FileManager.default.contentsOfDirectory(atPath: store.root.path).sorted() == names)
            #expect(try store.allHashes() == [stored.hash])
            #expect(store.hasThumbnail(stored.hash))
            // A store made before shards were created up front lacks them until it is opened again
            try FileManager.default.removeItem(at: store.root.appendingPathComponent("ff"))
            #expect(store.lacksShards)
        }
    }
}
