import Foundation
import GRDBSQLite
import Governance
import PhotoFixtures
import PhotoStore
import Reports
import TuanjuCore
import TuanjuService

/// `report-submit`: 1,000 reports, each with its own ~300 KB JPEG. Ours: `Tuanju.submitReport` (auth, rules,
/// JPEG validation and metadata stripping, SHA-256, content-addressed temp + fsync + rename + directory fsync,
/// thumbnail and perceptual hash (one scaled decode), duplicate and re-use search, one transaction with the
/// outbox). Raw: read the file, make its thumbnail and hash with the same `PhotoPrint.make` (the pixel work is
/// libjpeg-turbo's either way), write both files with fsync and rename, fsync the directory, insert the report
/// and photo rows in one transaction: the same durable work, without the checks, rules and records around it.
struct ReportSubmitScenario: Scenario {
    let reports = Bench.size(1000, quick: 30)

    func prepare(_ work: String) throws {
        let side = sideFor300KB()
        try FileManager.default.createDirectory(atPath: work + "/photos-in", withIntermediateDirectories: true)
        for index in 0..<reports {
            let bytes = PhotoFixtures.jpeg(width: side, height: side, seed: UInt64(index + 1))
            try Data(bytes).write(to: URL(fileURLWithPath: work + "/photos-in/\(index).jpg"))
        }
        for sideName in ["ours", "raw"] {
            let (app, setup) = try Tuanju.initialize(DataDirectory(path: work + "/" + sideName))
            let admin = try app.authenticate(token: setup.adminToken)
            let rider = try app.registerRider(admin, name: "骑手", phone: "13900000000", platform: "meituan", partyMember: false, branch: nil)
            let task = try app.createTask(admin, try TaskDraft(roleCode: "hazard-inspector", title: "巡查", capacity: 10))
            _ = try app.claimTask(try app.authenticate(token: rider.token), id: task.id)
            try rider.token.write(toFile: work + "/\(sideName)/token", atomically: true, encoding: .utf8)
        }
    }

    /// The side of a square picture whose JPEG is about 300 KB.
    func sideFor300KB() -> Int {
        let sample = PhotoFixtures.jpeg(approximateBytes: 300_000, seed: 0)
        // The encoder writes SOF0 with the height and width; read the width back.
        guard let sof = sample.indices.first(where: { $0 + 8 < sample.count && sample[$0] == 0xFF && sample[$0 + 1] == 0xC0 }) else { return 550 }
        return Int(sample[sof + 7]) << 8 | Int(sample[sof + 8])
    }

    func locations() -> [(Double, Double)] {
        var random = BenchRandom(seed: 5)
        return (0..<reports).map { _ in (Double.random(in: 30.280...30.310, using: &random), Double.random(in: 120.150...120.190, using: &random)) }
    }

    func runOurs(_ work: String) throws -> Int {
        let app = try Tuanju.open(DataDirectory(path: work + "/ours"))
        let rider = try app.authenticate(token: try String(contentsOfFile: work + "/ours/token", encoding: .utf8))
        for (index, (lat, lon)) in locations().enumerated() {
            _ = try app.submitReport(rider, ReportSubmission(
                category: "road-damage", location: try Coordinate(lat: lat, lon: lon), note: "路面破损 \(index)",
                photoPaths: [work + "/photos-in/\(index).jpg"]))
        }
        return reports
    }

