import Foundation
import GRDB
import Governance
import Identity
import PhotoStore
import Reports
import Storage
import TuanjuCore

/// What a rider sends with `reports submit`.
public struct ReportSubmission: Sendable {
    public var category: String
    public var taskID: String?
    /// WGS-84; nil to take the position from the first photo's EXIF GPS.
    public var location: Coordinate?
    public var note: String?
    /// In order: the first photo's EXIF position stands in for a missing `location`.
    public var photos: [PhotoInput]

    /// Photos from files (the CLI).
    public init(category: String, taskID: String? = nil, location: Coordinate? = nil, note: String? = nil, photoPaths: [String]) {
        self.init(category: category, taskID: taskID, location: location, note: note, photos: photoPaths.map(PhotoInput.file))
    }

    /// Photos from files or from memory (HTTP uploads, which never touch a temporary file).
    public init(category: String, taskID: String? = nil, location: Coordinate? = nil, note: String? = nil, photos: [PhotoInput]) {
        self.category = category
        self.taskID = taskID
        self.location = location
        self.note = note
        self.photos = photos
    }
}

/// One photo of a submission: a file to read, or bytes already in memory.
public enum PhotoInput: Sendable {
    case file(String)
    case bytes([UInt8])
}

/// A report with its history, as `reports show` gives it.
public struct ReportDetail: Sendable {
    public let report: Report
    public let history: [ReportHistoryEntry]
}

extension Tuanju {
    var photoStore: PhotoStore { PhotoStore(root: URL(fileURLWithPath: directory.photosPath)) }

    /// `reports submit` (rider). The photos are checked and stripped first, then written (fsynced, renamed)
    /// before the transaction that records the report commits; a bad photo or a refused rule stores nothing.
    /// Submitting the same report again (a retry) returns the first one: see `Reports.resubmitted`.
    public func submitReport(_ caller: Caller, _ submission: ReportSubmission) throws -> Report {
        let useCase = try useCase(caller, requires: .rider(ServiceMsg.actionSubmitReports))
        let note = try ReportDraft.note(submission.note)
        try PhotoCheck.checkCount(submission.photos.count)
        let photos = try preparePhotos(submission.photos)
        guard let location = submission.location ?? photos.first?.checked.gps else {
            throw InputError.invalid(ServiceMsg.locationRequired)
        }
        // Check the rules before any file is written; the transaction checks them again.
        _ = try database.read { db in try reportContext(db, caller, submission, location) }
        let stored = try storePhotos(photos)
        return try useCase.write { work in
            let (category, claim) = try reportContext(work.db, caller, submission, location)
            let draft = ReportDraft(
                riderID: caller.id, categoryCode: category.code, taskID: claim.taskId, claimID: claim.id,
                location: location, locationSource: submission.location == nil ? "photo" : "given", note: note,
                photos: stored)
            // A retry of a submission that was recorded (its reply lost) gets that report back, unchanged.
            if let earlier = try Reports.resubmitted(work.db, draft, at: work.now) { return earlier }
            let reuse = try recordPrints(work.db, photos, at: work.now)
            let duplicate = try Reports.likelyDuplicate(work.db, category: category.code, location: location, at: work.now)
            var report = try Reports.insert(work.db, draft, duplicateOf: duplicate, at: work.now)
            if let reuse {
                try PhotoReuse.mark(work.db, id: report.id, reuse)
                report = try Reports.find(work.db, id: report.id)
            }
            try work.emit(.reportSubmitted, ReportEvent(report, by: caller.id, note: note))
            return report
        }
    }

    /// The category and the claim a rider's report is filed under; refuses what the rules refuse.
    func reportContext(
        _ db: Database, _ caller: Caller, _ submission: ReportSubmission, _ location: Coordinate
    ) throws -> (ReportCategory, Claim) {
        guard let category = try ReportCategory.fetchOne(db, key: submission.category) else {
            throw ReportError.categoryNotFound(code: submission.category)
        }
        try RoleProgramme.requireActiveCategory(db, code: submission.category)
        let claim: Claim
        if let taskID = submission.taskID {
            let task = try Tasks.find(db, id: taskID)
            guard task.roleCode == category.roleCode else {
                throw ReportError.taskNotForCategory(taskID: taskID, category: category.code)
            }
            // Postings are public, so "you hold no claim on it" tells the rider nothing new: a refusal of the
            // domain (exit 1), the same whether or not other riders hold seats on it.
            guard let found = try Claims.activeClaim(db, taskID: taskID, riderID: caller.id) else {
                throw ReportError.noActiveClaim(category: category.code)
            }
            claim = found
        } else {
            guard let found = try Claims.activeClaim(db, riderID: caller.id, roleCode: category.roleCode) else {
                throw ReportError.noActiveClaim(category: category.code)
            }
            claim = found
        }
        try ServiceAreas.require(db, location)
        return (category, claim)
    }

