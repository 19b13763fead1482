import Foundation
import GRDB
import PhotoStore
import Reports
import Storage
import TuanjuCore

/// A checked photo (stripped, turned upright) with its thumbnail and perceptual hash, ready to be stored.
struct PreparedPhoto: Sendable {
    let checked: CheckedPhoto
    let print: PhotoPrint
}

/// The files of one photo of a report, as `reports show` and `reports photos` name them.
public struct ReportPhotoFiles: Sendable, Equatable {
    /// 1-based, as `GET /v1/reports/{id}/photos/{n}` counts.
    public let number: Int
    public let sha256: String
    /// Nil when the file is missing from disk (`doctor` reports it).
    public let original: URL?
    /// Nil until the photo has a thumbnail (photos stored before #22 get one from `photos rebuild`).
    public let thumbnail: URL?
}

/// One photo file served over HTTP.
public struct PhotoFile: Sendable {
    public let url: URL
    public let mediaType: String
    /// A strong validator derived from the content hash: the file never changes under its name.
    public let etag: String
}

/// Which file of a photo: the stored original or its thumbnail.
public enum PhotoSize: String, Sendable, CaseIterable {
    case original, thumb

    public init(parsing text: String) throws(InputError) {
        guard let size = PhotoSize(rawValue: text) else { throw .invalid(ServiceMsg.photoSizeUnknown, ["value": text]) }
        self = size
    }
}

/// What `photos rebuild` did.
public struct PhotoRebuildSummary: Sendable, Equatable {
    /// Photos that got a print (hash + thumbnail) now.
    public var made = 0
    /// Thumbnails re-made for photos that had a print but whose thumbnail file was gone.
    public var thumbnailsRestored = 0
    /// Referenced photos whose file is missing (`doctor` names them).
    public var missing: [String] = []
    /// Photos the libraries could not decode (kept as they are).
    public var undecodable: [String] = []
}

extension Tuanju {
    /// Checks each upload (size, format, structure, pixel limits), strips and turns it, then decodes it once,
    /// scaled, for its thumbnail and hash. Nothing is written yet.
    func preparePhotos(_ inputs: [PhotoInput]) throws -> [PreparedPhoto] {
        try inputs.map { input in
            let checked: CheckedPhoto
            switch input {
            case .file(let path): checked = try PhotoCheck.check(contentsOf: URL(fileURLWithPath: path))
            case .bytes(let bytes): checked = try PhotoCheck.check(bytes)
            }
            return PreparedPhoto(checked: checked, print: try PhotoPrint.make(checked.bytes, format: checked.format))
        }
    }

    /// Writes each photo and then its thumbnail, durably, before the report's transaction commits.
    func storePhotos(_ prepared: [PreparedPhoto]) throws -> [ReportPhoto] {
        let store = photoStore
        return try prepared.map { photo in
            let file = try store.store(photo.checked, thumbnail: photo.print.thumbnail)
            return ReportPhoto(sha256: file.hash, format: file.format.rawValue, bytes: photo.checked.bytes.count)
        }
    }

    /// Inside the submission's transaction, before its report is inserted: records the prints (first, so that
    /// no trigger of v25 counts them as a change), then finds whether one of the photos is within
    /// `PhotoPrint.reuseDistance` of a photo of any report of the last 30 days (the nearest; the first photo
    /// of equally near ones). The caller marks the report `possible_reuse` with it.
    func recordPrints(_ db: Database, _ prepared: [PreparedPhoto], at now: Date) throws -> Report.PossibleReuse? {
        for photo in prepared {
            try PhotoReuse.savePrint(
                db, sha256: photo.checked.sha256, perceptualHash: photo.print.perceptualHash,
                width: photo.print.width, height: photo.print.height, at: now)
        }
        let matches = try recentPrints.nearest(
            db, prepared.map(\.print.perceptualHash), since: now.addingTimeInterval(-PhotoReuse.window),
            radius: PhotoPrint.reuseDistance)
        var best: Report.PossibleReuse?
        for (position, match) in matches.enumerated() {
            guard let match, best.map({ match.distance < $0.distance }) ?? true else { continue }
            best = Report.PossibleReuse(report: match.reportID, position: position, distance: match.distance)
        }
        return best
    }

    /// `reports review --accept --original`: the coordinator vouches that a photo flagged as possible re-use is
    /// original, so the acceptance pays. Refused on a report that is not flagged, and with any other decision.
    func acceptAsOriginal(_ db: Database, id: String, _ action: ReviewAction, original: Bool) throws {
        guard original else { return }
        guard case .accept = action else { throw InputError.invalid(ServiceMsg.originalOnlyOnAccept) }
        guard try Reports.find(db, id: id).possibleReuse != nil else {
            throw InputError.invalid(ServiceMsg.originalOnlyOnReuse, ["id": id])
        }
        try PhotoReuse.clear(db, id: id)
    }

    /// The files of a report's photos (the caller has read the report already).
    public func photoFiles(of report: Report) -> [ReportPhotoFiles] {
        let store = photoStore
        return report.photos.enumerated().map { offset, hash in
            ReportPhotoFiles(
                number: offset + 1, sha256: hash, original: store.url(for: hash),
                thumbnail: store.hasThumbnail(hash) ? store.thumbnailURL(for: hash) : nil)
        }
    }

