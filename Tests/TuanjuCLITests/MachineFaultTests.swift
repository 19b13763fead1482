import Foundation
import GRDB
import PhotoFixtures
import Testing

/// Mounts for the fault tests: a small tmpfs (a disk that fills up) and a read-only bind mount. They need root,
/// as CI has; elsewhere the suite is skipped.
final class FaultMount {
    let path: String

    static let available: Bool = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/bin/mount")

    private init(path: String) { self.path = path }

    /// A tmpfs of `kilobytes` at `path` (created).
    static func tmpfs(at path: String, kilobytes: Int) throws -> FaultMount {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try run(["-t", "tmpfs", "-o", "size=\(kilobytes)k,mode=0700", "tmpfs", path])
        return FaultMount(path: path)
    }

    /// `path` again, read-only, on top of itself.
    static func readOnly(_ path: String) throws -> FaultMount {
        try run(["--bind", path, path])
        let mount = FaultMount(path: path)
        try run(["-o", "remount,bind,ro", path])
        return mount
    }

    /// Grows a tmpfs (frees space without touching its files).
    func resize(kilobytes: Int) throws {
        try Self.run(["-o", "remount,size=\(kilobytes)k", path])
    }

    func unmount() {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/umount")
        process.arguments = ["-l", path]
        try? process.run()
        process.waitUntilExit()
    }

    private static func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/mount")
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw SandboxError(message: "mount \(arguments) failed") }
    }
}

/// A full disk, a read-only data directory, another user's data directory and a damaged database: each gets a
/// clear error with exit 74, nothing half-written, and the work completes once the fault is fixed.
@Suite("Machine faults", .enabled(if: FaultMount.available, "needs root to mount a tmpfs"), .serialized)
struct MachineFaultTests {
    static let header = "name,phone,platform,party_member,branch\n"

    /// A sandbox whose data directory is a fresh tmpfs of `kilobytes`, initialized.
    static func smallDisk(kilobytes: Int) throws -> (Sandbox, FaultMount, admin: String) {
        let sandbox = try Sandbox(initialize: false)
        let mount = try FaultMount.tmpfs(at: sandbox.data, kilobytes: kilobytes)
        let result = sandbox.run(["init", "--json"])
        guard result.exit == 0 else {
            mount.unmount()
            throw SandboxError(message: "init failed: \(result.stderr)")
        }
        return (sandbox, mount, try result.object()["admin_token"] as? String ?? "")
    }

    /// A coordinator's token, added by `admin`.
    static func coordinator(_ sandbox: Sandbox, admin: String) throws -> String {
        try sandbox.ok(["users", "add", "--name", "王协调", "--role", "coordinator"], token: admin)["token"] as! String
    }

    /// A second sandbox holding a copy of `sandbox`'s data directory (same tokens).
    static func copy(of sandbox: Sandbox) throws -> Sandbox {
        let copy = try Sandbox(initialize: false)
        try FileManager.default.copyItem(atPath: sandbox.data, toPath: copy.data)
        return copy
    }

    static func riderCount(_ data: String) throws -> Int {
        try DatabaseQueue(path: data + "/tuanju.sqlite").read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM riders") ?? 0 }
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.intValue ?? 0
    }

    @Test("An import that fills the disk exits 74 disk_full naming the data directory, gives the WAL's space back, and completes once after space is freed")
    func importFillsDisk() throws {
        let (sandbox, mount, admin) = try Self.smallDisk(kilobytes: 2_048)  // #20 seeds agencies and deadlines: init needs more room
        defer { mount.unmount() }
        let coordinator = try Self.coordinator(sandbox, admin: admin)
        var csv = Self.header
        for i in 0..<20_000 { csv += "骑手\(i),139\(String(format: "%08d", i)),meituan,no,\n" }
        let file = try sandbox.file("riders.csv", csv)

        let failed = sandbox.run(["riders", "import", file, "--json"], token: coordinator)
        #expect(failed.exit == 74, "\(failed.stderr)")
        #expect(failed.errorCode == "disk_full")
        #expect(failed.stderr.contains(sandbox.data))
        #expect(!failed.stderr.contains("internal"))
        // The failed transaction's frames do not stay behind in the WAL to keep the disk full.
        #expect(Self.fileSize(sandbox.data + "/tuanju.sqlite-wal") <= 64 * 1024)

        try mount.resize(kilobytes: 32 * 1_024)
        let again = sandbox.run(["riders", "import", file, "--json"], token: coordinator)
        #expect(again.exit == 0, "\(again.stderr)")
        let doctor = sandbox.run(["doctor", "--json"], token: admin)
        #expect(doctor.exit == 0, "\(doctor.stdout) \(doctor.stderr)")
        #expect(try Self.riderCount(sandbox.data) == 20_000)
    }

