#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TuanjuCore

/// The SSRF guard: which addresses a webhook may reach. Checked twice: on the URL's literal host when an
/// endpoint is added (every spelling inet_aton and inet_pton accept: `127.1`, `0x7f.1`, `2130706433`,
/// `0177.0.0.1`, `[::ffff:127.0.0.1]`), and on the address DNS actually gave, at connect time.
public enum AddressPolicy {
    public enum Verdict: Sendable, Equatable {
        case allowed
        /// Loopback and private networks: reachable only with `--allow-private` (development, tests, the demo).
        case privateNetwork(String)
        /// Never reachable: unspecified, link-local (cloud metadata lives there), multicast, reserved.
        case forbidden(String)
    }

    /// The verdict for an IPv4 address in host byte order.
    public static func verdict(ipv4 address: UInt32) -> Verdict {
        func within(_ network: UInt32, _ bits: UInt32) -> Bool {
            bits == 0 || (address >> (32 - bits)) == (network >> (32 - bits))
        }
        if cloudMetadataIPv4.contains(address) { return .forbidden("cloud metadata") }
        if within(0x7F00_0000, 8) { return .privateNetwork("loopback") }
        if within(0x0A00_0000, 8) || within(0xAC10_0000, 12) || within(0xC0A8_0000, 16) { return .privateNetwork("private") }
        if within(0x6440_0000, 10) { return .privateNetwork("carrier-grade NAT") }
        if within(0x0000_0000, 8) { return .forbidden("unspecified") }
        if within(0xA9FE_0000, 16) { return .forbidden("link-local or cloud metadata") }
        if within(0xE000_0000, 4) { return .forbidden("multicast") }
        if within(0xF000_0000, 4) { return .forbidden("reserved or broadcast") }
        if within(0xC000_0000, 24) || within(0xC000_0200, 24) || within(0xC633_6400, 24) || within(0xCB00_7100, 24)
            || within(0xC612_0000, 15) {
            return .forbidden("reserved for documentation or benchmarking")
        }
        return .allowed
    }

    /// Instance-metadata services of the clouds a subdistrict may run on (AWS, GCP, Azure, Alibaba Cloud,
    /// Tencent Cloud, AWS ECS task metadata): they hand out credentials, so no webhook may reach them, not even
    /// with `--allow-private`. 100.100.100.200 (Alibaba) lies inside carrier-grade NAT, which is otherwise private.
    static let cloudMetadataIPv4: Set<UInt32> = [0xA9FE_A9FE, 0x6464_64C8, 0xA9FE_AA02]
    /// AWS's IPv6 instance-metadata address fd00:ec2::254, inside the unique-local range.
    static let cloudMetadataIPv6: [UInt8] = [0xFD, 0, 0x0E, 0xC2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54]

