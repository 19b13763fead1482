import Crypto
import Foundation

/// Bearer tokens: 32 random bytes, shown once as `tj_` + base64url, stored only as a SHA-256 hash.
public enum Token {
    /// A new token (43 base64url characters after the prefix).
    public static func generate() -> String {
        let key = SymmetricKey(size: .bits256)
        let base64 = key.withUnsafeBytes { Data($0).base64EncodedString() }
        let url = base64
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return "tj_" + url
    }

    /// The hex SHA-256 of the token, the only form the database keeps.
    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
