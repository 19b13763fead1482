import Foundation
import Testing
@testable import TuanjuCLI

@Suite("Seed is first content only")
struct SeedOnceTests {
    @Test("A later init neither overwrites a changed seeded lesson nor duplicates coordinator-made content")
    func initKeepsCoordinatorContent() throws {
        // Given a coordinator who changed a seeded lesson and added a lesson, an activity and a role
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        _ = try sandbox.ok(["lessons", "update", "lesson-01", "--points", "99", "--title", "Changed"], token: coordinator)
        _ = try sandbox.ok(["lessons", "add", "--title", "New", "--summary", "S", "--link", "https://tuanju.invalid/l/9", "--points", "3"],
                           token: coordinator)
        _ = try sandbox.ok(["activities", "add", "--kind", "health", "--title", "Eye check"], token: coordinator)
        _ = try sandbox.ok(["roles", "add", "elder-helper", "--name-zh", "助老员", "--name-en", "Elder helper"], token: coordinator)
        let before = try sandbox.snapshot()
        // When init runs again
        let again = sandbox.run(["init", "--json"])
        #expect(again.exit == 0, "\(again.stderr)")
        // Then nothing changed: the edit stays, nothing is added twice
        #expect(try sandbox.snapshot() == before)
        let lessons = try sandbox.run(["lessons", "list", "--json"], token: coordinator).array()
        let first = try #require(lessons.first { $0["id"] as? String == "lesson-01" })
        #expect(first["points"] as? Int == 99 && first["title"] as? String == "Changed")
        #expect(lessons.count == 5)
    }
}
