import Foundation
import GRDB
import PhotoStore
import Reports
import TuanjuCore

/// The prints of recent reports' photos, kept in memory by this process for the re-use look-up. Reading the
/// whole 30-day window and indexing it in every submission's transaction cost O(window) per submission; now a
/// submission reads the change counter, the newest report's rowid and the reports added since it last looked.
///
/// Validated against the database in the submission's own transaction, so the answer is the one a fresh read
/// of the window gives: the triggers of migration v25 bump a counter on every change that is not a new report
/// (deletions, purges, a print made for an old photo, ...), and a changed counter reads the window again, as
/// does a window starting before what was kept. What a transaction read is kept only once it commits
/// (`afterNextTransaction`), so a rolled-back submission leaves nothing behind.
final class RecentPrints: @unchecked Sendable {
    // @unchecked Sendable: `state` is read and written only while `lock` is held.
    private let lock = NSLock()
    private var state: State?

    /// The nearest earlier photo within the radius: which report, how close.
    struct Match: Equatable {
        let reportID: String
        let distance: Int
    }

    /// What was read as of one committed moment: every printed photo of the reports with a rowid below
    /// `fromRow` submitted since `keptSince` (and perhaps older ones), in rowid order.
    struct State {
        var generation: Int64
        /// Reports from this rowid on are read again by every look-up (the newest report may still get photos).
        var fromRow: Int64
        var photos: [PhotoReuse.PrintedPhoto]
        /// `photos[..<index.hashes.count]` are in `index`; the rest are scanned.
        var index: HammingIndex
        var keptSince: String
    }

    /// A look-up's reading: a whole new state, or the photos of the reports from `base` on.
    enum Reading {
        case reload(State)
        case newer(base: Int64, generation: Int64, newestReport: Int64, photos: [PhotoReuse.PrintedPhoto])
    }

    /// For each hash, the nearest photo of a report submitted since `since`, within `radius` bits: the earliest
    /// (by submission time, report id, position) of equally near ones, as an ordered read of the window gives.
    func nearest(_ db: Database, _ hashes: [UInt64], since: Date, radius: Int) throws -> [Match?] {
        let sinceText = Timestamp.iso(since)
        lock.lock()
        defer { lock.unlock() }
        let (generation, newestReport) = try PhotoReuse.changes(db)
        let reading: Reading
        if let state, state.generation == generation, !Self.less(sinceText, state.keptSince) {
            reading = .newer(
                base: state.fromRow, generation: generation, newestReport: newestReport,
                photos: try PhotoReuse.printedPhotos(db, fromReportRow: state.fromRow))
        } else {
            var fresh = State(
                generation: generation, fromRow: newestReport, photos: try PhotoReuse.printedPhotos(db, submittedSince: since),
                index: HammingIndex([]), keptSince: sinceText)
            Self.rebuild(&fresh, since: sinceText)
            reading = .reload(fresh)
        }
        db.afterNextTransaction { [self] _ in
            lock.lock()
            defer { lock.unlock() }
            apply(reading, since: sinceText)
        }
        return hashes.map { hash in
            switch reading {
            case .reload(let fresh): Self.nearest(hash, in: fresh, before: .max, extra: [], since: sinceText, radius: radius)
            case .newer(let base, _, _, let photos):
                Self.nearest(hash, in: state!, before: base, extra: photos, since: sinceText, radius: radius)
            }
        }
    }

    /// After the commit: keeps what the look-up read. A reading made against another state than the current
    /// one (an earlier job of the same group commit) is dropped: the state stays consistent, and the next
    /// look-up reads the newer reports again.
    private func apply(_ reading: Reading, since: String) {
        switch reading {
        case .reload(let fresh):
            state = fresh
        case .newer(let base, let generation, let newestReport, let photos):
            guard var current = state, current.generation == generation, current.fromRow == base else { return }
            state = nil
            // Only the tail (never indexed: its reports are not below the `fromRow` of any rebuild) is re-read.
            while let last = current.photos.last, last.reportRow >= base { current.photos.removeLast() }
            current.photos.append(contentsOf: photos)
            current.fromRow = max(base, newestReport)
            let scanned = current.photos.count - current.index.hashes.count
            if scanned > max(256, current.index.hashes.count / 4) { Self.rebuild(&current, since: since) }
            state = current
        }
    }

    /// Drops photos older than the window and indexes every photo of a report below `fromRow`.
    private static func rebuild(_ state: inout State, since: String) {
        if less(state.keptSince, since) {
            state.photos.removeAll { less($0.submittedAt, since) }
            state.keptSince = since
        }
        let stable = state.photos.prefix { $0.reportRow < state.fromRow }
        state.index = HammingIndex(stable.map(\.perceptualHash))
    }

    /// The nearest match among the indexed photos, the scanned ones of reports below `before`, and `extra`.
    private static func nearest(
        _ hash: UInt64, in state: State, before: Int64, extra: [PhotoReuse.PrintedPhoto], since: String, radius: Int
    ) -> Match? {
        var best: (photo: PhotoReuse.PrintedPhoto, distance: Int)?
        func consider(_ photo: PhotoReuse.PrintedPhoto, _ distance: Int) {
            guard distance <= radius, !less(photo.submittedAt, since) else { return }
            if let current = best, !comesFirst(photo, distance, before: current.photo, current.distance) { return }
            best = (photo, distance)
        }
        for match in state.index.matches(of: hash, within: radius) { consider(state.photos[match.index], match.distance) }
        for photo in state.photos[state.index.hashes.count...] where photo.reportRow < before {
            consider(photo, (photo.perceptualHash ^ hash).nonzeroBitCount)
        }
        for photo in extra { consider(photo, (photo.perceptualHash ^ hash).nonzeroBitCount) }
        return best.map { Match(reportID: $0.photo.reportID, distance: $0.distance) }
    }

    /// Nearer first; then as `ORDER BY submitted_at, report id, position` (SQLite compares text by bytes).
    private static func comesFirst(
        _ photo: PhotoReuse.PrintedPhoto, _ distance: Int, before other: PhotoReuse.PrintedPhoto, _ otherDistance: Int
    ) -> Bool {
        if distance != otherDistance { return distance < otherDistance }
        if photo.submittedAt != other.submittedAt { return less(photo.submittedAt, other.submittedAt) }
        if photo.reportID != other.reportID { return less(photo.reportID, other.reportID) }
        return photo.position < other.position
    }

    static func less(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }
}
