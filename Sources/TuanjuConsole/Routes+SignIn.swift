import Foundation
import Hummingbird
import Identity
import TuanjuCore
import TuanjuService

extension WebConsole {
    /// The console's own CSS and JavaScript (the CSP allows no inline script or style, and no other origin).
    static func staticRoutes<Context>(_ routes: ConsoleRouter<Context>) {
        let renderer = routes.renderer
        routes.get("/console/static/console.css", signedIn: false) { _ in
            ConsoleHeaders.file(renderer.css, type: "text/css; charset=utf-8")
        }
        routes.get("/console/static/console.js", signedIn: false) { _ in
            ConsoleHeaders.file(renderer.javascript, type: "text/javascript; charset=utf-8")
        }
    }

    /// Sign-in with a coordinator's or admin's token (a rider's is refused), sign-out revoking the session.
    static func signInRoutes<Context>(_ routes: ConsoleRouter<Context>) {
        routes.get("/console/sign-in", signedIn: false) { visit in
            signInPage(visit, message: visit.query("signed-out") != nil ? ConsoleMsg.signedOut.text : nil, status: .ok)
        }
        routes.post("/console/sign-in", signedIn: false) { visit in
            var request = visit.request
            let form = try await ConsoleRouter<Context>.form(&request)
            // The double-submit token: the form must carry the value of the cookie the sign-in page set.
            guard let nonce = form["signin"], let cookie = request.cookies[signInCookie]?.value, sameSecret(nonce, cookie) else {
                return signInPage(visit, message: ConsoleMsg.csrfRefused.text, status: .forbidden)
            }
            let token = form["token"] ?? ""
            let signIn: ConsoleSignIn
            do {
                signIn = try await visit.service { try $0.signInConsole(token: token, command: "console POST /console/sign-in") }
            } catch let error as AccessError {
                let rider = (try? await visit.service { try $0.authenticate(token: token) })?.kind == .rider
                let message = rider ? ConsoleMsg.signInRider.text : ConsoleMsg.signInRefused.text
                return signInPage(visit, message: message, status: error.code == "forbidden" ? .forbidden : .unauthorized)
            }
            var response = ConsoleHeaders.redirect("/console")
            response.setCookie(Cookie(
                name: sessionCookie, value: signIn.sessionID, maxAge: Int(ConsoleSessions.lifetime), path: "/console",
                secure: visit.secure, httpOnly: true, sameSite: .strict))
            return response
        }
        routes.post("/console/sign-out") { visit in
            let id = visit.sessionID ?? ""
            try await visit.service { try $0.signOutConsole(id: id, command: "console POST /console/sign-out") }
            var response = ConsoleHeaders.redirect("/console/sign-in?signed-out=1")
            response.setCookie(Cookie(
                name: sessionCookie, value: "", maxAge: 0, path: "/console", secure: visit.secure, httpOnly: true, sameSite: .strict))
            return response
        }
    }

    /// The sign-in form, with a fresh double-submit token in a cookie and in the form.
    static func signInPage(_ visit: Visit, message: String?, status: HTTPResponse.Status) -> Response {
        let nonce = Token.generate()
        var context = visit.frame(title: ConsoleMsg.signInTitle.text, nav: "SignIn")
        context["nonce"] = nonce
        if let message { context["message"] = message }
        var response = visit.page("sign-in", context, status: status)
        response.setCookie(Cookie(
            name: signInCookie, value: nonce, maxAge: 3600, path: "/console/sign-in", secure: visit.secure, httpOnly: true,
            sameSite: .strict))
        return response
    }
}
