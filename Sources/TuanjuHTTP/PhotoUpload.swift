import Foundation
import Hummingbird
import TuanjuCore
import TuanjuService

/// A multipart/form-data report: its text fields and its photo parts, handed to `Tuanju.submitReport` as bytes.
struct PhotoUpload {
    let fields: FormFields
    let photos: [ArraySlice<UInt8>]

    /// Reads the multipart body of `call` (up to the upload cap). `textFields` are the names allowed as text;
    /// with `strict`, any other name is refused, else ignored (Open311 clients send fields Tuanju has no use for).
    static func read(_ call: inout Call, photoField: String, textFields: [String], strict: Bool) async throws -> PhotoUpload {
        guard call.mediaType == "multipart/form-data" else {
            throw HTTPFailure.unsupportedContentType(expected: "multipart/form-data", actual: call.mediaType)
        }
        let boundary = try Multipart.boundary(contentType: call.request.headers[.contentType] ?? "")
        let bytes = try await call.bodyBytes(max: call.config.maxUploadBytes)
        return try parse(Multipart.parse(bytes, boundary: boundary), photoField: photoField, textFields: textFields, strict: strict)
    }

    static func parse(_ parts: [MultipartPart], photoField: String, textFields: [String], strict: Bool) throws(HTTPFailure) -> PhotoUpload {
        var values: [String: String] = [:]
        var photos: [ArraySlice<UInt8>] = []
        for part in parts {
            if part.name == photoField {
                guard part.filename != nil else { throw .invalid(HTTPMsg.multipartPhotoNotFile, ["name": part.name]) }
                photos.append(part.body)
            } else if textFields.contains(part.name) {
                guard part.filename == nil, let text = part.text else {
                    throw .invalid(HTTPMsg.multipartFieldNotText, ["name": part.name])
                }
                guard values[part.name] == nil else { throw .invalid(HTTPMsg.multipartFieldRepeated, ["name": part.name]) }
                values[part.name] = text
            } else if strict {
                throw .invalid(HTTPMsg.multipartFieldUnknown, [
                    "name": part.name, "known": (textFields + [photoField]).joined(separator: ", "),
                ])
            }
        }
        return PhotoUpload(fields: FormFields(values), photos: photos)
    }

    /// The photos for `Tuanju.submitReport`, in memory: an upload is never written to a temporary file (the
    /// service checks, strips and stores the bytes exactly as it does a CLI's files).
    var inputs: [PhotoInput] { photos.map { .bytes(Array($0)) } }
}