    /// `GET /v1/reports/{id}/photos/{n}[?size=thumb]`: the reporting rider or staff, like `reports show`.
    public func reportPhoto(_ caller: Caller, id: String, number: Int, size: PhotoSize) throws -> PhotoFile {
        let report = try report(caller, id: id).report
        guard (1...report.photos.count).contains(number) else {
            throw InputError.invalid(ServiceMsg.photoPositionNotFound, ["id": id, "position": "\(number)", "count": "\(report.photos.count)"])
        }
        let files = photoFiles(of: report)[number - 1]
        switch size {
        case .original:
            guard let url = files.original else { throw ReportError.notFound(id: "\(id)/photos/\(number)") }
            let format: ImageFormat = url.pathExtension == ImageFormat.png.fileExtension ? .png : .jpeg
            return PhotoFile(url: url, mediaType: format.mediaType, etag: "\"\(files.sha256)\"")
        case .thumb:
            guard let url = files.thumbnail else { throw ReportError.notFound(id: "\(id)/photos/\(number)?size=thumb") }
            return PhotoFile(url: url, mediaType: ImageFormat.jpeg.mediaType, etag: "\"\(files.sha256).thumb\"")
        }
    }

    /// `photos rebuild` (admin or coordinator): makes the thumbnail and hash of every referenced photo stored
    /// before they existed, `chunk` photos per transaction. Resumable: the prints already saved are the
    /// progress, so a run stopped half-way (or a crash) continues where it was. Then re-makes thumbnail files
    /// that went missing. `progress` gets (photos done, photos to do, prints made) after each chunk.
    public func rebuildPhotoPrints(
        _ caller: Caller, chunk: Int = 100, progress: (Int, Int, Int) -> Void = { _, _, _ in }
    ) throws -> PhotoRebuildSummary {
        let useCase = try useCase(caller, requires: .staff(ServiceMsg.actionRebuildPhotos))
        guard (1...10_000).contains(chunk) else { throw InputError.invalid(.limitRange, ["max": "10000"]) }
        let store = photoStore
        var summary = PhotoRebuildSummary()
        let total = try database.read { db in try PhotoReuse.countWithoutPrint(db) }
        var cursor = "", done = 0
        while true {
            let after = cursor
            let batch = try database.read { db in try PhotoReuse.photosWithoutPrint(db, after: after, limit: chunk) }
            guard let last = batch.last else { break }
            cursor = last.sha256
            var prints: [(String, PhotoPrint)] = []
            for (hash, formatName) in batch {
                switch Self.print(store, hash: hash, format: ImageFormat(rawValue: formatName)) {
                case .missing: summary.missing.append(hash)
                case .undecodable: summary.undecodable.append(hash)
                case .made(let print):
                    try store.storeThumbnail(print.thumbnail, of: hash)
                    prints.append((hash, print))
                }
            }
            let made = prints
            try useCase.write { work in
                for (hash, print) in made {
                    try PhotoReuse.savePrint(work.db, sha256: hash, perceptualHash: print.perceptualHash,
                                             width: print.width, height: print.height, at: work.now)
                }
            }
            summary.made += prints.count
            done += batch.count
            progress(done, total, summary.made)
        }
        let printed = try database.read { db in try PhotoReuse.printedPhotos(db) }
        for hash in printed.sorted() where !store.hasThumbnail(hash) {
            guard case .made(let print) = Self.print(store, hash: hash, format: nil) else { continue }
            try store.storeThumbnail(print.thumbnail, of: hash)
            summary.thumbnailsRestored += 1
        }
        return summary
    }

    enum PrintOutcome {
        case made(PhotoPrint)
        case missing
        case undecodable
    }

    /// The print of a stored photo (its format from its bytes when not given).
    static func print(_ store: PhotoStore, hash: String, format: ImageFormat?) -> PrintOutcome {
        guard let url = format.flatMap({ store.url(for: hash, format: $0) }) ?? store.url(for: hash),
              let data = FileManager.default.contents(atPath: url.path)
        else { return .missing }
        let bytes = [UInt8](data)
        guard let detected = ImageFormat(detecting: bytes) else { return .undecodable }
        do {
            return .made(try PhotoPrint.make(bytes, format: detected))
        } catch {
            return .undecodable
        }
    }

    /// For `doctor`: referenced photos on disk without a hash or a thumbnail.
    func photoPrintProblems(_ db: Database, store: PhotoStore, referenced: Set<String>) throws -> [String] {
        let printed = try PhotoReuse.printedPhotos(db)
        return referenced.sorted().filter { store.contains($0) }.compactMap { hash in
            let missing = [printed.contains(hash) ? nil : "hash", store.hasThumbnail(hash) ? nil : "thumbnail"].compactMap { $0 }
            guard !missing.isEmpty else { return nil }
            return "photo \(hash) has no \(missing.joined(separator: " and ")) (run `tuanju photos rebuild`)"
        }
    }
}