    /// The verdict for an IPv6 address (16 bytes; anything else is not an address and is forbidden).
    public static func verdict(ipv6 bytes: [UInt8]) -> Verdict {
        guard bytes.count == 16 else { return .forbidden("not an internet address") }
        func ipv4(at offset: Int) -> UInt32 {
            UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8
                | UInt32(bytes[offset + 3])
        }
        if bytes[0..<15].allSatisfy({ $0 == 0 }) {
            return bytes[15] == 1 ? .privateNetwork("loopback") : .forbidden("unspecified")
        }
        if bytes == cloudMetadataIPv6 { return .forbidden("cloud metadata") }
        // Addresses that carry an IPv4 address are judged by it: a packet to them reaches that IPv4 host.
        // IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::a.b.c.d (RFC 6052).
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF { return verdict(ipv4: ipv4(at: 12)) }
        if bytes[0..<12].allSatisfy({ $0 == 0 }) { return verdict(ipv4: ipv4(at: 12)) }
        if bytes[0] == 0x00, bytes[1] == 0x64, bytes[2] == 0xFF, bytes[3] == 0x9B, bytes[4..<12].allSatisfy({ $0 == 0 }) {
            return verdict(ipv4: ipv4(at: 12))
        }
        // Local-use NAT64 64:ff9b:1::/48 (RFC 8215) translates into the operator's own networks.
        if bytes[0] == 0x00, bytes[1] == 0x64, bytes[2] == 0xFF, bytes[3] == 0x9B, bytes[4] == 0x00, bytes[5] == 0x01 {
            return stricter(.privateNetwork("local-use NAT64"), verdict(ipv4: ipv4(at: 12)))
        }
        // 6to4 2002:a.b.c.d::/48 (RFC 3056): the relay delivers to the embedded a.b.c.d.
        if bytes[0] == 0x20, bytes[1] == 0x02 { return verdict(ipv4: ipv4(at: 2)) }
        // Teredo 2001:0::/32 (RFC 4380): the server's address, then the client's, stored inverted. Both must pass.
        if bytes[0] == 0x20, bytes[1] == 0x01, bytes[2] == 0x00, bytes[3] == 0x00 {
            return stricter(verdict(ipv4: ipv4(at: 4)), verdict(ipv4: ~ipv4(at: 12)))
        }
        if bytes[0] & 0xFE == 0xFC { return .privateNetwork("unique local") }
        if bytes[0] == 0xFE, bytes[1] & 0xC0 == 0x80 { return .forbidden("link-local") }
        if bytes[0] == 0xFF { return .forbidden("multicast") }
        if bytes[0] == 0x20, bytes[1] == 0x01, bytes[2] == 0x0D, bytes[3] == 0xB8 { return .forbidden("documentation") }
        return .allowed
    }

    /// The verdict for a literal host (`127.1`, `[::1]`), or nil when the host is a name to be resolved.
    public static func verdict(literalHost host: String) -> Verdict? {
        var name = host
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, name, &v6) == 1 {
            return verdict(ipv6: withUnsafeBytes(of: &v6) { Array($0) })
        }
        // inet_aton accepts every historical IPv4 spelling (octal, hex, one to four parts), as do resolvers.
        var v4 = in_addr()
        if inet_aton(name, &v4) != 0 { return verdict(ipv4: UInt32(bigEndian: v4.s_addr)) }
        return nil
    }

    /// The verdict that permits less: forbidden over private over allowed.
    static func stricter(_ first: Verdict, _ second: Verdict) -> Verdict {
        func rank(_ verdict: Verdict) -> Int {
            switch verdict {
            case .allowed: 0
            case .privateNetwork: 1
            case .forbidden: 2
            }
        }
        return rank(second) > rank(first) ? second : first
    }

    public static func permits(_ verdict: Verdict, allowPrivate: Bool) -> Bool {
        switch verdict {
        case .allowed: true
        case .privateNetwork: allowPrivate
        case .forbidden: false
        }
    }

    /// The verdict for an address libcurl is about to connect to.
    public static func verdict(sockaddr pointer: UnsafeRawPointer, family: Int32) -> Verdict {
        switch family {
        case AF_INET:
            let address = pointer.assumingMemoryBound(to: sockaddr_in.self).pointee
            return verdict(ipv4: UInt32(bigEndian: address.sin_addr.s_addr))
        case AF_INET6:
            var address = pointer.assumingMemoryBound(to: sockaddr_in6.self).pointee
            return verdict(ipv6: withUnsafeBytes(of: &address.sin6_addr) { Array($0) })
        default:
            return .forbidden("not an internet address")
        }
    }
}

/// A webhook URL that passed the checks that can be made before connecting.
public struct WebhookURL: Sendable, Equatable {
    public let text: String
    public let host: String

    /// Only http and https, a host, no credentials; a literal address must pass the guard.
    public init(_ text: String, allowPrivate: Bool) throws(InputError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { throw .invalid(.webhookURLInvalid, ["url": text]) }
        guard components.user == nil, components.password == nil else { throw .invalid(.webhookURLInvalid, ["url": text]) }
        if let verdict = AddressPolicy.verdict(literalHost: host), !AddressPolicy.permits(verdict, allowPrivate: allowPrivate) {
            let reason: String
            switch verdict {
            case .privateNetwork(let why), .forbidden(let why): reason = why
            case .allowed: reason = ""
            }
            throw .invalid(.webhookAddressRefused, ["url": text, "reason": reason])
        }
        self.text = text
        self.host = host
    }
}
