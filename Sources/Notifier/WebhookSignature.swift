import Crypto
import Foundation
import TuanjuCore

/// An endpoint's signing secret: `whsec_` + base64 of the key bytes (Standard Webhooks).
public struct WebhookSecret: Sendable, Equatable {
    public let key: Data

    public init(key: Data) { self.key = key }

    /// 32 random bytes.
    public static func generate() -> WebhookSecret {
        WebhookSecret(key: SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) })
    }

    /// Parses `whsec_<base64>`.
    public init?(text: String) {
        guard text.hasPrefix("whsec_"), let key = Data(base64Encoded: String(text.dropFirst(6))), !key.isEmpty else {
            return nil
        }
        self.key = key
    }

    public var text: String { "whsec_" + key.base64EncodedString() }
}

/// Standard Webhooks v1 signatures: `v1,` + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")).
public enum WebhookSignature {
    public static func sign(id: String, timestamp: Int, body: Data, secret: WebhookSecret) -> String {
        var mac = HMAC<SHA256>(key: SymmetricKey(data: secret.key))
        mac.update(data: Data("\(id).\(timestamp).".utf8))
        mac.update(data: body)  // streamed: the body is not copied behind the prefix
        return "v1," + Data(mac.finalize()).base64EncodedString()
    }

    /// The `webhook-signature` header: one signature per secret, space-separated (during a rotation both the
    /// new and the previous secret sign).
    public static func header(id: String, timestamp: Int, body: Data, secrets: [WebhookSecret]) -> String {
        secrets.map { sign(id: id, timestamp: timestamp, body: body, secret: $0) }.joined(separator: " ")
    }

    /// Whether any signature in `header` matches, compared in constant time.
    public static func verify(header: String, id: String, timestamp: Int, body: Data, secret: WebhookSecret) -> Bool {
        let expected = Array(sign(id: id, timestamp: timestamp, body: body, secret: secret).utf8)
        return header.split(separator: " ").contains { candidate in
            let bytes = Array(candidate.utf8)
            guard bytes.count == expected.count else { return false }
            return zip(bytes, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
        }
    }
}
