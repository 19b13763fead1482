import Foundation
import PhotoFixtures
import Testing
import TuanjuCore
import TuanjuService
@testable import TuanjuHTTP

/// Builds the smallest request the OpenAPI document calls valid: required parameters and fields only, each
/// the schema's example, first enum value, or a value inside its bounds.
enum SchemaExample {
    typealias JSON = [String: Any]
    static var document: JSON { OpenAPIDocument.document }

    static func resolve(_ schema: JSON) -> JSON {
        guard let ref = schema["$ref"] as? String else { return schema }
        let name = String(ref.dropFirst("#/components/schemas/".count))
        return (((document["components"] as? JSON)?["schemas"] as? JSON)?[name] as? JSON) ?? [:]
    }

    static func value(_ raw: JSON, full: Bool = false) -> Any {
        let schema = resolve(raw)
        if let examples = schema["examples"] as? [Any], let first = examples.first { return first }
        if let values = schema["enum"] as? [Any], let first = values.first { return first }
        if let choices = schema["anyOf"] as? [JSON] {
            return value(choices.first { ($0["type"] as? String) != "null" } ?? [:], full: full)
        }
        switch schema["type"] as? String {
        case "string":
            if schema["format"] as? String == "date-time" { return Timestamp.iso(Date().addingTimeInterval(86_400)) }
            return String(repeating: "x", count: max(1, schema["minLength"] as? Int ?? 1))
        case "integer":
            if full, let high = schema["maximum"] as? Int { return high }
            return schema["minimum"] as? Int ?? 1
        case "number":
            if let low = schema["minimum"] as? Double, let high = schema["maximum"] as? Double { return (low + high) / 2 }
            return (schema["minimum"] as? Double).map { $0 + 1 } ?? 1.0
        case "boolean": return true
        case "array":
            return (0..<(schema["minItems"] as? Int ?? 0)).map { _ in value(schema["items"] as? JSON ?? [:], full: full) }
        case "object":
            let properties = schema["properties"] as? JSON ?? [:]
            var object: JSON = [:]
            for name in schema["required"] as? [String] ?? [] { object[name] = value(properties[name] as? JSON ?? [:], full: full) }
            for name in properties.keys.sorted() where full || object.count < schema["minProperties"] as? Int ?? 0 {
                if object[name] == nil { object[name] = value(properties[name] as? JSON ?? [:], full: full) }
            }
            return object
        default: return "x"
        }
    }

    /// The query string of the operation's required parameters.
    static func query(_ operation: JSON, full: Bool = false) -> String {
        let parameters = (operation["parameters"] as? [JSON] ?? []).filter {
            $0["in"] as? String == "query" && ($0["required"] as? Bool == true || full) && $0["name"] as? String != "api_key"
                // A cursor must come from a previous page's X-Next-After (the schema says so): nothing to make up.
                && ($0["schema"] as? JSON)?["x-cursor"] as? Bool != true
        }
        let pairs = parameters.map { "\($0["name"] as? String ?? "")=\(text(value($0["schema"] as? JSON ?? [:], full: full)))" }
        return pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&")
    }

    static func text(_ value: Any) -> String {
        let raw = "\(value)"
        return raw.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? raw
    }
}

@Suite("The OpenAPI document is as strict as the server")
struct SchemaStrictnessTests {
    @Test("One schema-valid request per operation and caller: no 400 for a reason the schema does not state",
          arguments: [false, true])
    func schemaValidRequestsPass(full: Bool) async throws {
        let sandbox = try APISandbox()
        let rider = try sandbox.rider()
        let coordinator = try sandbox.coordinator()
        let photo = PhotoFixtures.jpeg(width: 16, height: 16, seed: 5)
        try await sandbox.run { client in
            let paths = SchemaExample.document["paths"] as? [String: Any] ?? [:]
            for (path, item) in paths.sorted(by: { $0.key < $1.key }) {
                for (method, raw) in (item as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
                    let operation = raw as? [String: Any] ?? [:]
                    let uri = path.replacingOccurrences(of: "{id}", with: "zz_unknown")
                        .replacingOccurrences(of: "{service_code}", with: "zz_unknown")
                        .replacingOccurrences(of: "{service_request_id}", with: "zz_unknown")
                        .replacingOccurrences(of: "{n}", with: "1") + SchemaExample.query(operation, full: full)
                    let content = ((operation["requestBody"] as? [String: Any])?["content"] as? [String: Any]) ?? [:]
                    for token in [sandbox.adminToken, coordinator, rider.token, nil] {
                        let reply: Reply
                        if let json = content["application/json"] as? [String: Any] {
                            let body = SchemaExample.value(json["schema"] as? [String: Any] ?? [:], full: full)
                            reply = try await client.send(.init(method.uppercased())!, uri, token: token, json: body)
                        } else if let form = content["multipart/form-data"] as? [String: Any] {
                            var fields: [(String, String)] = []
                            var files: [(String, [UInt8])] = []
                            let schema = form["schema"] as? [String: Any] ?? [:]
                            let properties = schema["properties"] as? [String: Any] ?? [:]
                            let names = full ? properties.keys.sorted() : schema["required"] as? [String] ?? []
                            for name in names {
                                let property = properties[name] as? [String: Any] ?? [:]
                                if property["type"] as? String == "array" {
                                    files.append((name, photo))
                                } else {
                                    let text = name == "api_key" ? (token ?? "") : "\(SchemaExample.value(property, full: full))"
                                    fields.append((name, text))
                                }
                            }
                            reply = try await client.submit(uri, token: token, MultipartForm(fields: fields, files: files))
                        } else if Client.isEventStream(method.uppercased(), path) {
                            reply = try await client.sendCancelled(after: 0.3, .init(method.uppercased())!, uri, token: token)
                        } else {
                            reply = try await client.send(.init(method.uppercased())!, uri, token: token)
                        }
                        #expect(reply.status != 400, "\(method.uppercased()) \(uri) → 400 \(reply.text)")
                        #expect(reply.status < 500, "\(method.uppercased()) \(uri) → \(reply.status) \(reply.text)")
                    }
                }
            }
        }
    }
}
