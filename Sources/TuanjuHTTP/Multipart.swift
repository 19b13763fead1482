#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import TuanjuCore

/// One part of a multipart/form-data body (RFC 7578).
struct MultipartPart: Sendable, Equatable {
    /// The form field's name (`Content-Disposition: form-data; name="..."`).
    let name: String
    /// Present for file parts, possibly empty.
    let filename: String?
    let contentType: String?
    let body: ArraySlice<UInt8>

    /// The body as text, for text fields.
    var text: String? { String(validating: body, as: UTF8.self) }
}

/// A small multipart/form-data parser over a body read whole (the upload cap bounds it). It follows RFC 2046's
/// delimiter rules: parts are separated by CRLF "--" boundary, the first boundary may open the body or follow
/// a preamble, a boundary line may carry trailing white space, and anything after the closing boundary
/// ("--" boundary "--") is an epilogue and is ignored.
enum Multipart {
    static let maxParts = 32
    static let maxHeaderBytes = 8 * 1024

    /// The boundary of `Content-Type: multipart/form-data; boundary=...` (quoted or not).
    static func boundary(contentType: String) throws(HTTPFailure) -> String {
        let parameters = HeaderParameters.parse(contentType)
        guard let boundary = parameters.values["boundary"] else { throw .invalid(HTTPMsg.multipartBoundaryMissing) }
        guard (1...70).contains(boundary.utf8.count), boundary.last != " ",
              boundary.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
            throw .invalid(HTTPMsg.multipartBoundaryInvalid)
        }
        return boundary
    }

    static func parse(_ bytes: [UInt8], boundary: String) throws(HTTPFailure) -> [MultipartPart] {
        let dashBoundary = Array(("--" + boundary).utf8)
        let delimiter = [13, 10] + dashBoundary
        // The first boundary: at the very start, or after a preamble ending in CRLF.
        var position: Int
        if bytes.starts(with: dashBoundary) {
            position = 0
        } else if let found = find(delimiter, in: bytes, from: 0) {
            position = found + 2
        } else {
            throw .invalid(HTTPMsg.multipartNoFirstBoundary)
        }
        var parts: [MultipartPart] = []
        while true {
            var cursor = position + dashBoundary.count
            if bytes.count >= cursor + 2, bytes[cursor] == 0x2D, bytes[cursor + 1] == 0x2D { return parts }
            while cursor < bytes.count, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
            guard cursor + 1 < bytes.count, bytes[cursor] == 13, bytes[cursor + 1] == 10 else {
                if cursor >= bytes.count { throw .invalid(HTTPMsg.multipartUnterminated, ["part": "\(parts.count + 1)"]) }
                throw .invalid(HTTPMsg.multipartDelimiterMalformed, ["offset": "\(position)"])
            }
            cursor += 2
            guard parts.count < maxParts else { throw .invalid(HTTPMsg.multipartTooManyParts, ["max": "\(maxParts)"]) }
            let number = parts.count + 1
            // Headers end at an empty line; a part may have none at all.
            let headerEnd: Int
            let bodyStart: Int
            if bytes.count >= cursor + 2, bytes[cursor] == 13, bytes[cursor + 1] == 10 {
                headerEnd = cursor
                bodyStart = cursor + 2
            } else if let found = find([13, 10, 13, 10], in: bytes, from: cursor, limit: maxHeaderBytes + 4) {
                headerEnd = found
                bodyStart = found + 4
            } else if bytes.count - cursor > maxHeaderBytes {
                throw .invalid(HTTPMsg.multipartHeaderTooLong, ["part": "\(number)", "max": "\(maxHeaderBytes)"])
            } else {
                throw .invalid(HTTPMsg.multipartUnterminated, ["part": "\(number)"])
            }
            guard headerEnd - cursor <= maxHeaderBytes else {
                throw .invalid(HTTPMsg.multipartHeaderTooLong, ["part": "\(number)", "max": "\(maxHeaderBytes)"])
            }
            let headers = try parseHeaders(bytes[cursor..<headerEnd], part: number)
            guard let next = find(delimiter, in: bytes, from: bodyStart) else {
                throw .invalid(HTTPMsg.multipartUnterminated, ["part": "\(number)"])
            }
            parts.append(try makePart(headers, body: bytes[bodyStart..<next], part: number))
            position = next + 2
        }
    }

    /// `Name: value` lines; names lowercased. Obsolete line folding is refused (RFC 7578 §4.8 forbids it).
    static func parseHeaders(_ block: ArraySlice<UInt8>, part: Int) throws(HTTPFailure) -> [String: String] {
        guard !block.isEmpty else { return [:] }
        guard let text = String(validating: block, as: UTF8.self) else {
            throw .invalid(HTTPMsg.multipartHeaderNotUTF8, ["part": "\(part)"])
        }
        var headers: [String: String] = [:]
        for line in text.split(separator: "\r\n", omittingEmptySubsequences: false) {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                  line.first != " ", line.first != "\t",
                  !line[..<colon].contains(where: { $0 == " " || $0 == "\t" }) else {
                throw .invalid(HTTPMsg.multipartHeaderMalformed, ["part": "\(part)", "line": String(line.prefix(80))])
            }
            let name = line[..<colon].lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return headers
    }

    static func makePart(_ headers: [String: String], body: ArraySlice<UInt8>, part: Int) throws(HTTPFailure) -> MultipartPart {
        guard let disposition = headers["content-disposition"] else {
            throw .invalid(HTTPMsg.multipartDispositionMissing, ["part": "\(part)"])
        }
        let parsed = HeaderParameters.parse(disposition)
        guard parsed.value.lowercased() == "form-data" else {
            throw .invalid(HTTPMsg.multipartDispositionMissing, ["part": "\(part)"])
        }
        guard let name = parsed.values["name"], !name.isEmpty else {
            throw .invalid(HTTPMsg.multipartNameMissing, ["part": "\(part)"])
        }
        let filename = parsed.values["filename*"] ?? parsed.values["filename"]
        return MultipartPart(name: name, filename: filename, contentType: headers["content-type"], body: body)
    }

    /// The first index of `needle` in `haystack` at or after `start`; with `limit`, only a match that begins
    /// within `limit` bytes of `start`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int, limit: Int? = nil) -> Int? {
        guard start <= haystack.count else { return nil }
        var end = haystack.count
        if let limit { end = min(end, start + limit) }
        guard !needle.isEmpty, end - start >= needle.count else { return nil }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                // Both are non-empty here (checked above), so their base addresses exist; no force-unwrap.
                guard let hayBase = hay.baseAddress, let pinBase = pin.baseAddress, let firstByte = pin.first else { return nil }
                let first = Int32(firstByte)
                var position = start
                let lastStart = end - pin.count
                while position <= lastStart {
                    // memchr finds the candidate first byte; memcmp checks the rest.
                    guard let found = memchr(hayBase + position, first, lastStart - position + 1) else { return nil }
                    let index = hayBase.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(hayBase + index, pinBase, pin.count) == 0 { return index }
                    position = index + 1
                }
                return nil
            }
        }
    }
}

