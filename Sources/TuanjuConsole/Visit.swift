import Foundation
import Hummingbird
import Identity
import TuanjuCore
import TuanjuService

/// One request to the console as a page handler sees it: the service, the language, the path parameters, the
/// signed-in caller and its session, and (for a POST) the form, already checked for its CSRF token.
struct Visit: Sendable {
    let request: Request
    let app: Tuanju
    let renderer: Renderer
    let language: Language
    let parameters: [String: String]
    /// Behind a TLS proxy (`X-Forwarded-Proto: https`): cookies are marked Secure.
    let secure: Bool
    var caller: Caller?
    var session: ConsoleSession?
    var sessionID: String?
    var form = FormBody([])

    func path(_ name: String) -> String { parameters[name] ?? "" }

    /// A query parameter, nil when absent or empty.
    func query(_ name: String) -> String? {
        guard let value = request.uri.queryParameters.get(name), !value.isEmpty else { return nil }
        return String(value)
    }

    /// Runs one service call off the cooperative pool.
    func service<T: Sendable>(_ work: @escaping @Sendable (Tuanju) throws -> T) async throws -> T {
        let app = self.app
        return try await ConsoleWork.run { try work(app) }
    }

    /// The signed-in caller (the gate guarantees one on every page but sign-in).
    var staff: Caller {
        get throws {
            guard let caller else { throw AccessError.missingToken }
            return caller
        }
    }

    /// The values every page's frame needs: the words, the language switch, who is signed in, the CSRF token.
    func frame(title: String, nav: String) -> [String: Any] {
        var context: [String: Any] = [
            "t": language == .zh ? Renderer.wordsZh : Renderer.wordsEn,
            "lang": language == .zh ? "zh-CN" : "en",
            "title": title,
            "langLink": languageLink,
            // The other language's own name (not a message: it reads the same in both).
            "langLabel": language == .zh ? "English" : "中文",
            "nav\(nav)": true,
        ]
        if let caller, let session {
            context["user"] = ConsoleMsg.signedInAs.text(["name": caller.name, "role": caller.kind.rawValue], in: language)
            context["csrf"] = session.csrfToken
        }
        return context
    }

    /// This page in the other language: the path and query as they are, with `lang` switched.
    var languageLink: String {
        var items = (URLComponents(string: request.uri.description)?.queryItems ?? []).filter { $0.name != "lang" }
        items.append(URLQueryItem(name: "lang", value: language == .zh ? "en" : "zh"))
        var components = URLComponents()
        components.path = request.uri.path
        components.queryItems = items
        return components.string ?? "?lang=en"
    }

    func page(_ template: String, _ context: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        ConsoleHeaders.html(renderer.render(template, context), status: status)
    }

    /// A page saying what was not done and why, with the status of the refusal.
    func problem(_ message: String, status: HTTPResponse.Status) -> Response {
        var context = frame(title: ConsoleMsg.errorTitle.text([:], in: language), nav: "None")
        context["message"] = message
        return page("problem", context, status: status)
    }
}

/// Constant-time comparison of two secrets (a CSRF token), so timing tells an attacker nothing.
func sameSecret(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8), y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for index in x.indices { difference |= x[index] ^ y[index] }
    return difference == 0
}