    /// `reports review`, `dispatch`, `resolve`, `reopen` (staff). Accepting pays the points through the ledger in
    /// the same transaction, keyed by the duplicate group's head report, so a group is paid once.
    public func reviewReport(
        _ caller: Caller, id: String, _ action: ReviewAction, points: Int? = nil, original: Bool = false
    ) throws -> Report {
        let useCase = try useCase(caller, requires: .staff(ServiceMsg.actionReviewReports))
        let action = try action.validated()
        if let points {
            guard case .accept = action else { throw InputError.invalid(ServiceMsg.pointsOnlyOnAccept) }
            guard (0...10_000).contains(points) else { throw InputError.invalid(.pointsInvalid, ["value": "\(points)"]) }
        }
        return try useCase.write { work in
            try acceptAsOriginal(work.db, id: id, action, original: original)
            var report = try Reports.transition(work.db, id: id, action, by: caller.id, at: work.now)
            if case .accept = action {
                report = try payForAcceptance(work, report, points: points)
            }
            try work.emit(action.eventKind, ReportEvent(report, by: caller.id, note: action.note))
            return report
        }
    }

    func payForAcceptance(_ work: Work, _ report: Report, points: Int?) throws -> Report {
        let db = work.db
        // A photo that may be re-used earns nothing unless a coordinator accepted it as original.
        if let reuse = report.possibleReuse, !reuse.cleared { return report }
        let head = report.duplicateOf ?? report.id
        guard try !Reports.groupWasPaid(db, head: head) else { return report }
        let task = try Tasks.find(db, id: report.taskID)
        let category = try ReportCategory.fetchOne(db, key: report.categoryCode)
        if let points, let max = try RoleProgramme.pointsMax(db, code: report.categoryCode), points > max {
            throw InputError.invalid(RoleMsg.pointsAboveMax, ["code": report.categoryCode, "max": "\(max)", "value": "\(points)"])
        }
        let amount = points ?? task.points ?? category?.points ?? 0
        guard amount > 0 else { return report }
        let paid = try award(
            work, riderID: report.riderID, amount: amount, key: "award:report:\(head)", reason: "report \(report.id) accepted")
        guard paid else { return report }
        try Reports.setPointsAwarded(db, id: report.id, points: amount)
        return try Reports.find(db, id: report.id)
    }

    /// Where a stored photo is (the demo and `doctor` read it back).
    public func storedPhotoURL(_ hash: String) throws -> URL {
        guard let url = photoStore.url(for: hash) else { throw ReportError.notFound(id: hash) }
        return url
    }

    /// `reports show` (the reporting rider, or staff).
    public func report(_ caller: Caller, id: String) throws -> ReportDetail {
        try database.read { db in
            let report = try Reports.find(db, id: id)
            try caller.requireSelfOrStaff(riderID: report.riderID, what: ServiceMsg.whatReport)
            return ReportDetail(report: report, history: try Reports.history(db, id: id))
        }
    }

    /// `reports list`: a rider lists their own; staff list everyone's (or one rider's).
    public func listReports(_ caller: Caller, _ filter: Reports.Filter, page: PageRequest = PageRequest()) throws -> Page<Report> {
        var filter = filter
        filter.riderID = try caller.scope(riderID: filter.riderID, what: ServiceMsg.whatReport)
        let page = try page.checked()
        return try database.read { db in try Reports.list(db, filter, page: page) }
    }

    /// `reports export` (staff): streamed from one read transaction.
    @discardableResult
    public func exportReports(
        _ caller: Caller, format: ReportExport.Format, since: Date?, mediaBaseURL: String, write: (String) throws -> Void
    ) throws -> Int {
        try caller.requireStaff(ServiceMsg.actionExportReports)
        return try database.read { db in
            try ReportExport(db, format: format, mediaBaseURL: mediaBaseURL).run(db, since: since, write: write)
        }
    }

    /// `photos gc` (admin): removes stored photos no report references, older than an hour (a report being
    /// submitted writes its photos just before its transaction commits).
    public func collectPhotoGarbage(_ caller: Caller, dryRun: Bool) throws -> [String] {
        try caller.requireAdmin(ServiceMsg.actionCollectPhotos)
        let store = photoStore
        let referenced = try database.read { db in try Reports.referencedPhotos(db) }
        let cutoff = now.addingTimeInterval(-3600)
        let unreferenced = try store.allHashes().filter { hash in
            !referenced.contains(hash) && (Self.modificationDate(store.url(for: hash)) ?? .distantPast) < cutoff
        }.sorted()
        if !dryRun {
            for hash in unreferenced { _ = try store.remove(hash) }
            _ = try store.removeStaleTemporaries(now: now)
        }
        return unreferenced
    }
}

extension Tuanju {
    static func modificationDate(_ url: URL?) -> Date? {
        guard let url else { return nil }
        return (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
    }
}

extension ReviewAction {
    var eventKind: EventKind {
        switch self {
        case .accept, .reject, .duplicate: .reportReviewed
        case .dispatch: .reportDispatched
        case .resolve: .reportResolved
        case .reopen: .reportReopened
        }
    }
}
