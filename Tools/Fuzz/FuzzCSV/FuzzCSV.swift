import CSVReader
import FuzzSupport
import Riders
import TuanjuCore

/// The CSV reader on any bytes: every record or problem must come out the same whatever the chunk size
/// (records and quotes cross chunk boundaries), line numbers only grow, and each problem has a message.
/// Records of five fields then go through the rider import's validation (`RiderDraft`), as a rider file's would.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    for maxRecordBytes in [24, 64 * 1024] {
        // The whole input in one chunk is the reference; small chunks cut records, quotes and CRLFs anywhere.
        let items = readAll(bytes, maxRecordBytes: maxRecordBytes, chunkSize: bytes.count + 1)
        for chunkSize in [4, 5 + bytes.count % 11] {
            let again = readAll(bytes, maxRecordBytes: maxRecordBytes, chunkSize: chunkSize)
            FuzzInput.require(again == items, "chunk size \(chunkSize) read \(again), one chunk read \(items)")
        }
        let lines = items.map(\.line)
        FuzzInput.require(lines.first.map { $0 >= 1 } ?? true && lines == lines.sorted(), "lines out of order: \(lines)")
        for item in items { importAsRider(item) }
    }
    return 0
}

func readAll(_ bytes: [UInt8], maxRecordBytes: Int, chunkSize: Int) -> [CSVItem] {
    let reader = CSVReader(bytes: bytes, maxRecordBytes: maxRecordBytes, chunkSize: chunkSize)
    var items: [CSVItem] = []
    // Reading from memory never fails; each call consumes at least one byte, so this ends.
    while let item = try! reader.next() {
        items.append(item)
        FuzzInput.require(items.count <= bytes.count + 1, "more items than bytes")
    }
    return items
}

/// What `riders import` does with one row of `name,phone,platform,party_member,branch`.
func importAsRider(_ item: CSVItem) {
    switch item {
    case .problem(_, let problem):
        FuzzInput.require(!problem.text.rendered().isEmpty, "empty problem message")
    case .record(let record):
        guard record.fields.count == 5 else { return }
        let fields = record.fields
        do {
            _ = try RiderDraft(name: fields[0], phone: fields[1], platform: fields[2], partyMember: fields[3] == "1",
                               branch: fields[4])
        } catch {
            FuzzInput.require(!error.message.isEmpty, "empty refusal message")
        }
    }
}

@main
enum FuzzCSVMain {
    static func main() { FuzzDriver.main("FuzzCSV", fuzzCSV) }
}