    func verifyOurs(_ work: String) throws {
        let files = FileManager.default.enumerator(atPath: work + "/ours/photos")?.allObjects.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".jpg") && !$0.hasSuffix(".thumb.jpg") } ?? []
        guard files.count == reports else { throw BenchError(message: "stored \(files.count) photos of \(reports)") }
    }

    func runRaw(_ work: String) throws -> Int {
        let db = try RawSQLite(path: work + "/raw/tuanju.sqlite")
        let riderID = try scalar(db, "SELECT id FROM riders LIMIT 1")
        let claim = try scalar(db, "SELECT id FROM claims LIMIT 1")
        let task = try scalar(db, "SELECT task_id FROM claims LIMIT 1")
        let report = try db.prepare("""
            INSERT INTO reports (id, rider_id, category_code, task_id, claim_id, lat, lon, location_source, note, status, submitted_at, updated_at)
            VALUES (?, ?, 'road-damage', ?, ?, ?, ?, 'given', ?, 'submitted', ?, ?)
            """)
        let photo = try db.prepare("INSERT INTO report_photos (report_id, position, sha256, format, bytes) VALUES (?, 0, ?, 'jpeg', ?)")
        defer { sqlite3_finalize(report); sqlite3_finalize(photo) }
        let out = work + "/raw/photos"
        for (index, (lat, lon)) in locations().enumerated() {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: work + "/photos-in/\(index).jpg"))
            let name = String(format: "%064d", index)
            // The same pixel work as ours (one scaled decode, thumbnail, perceptual hash), through the same function.
            let print = try PhotoPrint.make(Array(bytes), format: .jpeg)
            for (suffix, contents) in [("jpg", Array(bytes)), ("thumb.jpg", print.thumbnail)] {
                let fd = open(out + "/" + name + ".tmp", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                _ = contents.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                fsync(fd)
                close(fd)
                rename(out + "/" + name + ".tmp", out + "/" + name + "." + suffix)
            }
            // The renames are durable only once the directory is flushed (ours does the same, once for both).
            let directory = open(out, O_RDONLY | O_DIRECTORY)
            fsync(directory)
            close(directory)
            let id = Identifier.make("rpt")
            let now = Timestamp.iso(Date())
            try db.execute("BEGIN IMMEDIATE")
            bind(report, 1, id); bind(report, 2, riderID); bind(report, 3, task); bind(report, 4, claim)
            sqlite3_bind_double(report, 5, lat); sqlite3_bind_double(report, 6, lon)
            bind(report, 7, "路面破损 \(index)"); bind(report, 8, now); bind(report, 9, now)
            guard sqlite3_step(report) == SQLITE_DONE else { throw BenchError(message: String(cString: sqlite3_errmsg(db.handle))) }
            sqlite3_reset(report)
            bind(photo, 1, id); bind(photo, 2, name); sqlite3_bind_int(photo, 3, Int32(bytes.count))
            guard sqlite3_step(photo) == SQLITE_DONE else { throw BenchError(message: String(cString: sqlite3_errmsg(db.handle))) }
            sqlite3_reset(photo)
            try db.execute("COMMIT")
        }
        return reports
    }
}

/// `report-export`: 1,000,000 reports to Open311 JSON, streamed; the point is peak RSS (< 100 MB). Ours:
/// `Tuanju.exportReports` (pseudonyms, status notes, media URLs). Raw: the same query, each row written as a
/// JSON object by string concatenation.
struct ReportExportScenario: Scenario {
    let reports = Int(ProcessInfo.processInfo.environment["TUANJU_BENCH_REPORTS"] ?? "") ?? Bench.size(1_000_000, quick: 20_000)

