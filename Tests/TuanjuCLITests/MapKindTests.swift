import Foundation
import Testing
@testable import TuanjuCLI

@Suite("tuanju map kinds add/update")
struct MapKindTests {
    @Test("A coordinator adds a kind, points of it can be added and found, and renames it")
    func addAndRename() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let added = try sandbox.ok(["map", "kinds", "add", "toilet", "--name-zh", "公共厕所", "--name-en", "Toilet"], token: coordinator)
        #expect(added["code"] as? String == "toilet")
        _ = try sandbox.ok(["map", "add", "--kind", "toilet", "--name", "潮王路公厕", "--lat", "30.2925", "--lon", "120.171"], token: coordinator)
        let found = try sandbox.run(["map", "nearest", "--lat", "30.2925", "--lon", "120.171", "--kind", "toilet", "--json"]).array()
        #expect(found.count == 1)
        let renamed = try sandbox.ok(["map", "kinds", "update", "toilet", "--name-en", "Public toilet"], token: coordinator)
        #expect(renamed["name"] as? String == "Public toilet" && renamed["name_zh"] as? String == "公共厕所")
        let kinds = try sandbox.run(["map", "kinds", "--json"]).array()
        #expect(kinds.map { $0["code"] as? String } == ["station", "box", "meal", "toilet"])
    }

    @Test("Riders are refused with 77; bad input is 65; a code taken is 1; nothing changes")
    func refusals() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let rider = try sandbox.rider("李骑手", phone: "13800138000", coordinator: coordinator)
        try sandbox.expectRefusal(["map", "kinds", "add", "toilet", "--name-zh", "厕所", "--name-en", "T"], token: rider.token, exit: 77)
        try sandbox.expectRefusal(["map", "kinds", "update", "box", "--name-en", "B"], token: rider.token, exit: 77)
        for args in [
            ["map", "kinds", "add", "Toilet!", "--name-zh", "厕所", "--name-en", "T"],
            ["map", "kinds", "add", "toilet", "--name-zh", " ", "--name-en", "T"],
            ["map", "kinds", "update", "box"],
        ] {
            try sandbox.expectRefusal(args, token: coordinator, exit: 65, code: "invalid_input")
        }
        try sandbox.expectRefusal(["map", "kinds", "update", "nope", "--name-en", "N"], token: coordinator, exit: 1, code: "not_found")
        try sandbox.expectRefusal(["map", "kinds", "add", "box", "--name-zh", "箱", "--name-en", "B"], token: coordinator, exit: 1,
                                  code: "already_exists")
    }
}
