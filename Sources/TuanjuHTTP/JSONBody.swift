import Foundation
import Hummingbird
import TuanjuCore
import TuanjuViews

/// JSON responses: the CLI's encoder settings (sorted keys, slashes unescaped), compact.
enum JSONBody {
    static let headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// `value` as a JSON response, every documented key present (`null` when unset), as the CLI prints it.
    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(status: status, headers: headers, body: .init(byteBuffer: try bytes(value)))
    }

    /// The body of `response(value)`: the view's tree written directly (what `encoder` would write, faster).
    static func bytes<T: Encodable>(_ value: T) throws -> ByteBuffer {
        ByteBuffer(bytes: try JSONTree.json(of: value))
    }

    /// JSON text made elsewhere (the Open311 listing streams its own).
    static func response(text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
