import Foundation
import FuzzSupport
import ServiceMap

/// The opening-hours parser on any text: it refuses, quoting the text, or returns hours whose normalised
/// spelling reads back to the same hours, and `isOpen` answers for any moment in any time zone.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOpeningHours(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let text = String(decoding: bytes, as: UTF8.self)
    let hours: OpeningHours
    do {
        hours = try OpeningHours(parsing: text)
    } catch {
        // Every refusal but "empty" quotes the text as written, whatever placeholders it holds.
        let blank = text.allSatisfy(\.isWhitespace)
        FuzzInput.require(blank || error.message.contains("\"\(text)\""), "refusal does not quote \(text): \(error.message)")
        return 0
    }
    let reread = try? OpeningHours(parsing: hours.text)
    FuzzInput.require(reread == hours, "normalised \(hours.text) of \(text) reads back as \(String(describing: reread))")
    // Moments spread over a week and beyond, picked by the input so runs differ.
    let seed = bytes.reduce(UInt64(1469598103934665603)) { ($0 ^ UInt64($1)) &* 1099511628211 }
    let zones = [OpeningHours.shanghai, TimeZone(identifier: "UTC")!, TimeZone(identifier: "America/St_Johns")!]
    for step in 0..<4 {
        let seconds = Double((seed >> UInt64(step * 16)) & 0xFFFF) * 61
        _ = hours.isOpen(at: Date(timeIntervalSince1970: 1_700_000_000 + seconds), in: zones[step % zones.count])
    }
    if hours.text == "24/7" {
        FuzzInput.require(hours.isOpen(at: Date(timeIntervalSince1970: Double(seed % 1_000_000_000)), in: OpeningHours.shanghai),
                          "24/7 closed")
    }
    return 0
}

@main
enum FuzzOpeningHoursMain {
    static func main() { FuzzDriver.main("FuzzOpeningHours", fuzzOpeningHours) }
}
