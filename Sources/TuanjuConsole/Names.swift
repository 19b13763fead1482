import Reports
import TuanjuCore
import TuanjuService

/// Names the pages show for codes: report statuses and categories, in the page's language.
struct Names: Sendable {
    let categories: [String: (en: String, zh: String)]
    let language: Language

    static func load(_ visit: Visit) async throws -> Names {
        let roles = try await visit.service { try $0.roles() }
        var categories: [String: (en: String, zh: String)] = [:]
        for category in roles.flatMap(\.categories) { categories[category.code] = (category.name, category.nameZh) }
        return Names(categories: categories, language: visit.language)
    }

    func category(_ code: String) -> String {
        guard let names = categories[code] else { return code }
        return language == .zh ? names.zh : names.en
    }

    /// Category codes and names, for a filter's choices.
    var categoryChoices: [(code: String, name: String)] {
        categories.keys.sorted().map { ($0, category($0)) }
    }

    static func status(_ status: Report.Status, _ language: Language) -> String {
        let message: ConsoleMsg = switch status {
        case .submitted: .statusSubmitted
        case .accepted: .statusAccepted
        case .rejected: .statusRejected
        case .duplicate: .statusDuplicate
        case .dispatched: .statusDispatched
        case .resolved: .statusResolved
        case .reopened: .statusReopened
        }
        return message.text([:], in: language)
    }
}
