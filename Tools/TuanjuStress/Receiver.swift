import Foundation

/// Tools/webhook-receiver on a free loopback port, recording every request it answers.
final class Receiver {
    let process = Process()
    let port: Int
    let secretFile: String
    let recordFile: String

    init(root: String) throws {
        secretFile = root + "/receiver-secret"
        recordFile = root + "/receiver.jsonl"
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", ToolPaths.receiverScript, "--port", "0", "--secret-file", secretFile, "--record", recordFile]
        let pipe = Pipe()
        process.standardOutput = pipe
        // A killed sender leaves connections reset mid-request; the receiver's tracebacks about them are noise here.
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let port = Int(text.split(separator: " ").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") else {
            throw ToolError("the webhook receiver did not start: \(text)")
        }
        self.port = port
    }

    var url: String { "http://127.0.0.1:\(port)/hook" }

    /// One line per request: `{"id", "timestamp", "valid", "type", "status"}`.
    struct Record: Decodable {
        let id: String?
        let valid: Bool?
        let status: Int
    }

    func records() throws -> [Record] {
        guard let text = try? String(contentsOfFile: recordFile, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Record.self, from: Data($0.utf8)) }
    }

    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
