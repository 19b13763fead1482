import Foundation
@testable import TuanjuHTTP

/// Validates decoded JSON against the OpenAPI document's schemas (the subset the document uses: $ref, anyOf,
/// object with required and additionalProperties false, array, string/enum, integer, number, boolean, null).
enum SchemaCheck {
    static let components = (OpenAPIDocument.document["components"] as? [String: any Sendable])?["schemas"] as? [String: any Sendable] ?? [:]

    static func problems(_ value: Any, _ schema: [String: any Sendable], at path: String = "$") -> [String] {
        if let ref = schema["$ref"] as? String {
            let name = String(ref.split(separator: "/").last ?? "")
            guard let target = components[name] as? [String: any Sendable] else { return ["\(path): unknown \(ref)"] }
            return problems(value, target, at: path)
        }
        if let options = schema["anyOf"] as? [[String: any Sendable]] {
            return options.contains(where: { problems(value, $0, at: path).isEmpty }) ? [] : ["\(path): matches no anyOf choice: \(value)"]
        }
        switch schema["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { return ["\(path): not an object"] }
            var found: [String] = []
            let properties = schema["properties"] as? [String: any Sendable]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                found.append("\(path).\(name): missing")
            }
            // HTTP bodies carry every key of their view (null when unset), so a documented property that is
            // absent is documentation of a field the view does not have: view and document are checked both ways.
            for (name, property) in (properties ?? [:]).sorted(by: { $0.key < $1.key })
            where object[name] == nil && (property as? [String: any Sendable])?["x-conditional"] as? Bool != true
                && !(schema["required"] as? [String] ?? []).contains(name) {
                found.append("\(path).\(name): documented, but the body has no such key")
            }
            for (name, item) in object {
                guard let properties else { continue }
                guard let property = properties[name] as? [String: any Sendable] else {
                    if schema["additionalProperties"] as? Bool == false { found.append("\(path).\(name): not in the schema") }
                    continue
                }
                found += problems(item, property, at: "\(path).\(name)")
            }
            return found
        case "array":
            guard let array = value as? [Any] else { return ["\(path): not an array"] }
            guard let items = schema["items"] as? [String: any Sendable] else { return [] }
            return array.enumerated().flatMap { problems($0.element, items, at: "\(path)[\($0.offset)]") }
        case "string":
            guard let text = value as? String else { return ["\(path): not a string: \(value)"] }
            if let values = schema["enum"] as? [String], !values.contains(text) { return ["\(path): \(text) not in \(values)"] }
            return []
        case "integer":
            guard !(value is NSNull), let number = value as? NSNumber, number.doubleValue.rounded() == number.doubleValue else {
                return ["\(path): not an integer: \(value)"]
            }
            return []
        case "number":
            return value is NSNull || !(value is NSNumber) ? ["\(path): not a number: \(value)"] : []
        case "boolean":
            return value is Bool ? [] : ["\(path): not a boolean: \(value)"]
        case "null":
            return value is NSNull ? [] : ["\(path): not null: \(value)"]
        default:
            return []
        }
    }

    /// The success schema of an operation.
    static func responseSchema(_ method: String, _ path: String) -> (status: Int, schema: [String: any Sendable])? {
        guard let operation = OpenAPIDocument.operations.first(where: { $0.method == method && $0.path == path }) else { return nil }
        return (operation.status, operation.response)
    }
}