    @Test("A report submitted onto a full disk exits 74, leaves no photo file and no row, and succeeds once space is freed")
    func photoOnFullDisk() throws {
        let (sandbox, mount, admin) = try Self.smallDisk(kilobytes: 2_048)
        defer { mount.unmount() }
        let coordinator = try Self.coordinator(sandbox, admin: admin)
        let rider = try sandbox.rider("李骑手", phone: "13800001111", coordinator: coordinator)
        let task = try sandbox.ok(["tasks", "create", "--role", "hazard-inspector", "--title", "巡查", "--capacity", "5"],
                                  token: coordinator)["id"] as! String
        _ = try sandbox.ok(["tasks", "claim", task], token: rider.token)
        let photo = try sandbox.file("photo.jpg", bytes: PhotoFixtures.jpeg(approximateBytes: 600_000, seed: 7))
        // Fill the disk but a little.
        let filler = sandbox.data + "/filler"
        let free = Self.freeBytes(sandbox.data)
        _ = FileManager.default.createFile(atPath: filler, contents: Data(count: max(0, free - 100_000)))
        let command = ["reports", "submit", "--category", "road-damage", "--lat", "30.29", "--lon", "120.17", "--photo", photo]
        try sandbox.expectRefusal(command, token: rider.token, exit: 74, code: "disk_full")
        let leftovers = FileManager.default.enumerator(atPath: sandbox.data + "/photos")?.allObjects as? [String] ?? []
        #expect(leftovers.filter { $0.hasSuffix(".jpg") || $0.contains("tmp") && $0.count > 4 }.isEmpty, "\(leftovers)")

        try FileManager.default.removeItem(atPath: filler)
        let result = sandbox.run(command + ["--json"], token: rider.token)
        #expect(result.exit == 0, "\(result.stderr)")
    }

    @Test("A backup or an export onto a full disk exits 74 and leaves nothing under the final name; the re-run completes")
    func backupAndExportOnFullDisk() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let mount = try FaultMount.tmpfs(at: sandbox.root + "/small", kilobytes: 256)
        defer { mount.unmount() }
        let filler = mount.path + "/filler"
        _ = FileManager.default.createFile(atPath: filler, contents: Data(count: Self.freeBytes(mount.path)))

        let backup = sandbox.run(["backup", mount.path + "/bk", "--json"], token: sandbox.adminToken)
        #expect(backup.exit == 74, "\(backup.stderr)")
        #expect(backup.errorCode == "disk_full")
        #expect(!FileManager.default.fileExists(atPath: mount.path + "/bk"))

        let export = sandbox.run(["map", "export", "--format", "csv", "--output", mount.path + "/map.csv", "--json"], token: coordinator)
        #expect(export.exit == 74, "\(export.stderr)")
        #expect(export.errorCode == "disk_full")
        #expect(!FileManager.default.fileExists(atPath: mount.path + "/map.csv"))
        #expect(!FileManager.default.fileExists(atPath: mount.path + "/map.csv.part"))