/// `value; name=token; name="quoted \" string"; name*=UTF-8''percent%20encoded` (RFC 9110, RFC 8187).
struct HeaderParameters {
    let value: String
    let values: [String: String]

    static func parse(_ header: String) -> HeaderParameters {
        let scalars = Array(header.unicodeScalars)
        var index = 0
        func skipSpace() { while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 } }
        func token(until stops: Set<Unicode.Scalar>) -> String {
            var text = String.UnicodeScalarView()
            while index < scalars.count, !stops.contains(scalars[index]) { text.append(scalars[index]); index += 1 }
            return String(text).trimmingCharacters(in: .whitespaces)
        }
        skipSpace()
        let value = token(until: [";"])
        var values: [String: String] = [:]
        while index < scalars.count {
            index += 1  // the ";"
            skipSpace()
            let name = token(until: ["=", ";"]).lowercased()
            guard index < scalars.count, scalars[index] == "=" else { continue }
            index += 1
            skipSpace()
            var parameter: String
            if index < scalars.count, scalars[index] == "\"" {
                index += 1
                var text = String.UnicodeScalarView()
                while index < scalars.count, scalars[index] != "\"" {
                    if scalars[index] == "\\", index + 1 < scalars.count { index += 1 }
                    text.append(scalars[index])
                    index += 1
                }
                index += 1
                parameter = String(text)
                _ = token(until: [";"])
            } else {
                parameter = token(until: [";"])
            }
            if name.hasSuffix("*") { parameter = extendedValue(parameter) ?? parameter }
            if !name.isEmpty, values[name] == nil { values[name] = parameter }
        }
        return HeaderParameters(value: value, values: values)
    }

    /// `UTF-8''%E4%B8%AD.jpg` → `中.jpg`; nil for another charset or a bad escape.
    static func extendedValue(_ text: String) -> String? {
        let pieces = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].lowercased() == "utf-8" else { return nil }
        var bytes: [UInt8] = []
        var utf8 = Array(pieces[2].utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%") {
                guard utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
