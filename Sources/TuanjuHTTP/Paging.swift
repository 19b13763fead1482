import Foundation
import Hummingbird
import TuanjuCore

extension Call {
    /// `?after=ID&limit=N` of a list route (limit 200 when absent; the service checks the range).
    func page() throws -> PageRequest {
        PageRequest(after: query("after"), limit: try queryInt("limit") ?? PageRequest.defaultLimit)
    }
}

extension JSONBody {
    static let nextAfter = HTTPFields.Element.Name("X-Next-After")!
    static let linkHeader = HTTPFields.Element.Name("Link")!

    /// A page as the JSON array of its rows. When a further row exists the response says where the next page
    /// starts twice over: `Link: </v1/...?after=X&limit=N>; rel="next"` (RFC 8288, with the request's other
    /// query parameters kept) and `X-Next-After: X`. The last page carries neither.
    static func page<T: Encodable>(_ page: Page<T>, for request: Request, limit: Int) throws -> Response {
        var response = try self.response(page.rows)
        guard let next = page.next else { return response }
        response.headers[nextAfter] = next
        response.headers[linkHeader] = "<\(nextLink(request, after: next, limit: limit))>; rel=\"next\""
        return response
    }

    /// The request's path and query with `after` and `limit` replaced.
    static func nextLink(_ request: Request, after: String, limit: Int) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+;#?/")
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text }
        var pairs: [String] = []
        for (name, value) in request.uri.queryParameters where name != "after" && name != "limit" {
            pairs.append(encode(String(name)) + "=" + encode(String(value)))
        }
        pairs += ["after=" + encode(after), "limit=\(limit)"]
        return request.uri.path + "?" + pairs.joined(separator: "&")
    }
}
