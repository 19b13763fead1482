import Foundation
import PhotoStore
import Reports
import TuanjuCore
import TuanjuSeed
import TuanjuService

extension DemoScript {
    /// Snap-and-report: a photo with the rider's GPS position in its EXIF goes in; a clean copy is stored;
    /// the coordinator accepts the report and the rider's balance rises.
    func reportScene(_ app: Tuanju, _ coordinator: Caller, li: Caller) throws {
        narrator.step(ReportMsg.demoReports)
        let photo = try DemoPhoto.write(to: directory.path + "/exports/snapshot.jpg")
        let before = PhotoMetadata(reading: photo.bytes)
        narrator.say(ReportMsg.demoPhotoIn, [
            "lat": String(format: "%.4f", before.gps?.lat ?? 0), "lon": String(format: "%.4f", before.gps?.lon ?? 0),
            "bytes": "\(photo.bytes.count)",
        ])
        let report = try app.submitReport(li, ReportSubmission(
            category: "manhole-cover", note: "文晖路口井盖松动,电动车经过会翘起", photoPaths: [photo.path]))
        let stored = try Data(contentsOf: app.storedPhotoURL(report.photos[0]))
        let after = PhotoMetadata(reading: Array(stored))
        narrator.say(ReportMsg.demoSubmitted, [
            "id": report.id, "lat": String(format: "%.4f", report.location?.lat ?? 0), "lon": String(format: "%.4f", report.location?.lon ?? 0),
        ])
        narrator.say(ReportMsg.demoStoredClean, [
            "hash": String(report.photos[0].prefix(12)), "bytes": "\(stored.count)",
            "exif": after.hasExif.localized, "gps": (after.gps != nil).localized,
        ])
        let balanceBefore = try app.pointsBalance(li, riderID: nil).balance
        let accepted = try app.reviewReport(coordinator, id: report.id, .accept(note: "已核实"))
        let dispatched = try app.reviewReport(coordinator, id: report.id, .dispatch(agency: "拱墅区城管局", note: ""))
        let balanceAfter = try app.pointsBalance(li, riderID: nil).balance
        narrator.say(ReportMsg.demoAccepted, [
            "points": "\(accepted.pointsAwarded)", "before": "\(balanceBefore)", "after": "\(balanceAfter)", "agency": dispatched.agency ?? "",
        ])
        try narrator.record("reports.submit", [
            "id": report.id, "status": dispatched.status.rawValue, "exif_after": after.hasExif ? "yes" : "no",
            "points": "\(accepted.pointsAwarded)",
        ])
    }
}

/// The sample photo of Seed (a real JPEG with GPS EXIF, kept as base64 text).
enum DemoPhoto {
    static func write(to path: String) throws -> (path: String, bytes: [UInt8]) {
        guard let directory = SeedBundle.directory,
              let text = try? String(contentsOf: directory.appendingPathComponent("sample-photo.jpg.b64"), encoding: .utf8),
              let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters)
        else { throw InputError.missing(LocalizedText(.seedFileMissing, ["path": "sample-photo.jpg.b64"])) }
        try data.write(to: URL(fileURLWithPath: path))
        return (path, Array(data))
    }
}
