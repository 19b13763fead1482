import Foundation
import GRDB
import Storage
import Testing

@Suite("tuanju init")
struct InitTests {
    @Test("First init creates a private data dir, the roles and one admin token")
    func firstInit() throws {
        let sandbox = try Sandbox()
        // Then
        #expect(sandbox.adminToken.hasPrefix("tj_"))
        let attributes = try FileManager.default.attributesOfItem(atPath: sandbox.data)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        let roles = try sandbox.run(["roles", "list", "--json"]).array()
        #expect(roles.count == 8)
        #expect(roles.map { $0["code"] as? String }.contains("food-safety-gatekeeper"))
    }

    @Test("A second init changes nothing and prints no new admin token")
    func secondInit() throws {
        let sandbox = try Sandbox()
        let before = try sandbox.snapshot()
        // When
        let again = try sandbox.ok(["init"])
        // Then
        #expect(again["admin_token"] == nil || again["admin_token"] is NSNull)
        #expect(again["schema_version"] as? Int == Migrations.latestVersion)
        #expect(try sandbox.snapshot() == before)
    }

    @Test("The token is stored only as a hash")
    func tokenHashed() throws {
        let sandbox = try Sandbox()
        #expect(!(try sandbox.snapshot()).contains(sandbox.adminToken))
    }

    @Test("--data pointing at a file is refused with 66")
    func dataIsFile() throws {
        let sandbox = try Sandbox(initialize: false)
        let file = try sandbox.file("plain", "not a directory")
        let result = runRaw(["init", "--data", file, "--json"])
        #expect(result.exit == 66)
        #expect(result.errorCode == "data_dir_unusable")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "not a directory")
    }

    @Test("--data in a place that cannot be created is refused with 66")
    func dataUncreatable() throws {
        let result = runRaw(["init", "--data", "/proc/tuanju-cannot-exist/data", "--json"])
        #expect(result.exit == 66)
        #expect(result.errorCode == "data_dir_unusable")
    }

    @Test("A command on a data dir that was never initialized says to run init")
    func notInitialized() throws {
        let sandbox = try Sandbox(initialize: false)
        let result = sandbox.run(["roles", "list", "--json"])
        #expect(result.exit == 66)
        #expect(result.errorCode == "not_initialized")
        #expect(!FileManager.default.fileExists(atPath: sandbox.data))
    }

    @Test("A database from a newer schema version is refused, not downgraded")
    func newerSchema() throws {
        let sandbox = try Sandbox()
        // Given a migration this build does not know
        let queue = try sandbox.database()
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        let before = try sandbox.snapshot()
        // When / Then
        for args in [["init", "--json"], ["roles", "list", "--json"]] {
            let result = sandbox.run(args)
            #expect(result.exit == 65)
            #expect(result.errorCode == "schema_too_new")
        }
        #expect(try sandbox.snapshot() == before)
    }

    private func runRaw(_ args: [String]) -> RunResult {
        let output = CapturedOutput()
        let exit = TuanjuCLI.run(args, console: output.console(environment: [:]))
        return RunResult(exit: exit, stdout: output.stdout, stderr: output.stderr)
    }
}

@testable import TuanjuCLI
