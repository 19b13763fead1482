import Foundation
import Hummingbird

// tuanju-hello: a bare Hummingbird server for Tools/load, the floor `tuanju serve`'s own `/healthz` is compared
// with (same framework, same machine, same run). GET /healthz answers a fixed JSON body of the same shape;
// nothing else: no middleware, no database, no log.
//
//     tuanju-hello [--port 0]
//
// Prints "listening on PORT" once ready; stops on SIGTERM/SIGINT.

var port = 0
if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--port", let value = Int(CommandLine.arguments[2]) {
    port = value
}
let body = ByteBuffer(string: #"{"status":"ok","schema_version":1}"#)
let router = Router()
router.get("/healthz") { _, _ -> Response in
    Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: body))
}
let app = Application(
    router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)),
    onServerRunning: { channel in
        FileHandle.standardOutput.write(Data("listening on \(channel.localAddress?.port ?? 0)\n".utf8))
    })
try await app.runService()
