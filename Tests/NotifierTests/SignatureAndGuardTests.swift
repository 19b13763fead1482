import Crypto
import Foundation
import Testing
import TuanjuCore
@testable import Notifier

@Suite("Standard Webhooks signatures")
struct SignatureTests {
    @Test("The spec's reference vector")
    func referenceVector() throws {
        let secret = try #require(WebhookSecret(text: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        let signature = WebhookSignature.sign(
            id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: Data(#"{"test": 2432232314}"#.utf8), secret: secret)
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }

    @Test("During a rotation both secrets sign, and either verifies")
    func rotation() {
        let old = WebhookSecret.generate(), new = WebhookSecret.generate()
        let body = Data("{}".utf8)
        let header = WebhookSignature.header(id: "msg_1", timestamp: 10, body: body, secrets: [new, old])
        #expect(header.split(separator: " ").count == 2)
        #expect(WebhookSignature.verify(header: header, id: "msg_1", timestamp: 10, body: body, secret: old))
        #expect(WebhookSignature.verify(header: header, id: "msg_1", timestamp: 10, body: body, secret: new))
        #expect(!WebhookSignature.verify(header: header, id: "msg_1", timestamp: 11, body: body, secret: new))
        #expect(!WebhookSignature.verify(header: header, id: "msg_1", timestamp: 10, body: body, secret: .generate()))
    }

    @Test("The precomputed HMAC signs as swift-crypto's HMAC does, for keys shorter and longer than a block")
    func sameAsHMAC() {
        for length in [1, 16, 32, 63, 64, 65, 100, 200] {
            let secret = WebhookSecret(key: Data((0..<length).map { _ in UInt8.random(in: 0...255) }))
            for bodyLength in [0, 1, 2, 3, 55, 64, 1000] {
                let body = Data((0..<bodyLength).map { _ in UInt8.random(in: 0...255) })
                var mac = HMAC<SHA256>(key: SymmetricKey(data: secret.key))
                mac.update(data: Data("msg_\(length).\(bodyLength).".utf8))
                mac.update(data: body)
                let expected = "v1," + Data(mac.finalize()).base64EncodedString()
                #expect(WebhookSignature.sign(id: "msg_\(length)", timestamp: bodyLength, body: body, secret: secret) == expected)
            }
        }
        for length in 0...6 {  // every padding of base64
            var out = [UInt8]()
            let bytes = (0..<length).map { UInt8($0 * 37 + 1) }
            bytes.withUnsafeBytes { WebhookSignature.base64($0, to: &out) }
            #expect(String(decoding: out, as: UTF8.self) == Data(bytes).base64EncodedString())
        }
    }

    @Test("An endpoint's signer signs with the secrets signingSecrets gives: the previous one only until it expires")
    func signer() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let body = Data(#"{"type":"task.claimed"}"#.utf8)
        var endpoint = WebhookEndpoint(
            id: "whk_1", url: "http://127.0.0.1/", events: "*", secret: WebhookSecret.generate().text, previousSecret: nil,
            previousSecretUntil: nil, allowPrivate: true, enabled: true, disabledReason: nil, failingSince: nil, removed: false,
            createdAt: Timestamp.iso(now))
        for previous in [nil, WebhookSecret.generate().text] {
            endpoint.previousSecret = previous
            endpoint.previousSecretUntil = previous == nil ? nil : Timestamp.iso(now.addingTimeInterval(3600))
            let signer = WebhookSigner(endpoint)
            for date in [now, now.addingTimeInterval(7200)] {
                let expected = WebhookSignature.header(id: "evt_1", timestamp: 5, body: body, secrets: endpoint.signingSecrets(at: date))
                #expect(signer.header(id: "evt_1", timestamp: 5, body: body, at: date) == expected)
            }
        }
        #expect(WebhookSigner(endpoint).header(id: "evt_1", timestamp: 5, body: body, at: now).split(separator: " ").count == 2)
    }

    @Test("Secrets are whsec_ and base64 of 32 random bytes")
    func secrets() throws {
        let secret = WebhookSecret.generate()
        #expect(secret.key.count == 32)
        #expect(WebhookSecret(text: secret.text) == secret)
        #expect(WebhookSecret(text: "whsec_") == nil)
        #expect(WebhookSecret(text: "secret") == nil)
    }
}

@Suite("SSRF guard")
struct AddressGuardTests {
    @Test("Loopback, private, link-local, metadata, CGNAT, multicast and unspecified are refused in every spelling",
          arguments: [
              "http://127.0.0.1/", "http://127.1/", "http://0x7f.1/", "http://2130706433/", "http://0177.0.0.1/",
              "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://169.254.169.254/latest/meta-data", "http://10.0.0.5/",
              "http://172.16.3.4/", "http://192.168.1.1/", "http://100.64.0.1/", "http://224.0.0.1/", "http://0.0.0.0/",
              "http://[::]/", "http://[fe80::1]/", "http://[fd00::1]/", "http://[::ffff:a9fe:a9fe]/", "http://[64:ff9b::7f00:1]/",
              "https://0x0a.0.0.1:8443/hook", "http://017700000001/",
          ])
    func refused(_ url: String) {
        #expect(throws: InputError.self) { try WebhookURL(url, allowPrivate: false) }
    }

    @Test("Public addresses and names pass the literal check", arguments: [
        "https://dashboard.example.org/hooks", "http://8.8.8.8/", "https://[2606:4700::1111]/x", "https://hz.gov.cn:8443/a?b=c",
    ])
    func allowed(_ url: String) throws {
        _ = try WebhookURL(url, allowPrivate: false)
    }

    @Test("--allow-private admits loopback and private networks but never metadata, multicast or unspecified")
    func allowPrivate() throws {
        _ = try WebhookURL("http://127.0.0.1:9000/hook", allowPrivate: true)
        _ = try WebhookURL("http://[::1]:9000/hook", allowPrivate: true)
        _ = try WebhookURL("http://192.168.1.1/", allowPrivate: true)
        for url in ["http://169.254.169.254/", "http://0.0.0.0/", "http://224.0.0.1/"] {
            #expect(throws: InputError.self) { try WebhookURL(url, allowPrivate: true) }
        }
    }

    @Test("Only http and https URLs with a host and no credentials", arguments: [
        "ftp://example.org/", "file:///etc/passwd", "gopher://example.org/", "example.org/hook", "http:///x",
        "https://user:pass@example.org/", "",
    ])
    func badURLs(_ url: String) {
        #expect(throws: InputError.self) { try WebhookURL(url, allowPrivate: true) }
    }
}
