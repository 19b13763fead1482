import Foundation
import TuanjuCore

/// A photo file in the store.
public struct StoredPhoto: Sendable, Equatable {
    /// The SHA-256 of the file's bytes, lower-case hex: its name and its identity.
    public let hash: String
    public let format: ImageFormat
    public let url: URL
    /// False when the same bytes were stored before (storing is idempotent).
    public let isNew: Bool
}

/// Checked photos as files named by their SHA-256 under `<data>/photos`: `ab/abcdef….jpg`, the first two
/// hex digits as a subdirectory so no directory grows past a few thousand entries. A file appears
/// complete or not at all: it is written to `tmp/`, flushed, renamed into place, and its directory flushed.
public struct PhotoStore: Sendable {
    public let root: URL

    /// - Parameter root: the photos directory, normally `<data>/photos`; created on the first `store`.
    public init(root: URL) {
        self.root = root
    }

    var temporaryDirectory: URL { root.appendingPathComponent("tmp", isDirectory: true) }

    /// Writes the photo unless a file with its hash is already there.
    public func store(_ photo: CheckedPhoto) throws(PhotoError) -> StoredPhoto {
        let hash = photo.sha256
        guard let destination = url(for: hash, format: photo.format) else { preconditionFailure("CheckedPhoto hash \(hash)") }
        let isNew = try writeDurably([(photo.bytes, destination)], name: hash)[0]
        return StoredPhoto(hash: hash, format: photo.format, url: destination, isNew: isNew)
    }

    /// Writes the photo and its thumbnail (each unless already there), both in the photo's shard directory,
    /// so one directory fsync makes both names durable.
    public func store(_ photo: CheckedPhoto, thumbnail: [UInt8]) throws(PhotoError) -> StoredPhoto {
        let hash = photo.sha256
        guard let destination = url(for: hash, format: photo.format), let thumbnailDestination = thumbnailURL(for: hash) else {
            preconditionFailure("CheckedPhoto hash \(hash)")
        }
        let isNew = try writeDurably([(photo.bytes, destination), (thumbnail, thumbnailDestination)], name: hash)[0]
        return StoredPhoto(hash: hash, format: photo.format, url: destination, isNew: isNew)
    }

    /// Writes the thumbnail of the photo `hash` beside it (`ab/<hash>.thumb.jpg`), unless it is there already.
    @discardableResult
    public func storeThumbnail(_ bytes: [UInt8], of hash: String) throws(PhotoError) -> URL {
        guard let destination = thumbnailURL(for: hash) else { preconditionFailure("thumbnail of \(hash)") }
        _ = try writeDurably([(bytes, destination)], name: hash)
        return destination
    }

    /// Where the thumbnail of the photo `hash` is (or would be) stored; nil for a malformed hash.
    public func thumbnailURL(for hash: String) -> URL? {
        guard Self.isHash(hash) else { return nil }
        return root.appendingPathComponent(String(hash.prefix(2)), isDirectory: true)
            .appendingPathComponent("\(hash).\(Self.thumbnailSuffix)")
    }

    /// `<hash>.thumb.jpg`: three dot-separated parts, so `allHashes` never takes a thumbnail for a photo.
    static let thumbnailSuffix = "thumb.jpg"

    /// Whether the thumbnail of the photo `hash` is on disk.
    public func hasThumbnail(_ hash: String) -> Bool {
        thumbnailURL(for: hash).map { DurableFiles.isRegularFile($0.path) } ?? false
    }

    /// Temporary file, fsync, rename, fsync of the directory: each file appears complete or not at all. The
    /// files share one directory (the photo's shard); its fsync is shared with concurrent stores of this
    /// process (`DirectorySync`). Returns, per file, false when it was already there.
    func writeDurably(_ files: [(bytes: [UInt8], destination: URL)], name: String) throws(PhotoError) -> [Bool] {
        let written = files.map { !DurableFiles.isRegularFile($0.destination.path) }
        guard written.contains(true) else { return written }
        let shard = files[0].destination.deletingLastPathComponent()
        try makeRootDirectories()
        let shardIsNew = try DurableFiles.makeDirectory(shard.path)

        for (file, isNew) in zip(files, written) where isNew {
            let temporary = temporaryDirectory.appendingPathComponent(
                "\(name).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).part").path
            try DurableFiles.writeNewFile(file.bytes, at: temporary)
            do {
                try DurableFiles.move(temporary, to: file.destination.path)
            } catch {
                _ = try? DurableFiles.remove(temporary)
                throw error
            }
        }
        try DirectorySync.shared.sync(shard.path)
        if shardIsNew { try DirectorySync.shared.sync(root.path) }
        return written
    }

