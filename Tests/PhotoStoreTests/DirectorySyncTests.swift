import Foundation
import PhotoFixtures
import Synchronization
import Testing
@testable import PhotoStore

@Suite("Group fsync of photo directories")
struct DirectorySyncTests {
    @Test("Concurrent callers share directory fsyncs, and each returns only after one that started after its call")
    func shared() throws {
        try withTemporaryDirectory { directory in
            let sync = DirectorySync()
            let calls = 16 * 25
            let returned = Atomic<Int>(0)
            let group = DispatchGroup()
            for _ in 0..<16 {
                group.enter()
                Thread {
                    for _ in 0..<25 { try? sync.sync(directory.path); returned.add(1, ordering: .relaxed) }
                    group.leave()
                }.start()
            }
            group.wait()
            #expect(returned.load(ordering: .relaxed) == calls)
            #expect(sync.fsyncCount >= 1)
            #expect(sync.fsyncCount < calls, "\(sync.fsyncCount) fsyncs for \(calls) calls")
            // Alone, a caller always runs its own fsync (nothing running could cover its rename).
            let before = sync.fsyncCount
            try sync.sync(directory.path)
            #expect(sync.fsyncCount == before + 1)
        }
    }

    @Test("A photo and its thumbnail are stored together, in the photo's shard, with nothing left in tmp/")
    func photoWithThumbnail() throws {
        try withTemporaryDirectory { directory in
            let store = PhotoStore(root: directory.appendingPathComponent("photos"))
            let checked = try PhotoCheck.check(PhotoFixtures.jpeg(width: 64, height: 48, seed: 9))
            let thumbnail = Array(PhotoFixtures.jpeg(width: 16, height: 12, seed: 9))
            let stored = try store.store(checked, thumbnail: thumbnail)
            #expect(stored.isNew)
            #expect(try [UInt8](Data(contentsOf: stored.url)) == checked.bytes)
            #expect(try [UInt8](Data(contentsOf: try #require(store.thumbnailURL(for: stored.hash)))) == thumbnail)
            #expect(store.hasThumbnail(stored.hash))
            #expect(try FileManager.default.contentsOfDirectory(atPath: store.root.appendingPathComponent("tmp").path).isEmpty)
            // Again: nothing new; a missing thumbnail alone is written back.
            try FileManager.default.removeItem(at: try #require(store.thumbnailURL(for: stored.hash)))
            #expect(!(try store.store(checked, thumbnail: thumbnail)).isNew)
            #expect(store.hasThumbnail(stored.hash))
        }
    }
}
