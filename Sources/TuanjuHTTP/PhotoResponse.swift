import Foundation
import Hummingbird
import Reports
import TuanjuService

/// A stored photo file as an HTTP response: its media type, a strong ETag from its content hash (the file never
/// changes under its name, so clients may cache it for good), 304 when the client has it already.
enum PhotoResponse {
    static func response(_ file: PhotoFile, ifNoneMatch: String?) throws -> Response {
        var headers: HTTPFields = [:]
        headers[.eTag] = file.etag
        headers[.cacheControl] = "private, max-age=31536000, immutable"
        if let ifNoneMatch, ifNoneMatch.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == file.etag }) {
            return Response(status: .notModified, headers: headers)
        }
        let bytes: Data
        do {
            bytes = try Data(contentsOf: file.url)
        } catch {
            throw ReportError.notFound(id: file.url.lastPathComponent)
        }
        headers[.contentType] = file.mediaType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