    /// Where a photo with this hash and format is (or would be) stored; nil if `hash` is not 64 lower-case
    /// hex digits, so a hash from a request can never name a path outside the store.
    public func url(for hash: String, format: ImageFormat) -> URL? {
        guard Self.isHash(hash) else { return nil }
        return root.appendingPathComponent(String(hash.prefix(2)), isDirectory: true)
            .appendingPathComponent("\(hash).\(format.fileExtension)")
    }

    /// The stored file with this hash, whichever its format; nil if there is none.
    public func url(for hash: String) -> URL? {
        ImageFormat.allCases.lazy.compactMap { url(for: hash, format: $0) }
            .first { DurableFiles.isRegularFile($0.path) }
    }

    public func contains(_ hash: String) -> Bool {
        url(for: hash) != nil
    }

    /// Every stored hash, sorted, found by walking the subdirectories (temporaries are not photos).
    public func allHashes() throws(PhotoError) -> [String] {
        var hashes: [String] = []
        for shard in try DurableFiles.names(in: root.path).sorted() where shard.count == 2 && Self.isHex(shard) {
            for name in try DurableFiles.names(in: root.appendingPathComponent(shard).path) {
                let parts = name.split(separator: ".")
                guard parts.count == 2, Self.isHash(String(parts[0])), parts[0].hasPrefix(shard),
                      ImageFormat.allCases.contains(where: { $0.fileExtension == parts[1] })
                else { continue }
                hashes.append(String(parts[0]))
            }
        }
        return hashes.sorted()
    }

    /// Deletes the photo with this hash and its thumbnail; false if there was no photo.
    @discardableResult
    public func remove(_ hash: String) throws(PhotoError) -> Bool {
        var removed = false
        if let thumbnail = thumbnailURL(for: hash), try DurableFiles.remove(thumbnail.path) {
            try DurableFiles.syncDirectory(thumbnail.deletingLastPathComponent().path)
        }
        for format in ImageFormat.allCases {
            guard let file = url(for: hash, format: format) else { return false }
            if try DurableFiles.remove(file.path) {
                removed = true
                try DurableFiles.syncDirectory(file.deletingLastPathComponent().path)
            }
        }
        return removed
    }

    /// Deletes temporaries that a crashed `store` left in `tmp/`. Only those older than `age`, so a
    /// store running in another process at the same moment keeps its file. Returns how many went.
    @discardableResult
    public func removeStaleTemporaries(olderThan age: TimeInterval = 3600, now: Date = Date()) throws(PhotoError) -> Int {
        var removed = 0
        for name in try DurableFiles.names(in: temporaryDirectory.path) {
            let path = temporaryDirectory.appendingPathComponent(name).path
            guard DurableFiles.isRegularFile(path) else { continue }
            let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            guard let modified, now.timeIntervalSince(modified) >= age else { continue }
            if try DurableFiles.remove(path) { removed += 1 }
        }
        return removed
    }

    /// Creates `root`, `root/tmp` and the 256 shard directories, and flushes `root` if one of them is new: a
    /// store whose shards exist never creates a directory (nor flushes `root`) while storing a photo.
    public func createShards() throws(PhotoError) {
        try makeRootDirectories()
        var created = false
        for shard in 0..<256 {
            let name = String(shard, radix: 16)
            created = try DurableFiles.makeDirectory(root.appendingPathComponent(shard < 16 ? "0" + name : name).path) || created
        }
        if created { try DurableFiles.syncDirectory(root.path) }
    }

    /// True when the store exists but its last shard does not (it was made before shards were created up front).
    public var lacksShards: Bool {
        var status = stat()
        return stat(root.path, &status) == 0 && stat(root.appendingPathComponent("ff").path, &status) != 0
    }

    /// Creates `root` and `root/tmp`; a new `root` is flushed into its parent so it outlives a power cut.
    func makeRootDirectories() throws(PhotoError) {
        var status = stat()
        if stat(temporaryDirectory.path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { return }
        let rootIsNew = !FileManager.default.fileExists(atPath: root.path)
        do {
            try FileManager.default.createDirectory(at: temporaryDirectory, withIntermediateDirectories: true)
        } catch {
            throw .storeFailed(path: temporaryDirectory.path, step: .storeStepCreateDirectory, detail: "\(error)")
        }
        if rootIsNew { try DurableFiles.syncDirectory(root.deletingLastPathComponent().path) }
    }

    static func isHash(_ text: String) -> Bool {
        text.utf8.count == 64 && isHex(text)
    }

    static func isHex(_ text: String) -> Bool {
        text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