    func prepare(_ work: String) throws {
        let (app, setup) = try Tuanju.initialize(DataDirectory(path: work + "/data"))
        let admin = try app.authenticate(token: setup.adminToken)
        let rider = try app.registerRider(admin, name: "骑手", phone: "13900000000", platform: "meituan", partyMember: false, branch: nil)
        let task = try app.createTask(admin, try TaskDraft(roleCode: "hazard-inspector", title: "巡查", capacity: 10))
        let claim = try app.claimTask(try app.authenticate(token: rider.token), id: task.id)
        let db = try RawSQLite(path: work + "/data/tuanju.sqlite")
        let report = try db.prepare("""
            INSERT INTO reports (id, rider_id, category_code, task_id, claim_id, lat, lon, location_source, note, status, submitted_at, updated_at)
            VALUES (?, ?, 'road-damage', ?, ?, ?, ?, 'given', ?, ?, ?, ?)
            """)
        let photo = try db.prepare("INSERT INTO report_photos (report_id, position, sha256, format, bytes) VALUES (?, 0, ?, 'jpeg', 300000)")
        let history = try db.prepare("INSERT INTO report_history (report_id, seq, status, at, by, note) VALUES (?, 1, 'submitted', ?, ?, ?)")
        defer { sqlite3_finalize(report); sqlite3_finalize(photo); sqlite3_finalize(history) }
        var random = BenchRandom(seed: 3)
        let statuses = ["submitted", "accepted", "dispatched", "resolved", "rejected"]
        let now = Timestamp.iso(Date())
        try db.execute("BEGIN IMMEDIATE")
        for index in 0..<reports {
            let id = Identifier.make("rpt")
            let note = "路面破损,请尽快处理 #\(index)"
            bind(report, 1, id); bind(report, 2, rider.profile.id); bind(report, 3, task.id); bind(report, 4, claim.id)
            sqlite3_bind_double(report, 5, Double.random(in: 30.28...30.31, using: &random))
            sqlite3_bind_double(report, 6, Double.random(in: 120.15...120.19, using: &random))
            bind(report, 7, note); bind(report, 8, statuses[index % statuses.count]); bind(report, 9, now); bind(report, 10, now)
            guard sqlite3_step(report) == SQLITE_DONE else { throw BenchError(message: String(cString: sqlite3_errmsg(db.handle))) }
            sqlite3_reset(report)
            bind(photo, 1, id); bind(photo, 2, String(format: "%016llx%016llx%016llx%016llx", random.next(), random.next(), random.next(), random.next()))
            guard sqlite3_step(photo) == SQLITE_DONE else { throw BenchError(message: String(cString: sqlite3_errmsg(db.handle))) }
            sqlite3_reset(photo)
            bind(history, 1, id); bind(history, 2, now); bind(history, 3, rider.profile.id); bind(history, 4, note)
            guard sqlite3_step(history) == SQLITE_DONE else { throw BenchError(message: String(cString: sqlite3_errmsg(db.handle))) }
            sqlite3_reset(history)
        }
        try db.execute("COMMIT")
    }

    func runOurs(_ work: String) throws -> Int {
        let app = try Tuanju.open(DataDirectory(path: work + "/data"))
        let admin = Caller(kind: .admin, id: "usr_bench", name: "bench")
        let sink = ByteSink(path: work + "/ours.json")
        defer { sink.close() }
        let count = try app.exportReports(admin, format: .open311, since: nil, mediaBaseURL: "https://cdn.example/p/", write: sink.write)
        guard count == reports else { throw BenchError(message: "exported \(count) of \(reports)") }
        return count
    }

    func runRaw(_ work: String) throws -> Int {
        let db = try RawSQLite(path: work + "/data/tuanju.sqlite")
        let statement = try db.prepare("""
            SELECT r.id, r.status, c.code, c.name, r.note, r.agency, r.submitted_at, r.updated_at, r.lat, r.lon, r.rider_id,
                (SELECT sha256 FROM report_photos p WHERE p.report_id = r.id AND p.position = 0),
                (SELECT note FROM report_history h WHERE h.report_id = r.id ORDER BY seq DESC LIMIT 1)
            FROM reports r JOIN categories c ON c.code = r.category_code ORDER BY r.rowid
            """)
        defer { sqlite3_finalize(statement) }
        let sink = ByteSink(path: work + "/raw.json")
        defer { sink.close() }
        var count = 0
        try sink.write("[")
        while sqlite3_step(statement) == SQLITE_ROW {
            func text(_ column: Int32) -> String { sqlite3_column_text(statement, column).map { String(cString: $0) } ?? "" }
            try sink.write((count == 0 ? "\n" : ",\n") + "{\"service_request_id\":\"\(text(0))\",\"status\":\"\(text(1))\",\"service_code\":\"\(text(2))\",\"service_name\":\"\(text(3))\",\"description\":\"\(text(4))\",\"requested_datetime\":\"\(text(6))\",\"updated_datetime\":\"\(text(7))\",\"lat\":\(sqlite3_column_double(statement, 8)),\"long\":\(sqlite3_column_double(statement, 9)),\"media_url\":\"https://cdn.example/p/\(text(11))\",\"status_notes\":\"\(text(12))\"}")
            count += 1
        }
        try sink.write("\n]\n")
        return count
    }
}

/// A buffered file writer for export output.
final class ByteSink {
    private let handle: UnsafeMutablePointer<FILE>

    init(path: String) { handle = fopen(path, "w") }

    func write(_ text: String) throws {
        var text = text
        text.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, handle) }
    }

    func close() { fclose(handle) }
}
