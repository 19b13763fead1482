import Hummingbird
import TuanjuCore
import TuanjuService

/// One registered endpoint: its method and path in OpenAPI's template form (`/v1/tasks/{id}`).
public struct RouteEntry: Hashable, Sendable, CustomStringConvertible {
    public let method: String
    public let path: String
    public var description: String { "\(method) \(path)" }
}

/// The only way routes are added: each goes to the router and to `entries`, so the OpenAPI check sees
/// exactly what the router serves.
final class RouteRegistry {
    typealias Handler = @Sendable (inout Call) async throws -> Response

    let router: Router<APIContext>
    let app: Tuanju
    let config: ServerConfiguration
    /// The open inbox streams and their watcher (one per server).
    let streams: InboxStreams
    private(set) var entries: [RouteEntry] = []

    init(router: Router<APIContext>, app: Tuanju, config: ServerConfiguration, streams: InboxStreams) {
        self.router = router
        self.app = app
        self.config = config
        self.streams = streams
    }

    func add(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        entries.append(RouteEntry(method: method.rawValue, path: path))
        let app = self.app
        let config = self.config
        // Staff actions are audited as the CLI's are: the command is the route's pattern (no ids, no query),
        // carried by the caller the request's token resolves to.
        let command = "http \(method.rawValue) \(path)"
        let known = RouteRules.query(method.rawValue, path)
        router.on(RouterPath(path), method: method) { request, context -> Response in
            // A query parameter the document does not declare is refused, as an unknown body field is.
            let parameters = request.uri.queryParameters
            if parameters.contains(where: { !known.contains(String($0.key)) }),
               let unknown = parameters.map({ String($0.key) }).sorted().first(where: { !known.contains($0) }) {
                throw HTTPFailure.invalid(HTTPMsg.queryUnknown, ["name": unknown, "known": known.isEmpty ? "-" : known.sorted().joined(separator: ", ")])
            }
            var call = Call(request: request, context: context, app: app, config: config, command: command, queryParameters: parameters)
            return try await handler(&call)
        }
    }

    func get(_ path: String, _ handler: @escaping Handler) { add(.get, path, handler) }
    func post(_ path: String, _ handler: @escaping Handler) { add(.post, path, handler) }
    func patch(_ path: String, _ handler: @escaping Handler) { add(.patch, path, handler) }
}
