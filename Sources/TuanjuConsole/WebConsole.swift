import Foundation
import Hummingbird
import TuanjuCore
import TuanjuService

/// The coordinators' console in the browser (#23): server-rendered pages under `/console`, over the same use
/// cases as the CLI and the JSON API. `tuanju serve` mounts it (TuanjuHTTP adds these routes to its router).
public enum WebConsole {
    /// The session cookie: the session's random id (the database keeps only its hash).
    static let sessionCookie = "tuanju_session"
    /// The language chosen with `?lang=`, remembered.
    static let languageCookie = "tuanju_lang"
    /// Sign-in's own double-submit token: a form posted from elsewhere cannot sign a browser in.
    static let signInCookie = "tuanju_signin"

    /// Adds every console route to `router`. Throws when the templates or static files cannot be read.
    public static func addRoutes<Context: RequestContext>(to router: Router<Context>, app: Tuanju) throws {
        let routes = ConsoleRouter(router: router, app: app, renderer: try Renderer.load())
        staticRoutes(routes)
        signInRoutes(routes)
        reviewRoutes(routes)
        reportRoutes(routes)
        mapRoutes(routes)
        figureRoutes(routes)
        batchRoutes(routes)
    }
}

/// Adds console routes behind the gate: language, session, CSRF, errors as pages, security headers.
struct ConsoleRouter<Context: RequestContext> {
    typealias Handler = @Sendable (inout Visit) async throws -> Response

    let router: Router<Context>
    let app: Tuanju
    let renderer: Renderer

    func get(_ path: String, signedIn: Bool = true, _ handler: @escaping Handler) { add(.get, path, signedIn: signedIn, handler) }
    func post(_ path: String, signedIn: Bool = true, _ handler: @escaping Handler) { add(.post, path, signedIn: signedIn, handler) }

    func add(_ method: HTTPRequest.Method, _ path: String, signedIn: Bool, _ handler: @escaping Handler) {
        let app = self.app, renderer = self.renderer
        let names = path.split(separator: "/").filter { $0.hasPrefix("{") && $0.hasSuffix("}") }.map { String($0.dropFirst().dropLast()) }
        // Audited as the CLI's and the API's actions are: the route's pattern, never an id.
        let command = "console \(method.rawValue) \(path)"
        router.on(RouterPath(path), method: method) { request, context -> Response in
            var request = request
            var parameters: [String: String] = [:]
            for name in names { parameters[name] = context.parameters.get(name) }
            let chosen = request.uri.queryParameters.get("lang").flatMap { Language(code: String($0)) }
            let language = chosen ?? request.cookies[WebConsole.languageCookie].flatMap { Language(code: $0.value) } ?? .zh
            let secure = request.headers[HTTPFields.Element.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
            var visit = Visit(request: request, app: app, renderer: renderer, language: language, parameters: parameters, secure: secure)
            var response = await Language.$current.withValue(language) { () async -> Response in
                do {
                    if signedIn, let refusal = try await Self.admit(&visit, &request, method: method, command: command) { return refusal }
                    return try await handler(&visit)
                } catch {
                    return Self.failure(error, visit)
                }
            }
            if let chosen {
                response.setCookie(Cookie(
                    name: WebConsole.languageCookie, value: chosen.rawValue, maxAge: 365 * 86_400, path: "/console",
                    secure: secure, httpOnly: true, sameSite: .strict))
            }
            return response
        }
    }

    /// Lets a signed-in request through (nil), else answers it: a page asks to sign in; a POST without the
    /// session's CSRF token is refused with 403 before anything runs.
    static func admit(_ visit: inout Visit, _ request: inout Request, method: HTTPRequest.Method, command: String) async throws -> Response? {
        let app = visit.app
        guard let id = request.cookies[WebConsole.sessionCookie]?.value,
              let found = try? await ConsoleWork.run({ try app.consoleSession(id: id, command: command) })
        else {
            if method == .get { return ConsoleHeaders.redirect("/console/sign-in") }
            return visit.problem(ConsoleMsg.signInNeeded.text, status: .forbidden)
        }
        visit.caller = found.caller
        visit.session = found.session
        visit.sessionID = id
        if method == .post {
            visit.form = try await Self.form(&request)
            guard let token = visit.form["csrf"], sameSecret(token, found.session.csrfToken) else {
                return visit.problem(ConsoleMsg.csrfRefused.text, status: .forbidden)
            }
        }
        return nil
    }

    /// The form of a POST: at most 64 KiB (the console's forms are a few short fields).
    static func form(_ request: inout Request) async throws -> FormBody {
        let buffer = try await request.collectBody(upTo: 64 * 1024)
        return FormBody(Array(buffer.readableBytesView))
    }

    /// A refused action as a page, with the status the JSON API would give it.
    static func failure(_ error: any Error, _ visit: Visit) -> Response {
        guard let known = error as? any TuanjuError else {
            return visit.problem(String(describing: type(of: error)), status: .internalServerError)
        }
        let status: HTTPResponse.Status = switch known.category {
        case .unauthorized: known.code == "unauthenticated" ? .unauthorized : .forbidden
        case .invalidInput: .unprocessableContent
        case .refused: known.code == "not_found" ? .notFound : .conflict
        case .noInput: .notFound
        case .busy: .serviceUnavailable
        case .machine: .internalServerError
        }
        return visit.problem(known.message, status: status)
    }
}
