import Foundation
import Hummingbird

/// The headers of every console response: a Content-Security-Policy that allows only the console's own files
/// (no inline script or style, no other origin: the office network may have no internet anyway), no sniffing,
/// no framing, no referrer leaving the site, and HTML never cached (pages show live data and CSRF tokens).
enum ConsoleHeaders {
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    static func secure(_ headers: inout HTTPFields, html: Bool) {
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPFields.Element.Name("X-Frame-Options")!] = "DENY"
        headers[HTTPFields.Element.Name("Referrer-Policy")!] = "same-origin"
        if html { headers[.cacheControl] = "no-store" }
    }

    static func html(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers: HTTPFields = [:]
        headers[.contentType] = "text/html; charset=utf-8"
        secure(&headers, html: true)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// 303 See Other: after a form, the browser GETs the next page (a reload does not post again).
    static func redirect(_ location: String) -> Response {
        var headers: HTTPFields = [:]
        headers[.location] = location
        secure(&headers, html: true)
        return Response(status: .seeOther, headers: headers)
    }

    static func file(_ data: Data, type: String, cache: String = "private, max-age=300") -> Response {
        var headers: HTTPFields = [:]
        headers[.contentType] = type
        headers[.cacheControl] = cache
        secure(&headers, html: false)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