        try FileManager.default.removeItem(atPath: filler)
        try mount.resize(kilobytes: 8 * 1_024)
        #expect(sandbox.run(["backup", mount.path + "/bk"], token: sandbox.adminToken).exit == 0)
        #expect(sandbox.run(["map", "export", "--format", "csv", "--output", mount.path + "/map.csv"], token: coordinator).exit == 0)
    }

    @Test("On a read-only data directory reads work and writes exit 74 read_only naming the path; the file is unchanged")
    func readOnlyDataDirectory() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        _ = try sandbox.rider("王骑手", phone: "13800002222", coordinator: coordinator)
        let database = sandbox.data + "/tuanju.sqlite"
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        let mount = try FaultMount.readOnly(sandbox.data)
        defer { mount.unmount() }

        #expect(sandbox.run(["roles", "list", "--json"]).exit == 0)
        let nearest = sandbox.run(["map", "nearest", "--lat", "30.29", "--lon", "120.17", "--json"])
        #expect(nearest.exit == 0, "\(nearest.stderr)")
        #expect(sandbox.run(["riders", "list", "--json"], token: coordinator).exit == 0)

        for write in [["users", "add", "--name", "新人", "--role", "coordinator"],
                      ["riders", "register", "--name", "新骑手", "--phone", "13800003333", "--platform", "eleme"]] {
            let result = sandbox.run(write + ["--json"], token: write[0] == "users" ? sandbox.adminToken : coordinator)
            #expect(result.exit == 74, "\(write): \(result.stderr)")
            #expect(result.errorCode == "read_only")
            #expect(result.stderr.contains(sandbox.data))
        }
        mount.unmount()
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
    }

    @Test("Another user's data directory is permission_denied (74), not a crash")
    func otherUsersDirectory() throws {
        let sandbox = try Sandbox()
        try FileManager.default.setAttributes([.posixPermissions: 0o711], ofItemAtPath: sandbox.root)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid", "65534", "--regid", "65534", "--clear-groups", try TuanjuProcess.executable.path,
                             "roles", "list", "--json", "--data", sandbox.data]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 74, "\(stderr)")
        #expect(stderr.contains("permission_denied"), "\(stderr)")
    }

    @Test("A damaged database: every command that reads it exits 74 database_damaged pointing at doctor and restore; doctor names what it found; restore brings the backup back")
    func damagedDatabase() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        _ = try sandbox.rider("赵骑手", phone: "13800004444", coordinator: coordinator)
        let backup = sandbox.root + "/backup"
        #expect(sandbox.run(["backup", backup], token: sandbox.adminToken).exit == 0)
        let database = sandbox.data + "/tuanju.sqlite"

        for damage in ["truncated", "garbage"] {
            let copy = try Self.copy(of: sandbox)
            let file = try FileHandle(forUpdating: URL(fileURLWithPath: copy.data + "/tuanju.sqlite"))
            if damage == "truncated" {
                try file.truncate(atOffset: UInt64(Self.fileSize(database) / 3))
            } else {
                try file.seek(toOffset: 4_096)
                try file.write(contentsOf: Data((0..<(Self.fileSize(database) - 4_096)).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
            }
            try file.close()
            for command in [["roles", "list"], ["map", "nearest", "--lat", "30.29", "--lon", "120.17"], ["riders", "list"]] {
                let result = copy.run(command + ["--json"], token: coordinator)
                #expect(result.exit == 74, "\(damage) \(command): \(result.stderr)")
                #expect(result.errorCode == "database_damaged", "\(damage) \(command): \(result.stderr)")
                #expect(result.stderr.contains("doctor") && result.stderr.contains("restore"))
            }
            let doctor = copy.run(["doctor"], token: sandbox.adminToken)
            #expect(doctor.exit == 74, "\(doctor.stderr)")
            #expect(doctor.stdout.contains("[integrity]"), "\(doctor.stdout)")
        }

        let restored = try Sandbox(initialize: false)
        #expect(restored.run(["restore", backup]).exit == 0)
        let doctor = restored.run(["doctor"], token: sandbox.adminToken)
        #expect(doctor.exit == 0, "\(doctor.stdout) \(doctor.stderr)")
    }

    @Test("A missing photos/ directory and a photo removed behind Tuanju's back are doctor findings naming the path")
    func missingPhotos() throws {
        let sandbox = try Sandbox()
        let coordinator = try sandbox.coordinator()
        let rider = try sandbox.rider("孙骑手", phone: "13800005555", coordinator: coordinator)
        let task = try sandbox.ok(["tasks", "create", "--role", "hazard-inspector", "--title", "巡查", "--capacity", "5"],
                                  token: coordinator)["id"] as! String
        _ = try sandbox.ok(["tasks", "claim", task], token: rider.token)
        let photo = try sandbox.file("p.jpg", bytes: PhotoFixtures.jpeg(width: 64, height: 48, seed: 2))
        _ = try sandbox.ok(["reports", "submit", "--category", "road-damage", "--lat", "30.29", "--lon", "120.17",
                            "--photo", photo], token: rider.token)
        let photos = sandbox.data + "/photos"
        let stored = try #require((FileManager.default.enumerator(atPath: photos)?.allObjects as? [String])?.first { $0.hasSuffix(".jpg") })
        try FileManager.default.removeItem(atPath: photos + "/" + stored)
        let removed = sandbox.run(["doctor"], token: sandbox.adminToken)
        #expect(removed.exit == 1)
        #expect(removed.stdout.contains(photos), "\(removed.stdout)")

        try FileManager.default.removeItem(atPath: photos)
        let missing = sandbox.run(["doctor"], token: sandbox.adminToken)
        #expect(missing.exit == 1)
        #expect(missing.stdout.contains("photo directory \(photos) is missing"), "\(missing.stdout)")
    }

    static func freeBytes(_ path: String) -> Int {
        var status = statvfs()
        guard statvfs(path, &status) == 0 else { return 0 }
        return Int(status.f_bavail) * Int(status.f_frsize)
    }
}
