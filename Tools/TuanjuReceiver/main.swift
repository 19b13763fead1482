import Crypto
import Foundation
import Hummingbird
import Synchronization

// tuanju-receiver: a webhook receiver for benchmarks, fast enough not to be what is measured (Hummingbird on
// SwiftNIO, one event loop per core, keep-alive). It verifies each POST's Standard Webhooks signature
// (HMAC-SHA256 over "id.timestamp.body", base64) itself, without Tuanju's code, and counts what arrives:
//
//     tuanju-receiver [--port 0] [--secret whsec_...]
//
// Prints "listening on PORT" once ready. POST /hook answers 204, or 401 for a bad signature. GET /stats
// answers {"received", "valid", "invalid", "distinct"} (distinct webhook-id values); POST /reset zeroes them.
// Loopback only; stops on SIGTERM/SIGINT.

var port = 0
var key: SymmetricKey?
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--port": port = Int(arguments.next() ?? "") ?? 0
    case "--secret":
        let text = arguments.next() ?? ""
        guard text.hasPrefix("whsec_"), let bytes = Data(base64Encoded: String(text.dropFirst("whsec_".count))) else {
            FileHandle.standardError.write(Data("tuanju-receiver: --secret must be whsec_ and base64\n".utf8))
            exit(64)
        }
        key = SymmetricKey(data: bytes)
    default:
        FileHandle.standardError.write(Data("usage: tuanju-receiver [--port N] [--secret whsec_...]\n".utf8))
        exit(64)
    }
}

struct Counts: Sendable {
    var received = 0
    var valid = 0
    var invalid = 0
    var ids = Set<String>()
}

let counts = Mutex(Counts())
let secret = key

/// Whether one of the `v1,<base64>` signatures of the header is the HMAC of `id.timestamp.body`.
func verified(id: String, timestamp: String, signatures: String, body: ByteBuffer) -> Bool {
    guard let secret else { return true }
    var mac = HMAC<SHA256>(key: secret)
    mac.update(data: Data("\(id).\(timestamp).".utf8))
    body.withUnsafeReadableBytes { mac.update(data: $0) }
    let expected = Data(mac.finalize()).base64EncodedString()
    return signatures.split(separator: " ").contains { $0.hasPrefix("v1,") && $0.dropFirst(3) == expected }
}

let router = Router()
router.post("/hook") { request, _ -> Response in
    let body = try await request.body.collect(upTo: 1 << 20)
    func header(_ name: String) -> String { request.headers.first { $0.name.canonicalName == name }?.value ?? "" }
    let id = header("webhook-id")
    let ok = verified(id: id, timestamp: header("webhook-timestamp"), signatures: header("webhook-signature"), body: body)
    counts.withLock { counts in
        counts.received += 1
        if ok { counts.valid += 1 } else { counts.invalid += 1 }
        counts.ids.insert(id)
    }
    return Response(status: ok ? .noContent : .unauthorized)
}
router.get("/stats") { _, _ -> Response in
    let text = counts.withLock { "{\"received\":\($0.received),\"valid\":\($0.valid),\"invalid\":\($0.invalid),\"distinct\":\($0.ids.count)}" }
    return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
}
router.post("/reset") { _, _ -> Response in
    counts.withLock { $0 = Counts() }
    return Response(status: .noContent)
}

let app = Application(
    router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)),
    onServerRunning: { channel in
        FileHandle.standardOutput.write(Data("listening on \(channel.localAddress?.port ?? 0)\n".utf8))
    })
try await app.runService()
