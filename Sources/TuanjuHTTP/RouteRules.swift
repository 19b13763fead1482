/// What the OpenAPI document declares, as the server enforces it: the query parameters of each operation (an
/// undeclared one is refused, as an unknown body field is) and the methods of each path (a known path asked
/// with another method answers 405 with `Allow`). The document is the one source: a parameter added to an
/// operation there is accepted here.
enum RouteRules {
    /// Query parameter names by `"METHOD /template"`.
    static let queryNames: [String: Set<String>] = {
        // Read from the finished document, so parameters it adds (paging's `after` and `limit`) count too.
        var names: [String: Set<String>] = [:]
        let paths = OpenAPIDocument.document["paths"] as? [String: any Sendable] ?? [:]
        for operation in OpenAPIDocument.operations {
            let item = paths[operation.path] as? [String: any Sendable]
            let declared = item?[operation.method.lowercased()] as? [String: any Sendable]
            let parameters = declared?["parameters"] as? [[String: any Sendable]] ?? []
            names[operation.method + " " + operation.path] = Set(parameters.compactMap { parameter in
                parameter["in"] as? String == "query" ? parameter["name"] as? String : nil
            })
        }
        return names
    }()

    /// The query parameters `method` on the route `template` takes (none when the document lists none).
    static func query(_ method: String, _ template: String) -> Set<String> {
        queryNames[method + " " + template] ?? []
    }

    /// The methods the document lists for the path `concrete` (`/v1/tasks/tsk_1` matches `/v1/tasks/{id}`).
    static func methods(forPath concrete: String) -> [String] {
        let segments = split(concrete)
        var methods: [String] = []
        for operation in OpenAPIDocument.operations where matches(split(operation.path), segments) {
            if !methods.contains(operation.method) { methods.append(operation.method) }
        }
        return methods
    }

    static func split(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { $0 }
    }

    /// A template segment `{id}` matches any one segment; `{service_code}.json` any that ends with `.json`.
    static func matches(_ template: [Substring], _ concrete: [Substring]) -> Bool {
        guard template.count == concrete.count else { return false }
        for (pattern, segment) in zip(template, concrete) {
            if let open = pattern.firstIndex(of: "{"), let close = pattern.firstIndex(of: "}"), open < close {
                let prefix = pattern[..<open]
                let suffix = pattern[pattern.index(after: close)...]
                guard segment.count > prefix.count + suffix.count, segment.hasPrefix(prefix), segment.hasSuffix(suffix) else { return false }
            } else if pattern != segment {
                return false
            }
        }
        return true
    }

    /// `--amount` → `amount`, `--duplicate-of` → `duplicate_of`: the service layer's messages name CLI flags,
    /// which over HTTP are the body fields or query parameters of the same name in snake case.
    static func httpNames(_ message: String) -> String {
        guard message.contains("--") else { return message }
        var result = ""
        var rest = Substring(message)
        while let range = rest.range(of: "--") {
            let before = rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            let previous = before.last ?? (result.last ?? " ")
            let name = after.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            result += before
            if let first = name.first, first.isLetter, first.isLowercase, !(previous.isLetter || previous.isNumber || previous == "-") {
                result += name.replacingOccurrences(of: "-", with: "_")
                rest = after[name.endIndex...]
            } else {
                result += "--"
                rest = after
            }
        }
        return result + rest
    }
}
