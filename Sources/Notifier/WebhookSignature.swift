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
        String(decoding: SigningKey(secret).signature(id: id, timestamp: timestamp, body: body), as: UTF8.self)
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

    /// HMAC-SHA256 (RFC 2104) under one key, its padded key blocks hashed once: signing a message then costs
    /// two copies of those states and the message's own blocks. A drain signs every delivery; swift-crypto's
    /// `HMAC` re-derives the key blocks for each one and, called across modules, runs unspecialized generic
    /// code (metadata look-ups cost more than the hashing). SignatureAndGuardTests compare it with `HMAC`.
    struct SigningKey: Sendable {
        private let inner: SHA256
        private let outer: SHA256

        init(_ secret: WebhookSecret) {
            var block = [UInt8](repeating: 0, count: SHA256.blockByteCount)
            if secret.key.count > SHA256.blockByteCount {
                block.replaceSubrange(0..<SHA256.byteCount, with: Array(SHA256.hash(data: secret.key)))
            } else {
                block.replaceSubrange(0..<secret.key.count, with: secret.key)
            }
            var inner = SHA256()
            var outer = SHA256()
            block.map { $0 ^ 0x36 }.withUnsafeBytes { inner.update(bufferPointer: $0) }
            block.map { $0 ^ 0x5C }.withUnsafeBytes { outer.update(bufferPointer: $0) }
            self.inner = inner
            self.outer = outer
        }

        /// `v1,` + base64 of the MAC of `{id}.{timestamp}.{body}`, as UTF-8.
        func signature(id: String, timestamp: Int, body: Data) -> [UInt8] {
            var hash = inner  // copied on its first update: the key's state stays as it is, for other threads too
            var prefix = id
            prefix += "."
            prefix += String(timestamp)
            prefix += "."
            prefix.withUTF8 { hash.update(bufferPointer: UnsafeRawBufferPointer($0)) }
            body.withUnsafeBytes { hash.update(bufferPointer: $0) }
            let innerDigest = hash.finalize()
            var mac = outer
            innerDigest.withUnsafeBytes { mac.update(bufferPointer: $0) }
            var out = [UInt8]()
            out.reserveCapacity(3 + 44)
            out += "v1,".utf8
            mac.finalize().withUnsafeBytes { base64(UnsafeRawBufferPointer($0), to: &out) }
            return out
        }
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Standard base64, padded.
    static func base64(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        var index = 0
        while index + 3 <= bytes.count {
            let word = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            out.append(alphabet[Int(word >> 18 & 63)])
            out.append(alphabet[Int(word >> 12 & 63)])
            out.append(alphabet[Int(word >> 6 & 63)])
            out.append(alphabet[Int(word & 63)])
            index += 3
        }
        switch bytes.count - index {
        case 1:
            let word = UInt32(bytes[index]) << 16
            out += [alphabet[Int(word >> 18 & 63)], alphabet[Int(word >> 12 & 63)], UInt8(ascii: "="), UInt8(ascii: "=")]
        case 2:
            let word = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
            out += [alphabet[Int(word >> 18 & 63)], alphabet[Int(word >> 12 & 63)], alphabet[Int(word >> 6 & 63)], UInt8(ascii: "=")]
        default: break
        }
    }
}

/// An endpoint's signing keys, derived once per read of due deliveries (not once per delivery): the current
/// secret, and the previous one until its 24 hours after a rotation end.
public struct WebhookSigner: Sendable {
    private let current: WebhookSignature.SigningKey?
    private let previous: (key: WebhookSignature.SigningKey, until: Date)?

    public init(_ endpoint: WebhookEndpoint) {
        current = WebhookSecret(text: endpoint.secret).map(WebhookSignature.SigningKey.init)
        if let secret = endpoint.previousSecret.flatMap(WebhookSecret.init(text:)),
           let until = endpoint.previousSecretUntil.flatMap(Timestamp.parse) {
            previous = (WebhookSignature.SigningKey(secret), until)
        } else {
            previous = nil
        }
    }

    /// The `webhook-signature` header at `date`: what `WebhookSignature.header` makes with the endpoint's
    /// `signingSecrets(at: date)`.
    public func header(id: String, timestamp: Int, body: Data, at date: Date) -> String {
        var out = current?.signature(id: id, timestamp: timestamp, body: body) ?? []
        if let previous, previous.until > date {
            if !out.isEmpty { out.append(UInt8(ascii: " ")) }
            out += previous.key.signature(id: id, timestamp: timestamp, body: body)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
