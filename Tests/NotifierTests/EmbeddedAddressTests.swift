import Notifier
import Testing
import TuanjuCore

/// IPv6 addresses that carry an IPv4 address reach that IPv4 host, so they are judged by it; cloud
/// metadata services hand out credentials, so they are refused even where private networks are allowed.
@Suite("SSRF guard: embedded IPv4 and cloud metadata")
struct EmbeddedAddressTests {
    @Test("6to4, NAT64, Teredo, mapped and compatible spellings of private addresses are refused without --allow-private",
          arguments: [
              "http://[2002:7f00:1::]/",            // 6to4 of 127.0.0.1
              "http://[2002:c0a8:101::1]/",         // 6to4 of 192.168.1.1
              "http://[2002:a9fe:a9fe::]/",         // 6to4 of 169.254.169.254
              "http://[64:ff9b::a00:1]/",           // NAT64 of 10.0.0.1
              "http://[64:ff9b:1::7f00:1]/",        // local-use NAT64
              "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",  // Teredo, client 127.0.0.1 (inverted)
              "http://[2001:0:7f00:1::1]/",         // Teredo, server 127.0.0.1
              "http://[::ffff:10.1.2.3]/", "http://[::10.1.2.3]/",
          ])
    func embeddedPrivate(_ url: String) {
        #expect(throws: InputError.self) { try WebhookURL(url, allowPrivate: false) }
    }

    @Test("Cloud metadata addresses are refused even with --allow-private", arguments: [
        "http://169.254.169.254/latest/meta-data", "http://[fd00:ec2::254]/latest/meta-data",
        "http://100.100.100.200/latest/meta-data", "http://169.254.170.2/v2/credentials",
        "http://[::ffff:169.254.169.254]/", "http://[2002:a9fe:a9fe::1]/", "http://[64:ff9b::6464:64c8]/",
    ])
    func metadata(_ url: String) {
        #expect(throws: InputError.self) { try WebhookURL(url, allowPrivate: true) }
    }

    @Test("Embedded public addresses pass, and --allow-private still admits ordinary private ones", arguments: [
        ("http://[2002:808:808::1]/", false), ("http://[64:ff9b::808:808]/", false),
        ("http://[2001:0:4136:e378:8000:63bf:f7f7:f7f7]/", false),  // Teredo, client 8.8.8.8, public server
        ("http://[2002:7f00:1::]/", true), ("http://[fd00::1]/", true), ("http://100.64.0.1/", true),
    ])
    func passes(_ url: String, allowPrivate: Bool) throws {
        _ = try WebhookURL(url, allowPrivate: allowPrivate)
    }

    @Test("The verdict names why: the embedded address's reason, or cloud metadata")
    func reasons() {
        #expect(AddressPolicy.verdict(literalHost: "[2002:7f00:1::]") == .privateNetwork("loopback"))
        #expect(AddressPolicy.verdict(literalHost: "[fd00:ec2::254]") == .forbidden("cloud metadata"))
        #expect(AddressPolicy.verdict(literalHost: "100.100.100.200") == .forbidden("cloud metadata"))
        #expect(AddressPolicy.verdict(ipv6: [1, 2, 3]) == .forbidden("not an internet address"))
    }
}
