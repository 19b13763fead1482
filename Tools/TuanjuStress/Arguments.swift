import Foundation

/// `COMMAND --name value --flag …`: just enough parsing for a tool.
struct Arguments {
    let command: String
    private var values: [String: String] = [:]

    init(_ words: [String]) {
        command = words.first ?? ""
        var index = 1
        while index < words.count {
            let word = words[index]
            guard word.hasPrefix("--") else { index += 1; continue }
            let name = String(word.dropFirst(2))
            if index + 1 < words.count, !words[index + 1].hasPrefix("--") {
                values[name] = words[index + 1]
                index += 2
            } else {
                values[name] = "true"
                index += 1
            }
        }
    }

    func string(_ name: String) -> String? { values[name] }

    func int(_ name: String, default value: Int) -> Int { values[name].flatMap(Int.init) ?? value }

    func flag(_ name: String) -> Bool { values[name] == "true" }

    func required(_ name: String) throws -> String {
        guard let value = values[name] else { throw ToolError("missing --\(name)") }
        return value
    }
}

struct ToolError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
