/// Opaque, random, prefixed identifiers such as `rdr_k3v9x2m4q8w1z7ab`.
///
/// 80 random bits in lowercase Crockford-style base32: unguessable, URL-safe, readable aloud.
public enum Identifier {
    private static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz".utf8)

    /// A new identifier with the given prefix (`rdr`, `usr`, `evt`, ...).
    public static func make(_ prefix: String) -> String {
        var generator = PooledRandom()
        return make(prefix, using: &generator)
    }

    public static func make<G: RandomNumberGenerator>(_ prefix: String, using generator: inout G) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        var bits = generator.next() as UInt64
        var extra = generator.next() as UInt64
        for index in 0..<16 {
            bytes[index] = alphabet[Int(bits & 31)]
            bits >>= 5
            if index == 11 { bits = extra; extra = 0 }
        }
        return prefix + "_" + String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `text` has the shape of an identifier with this prefix.
    public static func isWellFormed(_ text: String, prefix: String) -> Bool {
        let utf8 = Array(text.utf8)
        let head = Array((prefix + "_").utf8)
        guard utf8.count == head.count + 16, utf8.starts(with: head) else { return false }
        return utf8.dropFirst(head.count).allSatisfy { alphabet.contains($0) }
    }
}
