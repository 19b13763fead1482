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
        narrator.step(ReportCLIMsg.demoReports)
        let photo = try DemoPhoto.write(to: directory.path + "/exports/snapshot.jpg")
        let before = PhotoMetadata(reading: photo.bytes)
        narrator.say(ReportCLIMsg.demoPhotoIn, [
            "lat": String(format: "%.4f", before.gps?.lat ?? 0), "lon": String(format: "%.4f", before.gps?.lon ?? 0),
            "bytes": "\(photo.bytes.count)",
        ])
        let report = try app.submitReport(li, ReportSubmission(
            category: "manhole-cover", note: "文晖路口井盖松动,电动车经过会翘起", photoPaths: [photo.path]))
        let stored = try Data(contentsOf: app.storedPhotoURL(report.photos[0]))
        let after = PhotoMetadata(reading: Array(stored))
        narrator.say(ReportCLIMsg.demoSubmitted, [
            "id": report.id, "lat": String(format: "%.4f", report.location?.lat ?? 0), "lon": String(format: "%.4f", report.location?.lon ?? 0),
        ])
        narrator.say(ReportCLIMsg.demoStoredClean, [
            "hash": String(report.photos[0].prefix(12)), "bytes": "\(stored.count)",
            "exif": after.hasExif.localized, "gps": (after.gps != nil).localized,
        ])
        let balanceBefore = try app.pointsBalance(li, riderID: nil).balance
        let accepted = try app.reviewReport(coordinator, id: report.id, .accept(note: "已核实"))
        let dispatched = try app.reviewReport(coordinator, id: report.id, .dispatch(agency: "拱墅区城管局", note: ""))
        let balanceAfter = try app.pointsBalance(li, riderID: nil).balance
        narrator.say(ReportCLIMsg.demoAccepted, [
            "points": "\(accepted.pointsAwarded)", "before": "\(balanceBefore)", "after": "\(balanceAfter)", "agency": dispatched.agency ?? "",
        ])
        try narrator.record("reports.submit", [
            "id": report.id, "status": dispatched.status.rawValue, "exif_after": after.hasExif ? "yes" : "no",
            "points": "\(accepted.pointsAwarded)",
        ])
        try photoScene(app, coordinator, li: li, manhole: report, photo: photo.bytes)
    }

    /// Upright and re-used photos (#22): the sample photo as a phone held upright sends it (the same pixels,
    /// EXIF Orientation 6) is stored turned; a re-saved copy of the manhole photo is flagged and earns nothing.
    func photoScene(_ app: Tuanju, _ coordinator: Caller, li: Caller, manhole: Report, photo: [UInt8]) throws {
        let uprightPath = directory.path + "/exports/upright.jpg"
        let upright = DemoPhoto.withOrientation(6, photo)
        try Data(upright).write(to: URL(fileURLWithPath: uprightPath))
        let sent = try TurboJPEG.dimensions(upright)
        let uprightReport = try app.submitReport(li, ReportSubmission(
            category: "manhole-cover", note: "竖拍的同一井盖", photoPaths: [uprightPath]))
        let stored = try TurboJPEG.dimensions(Array(try Data(contentsOf: app.storedPhotoURL(uprightReport.photos[0]))))
        narrator.say(PhotoCLIMsg.demoUpright, [
            "width": "\(sent.width)", "height": "\(sent.height)", "stored": "\(stored.width)×\(stored.height)",
        ])

        // The manhole photo re-saved at quality 70 (as a messaging app forwards it): other bytes, same picture.
        let resavedPath = directory.path + "/exports/resaved.jpg"
        let resaved = try TurboJPEG.encode(try TurboJPEG.decode(photo, atLeast: 1 << 16), quality: 70)
        try Data(resaved).write(to: URL(fileURLWithPath: resavedPath))
        let copy = try app.submitReport(li, ReportSubmission(
            category: "manhole-cover", location: manhole.location, note: "井盖松动", photoPaths: [resavedPath]))
        let accepted = try app.reviewReport(coordinator, id: copy.id, .accept(note: ""))
        narrator.say(PhotoCLIMsg.demoReuse, [
            "id": copy.id, "of": copy.possibleReuse?.report ?? "-", "points": "\(accepted.pointsAwarded)",
        ])
        try narrator.record("reports.photos", [
            "upright_stored": "\(stored.width)x\(stored.height)", "reuse_of": copy.possibleReuse?.report ?? "",
            "reuse_points": "\(accepted.pointsAwarded)",
        ])
    }
}

/// The sample photo of Seed (a real JPEG with GPS EXIF, kept as base64 text).
enum DemoPhoto {
    /// The photo with its EXIF Orientation tag (little-endian: 0x0112, SHORT, count 1, value 1) set to `value`.
    static func withOrientation(_ value: UInt8, _ bytes: [UInt8]) -> [UInt8] {
        let entry: [UInt8] = [0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00]
        var result = bytes
        guard let start = (0...(bytes.count - entry.count)).first(where: { bytes[$0..<$0 + entry.count].elementsEqual(entry) })
        else { return bytes }
        result[start + 8] = value
        return result
    }

    static func write(to path: String) throws -> (path: String, bytes: [UInt8]) {
        guard let directory = SeedBundle.directory,
              let text = try? String(contentsOf: directory.appendingPathComponent("sample-photo.jpg.b64"), encoding: .utf8),
              let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters)
        else { throw InputError.missing(LocalizedText(ServiceMsg.seedFileMissing, ["path": "sample-photo.jpg.b64"])) }
        try data.write(to: URL(fileURLWithPath: path))
        return (path, Array(data))
    }
}
