import CSVReader
import Engagement
import Foundation
import Governance
import Identity
import Notifier
import PhotoStore
import Points
import Reports
import Riders
import ServiceMap
import Storage
import Testing
import TuanjuCLI
import TuanjuConsole
import TuanjuCore
import TuanjuHTTP
import TuanjuService

/// Every message catalogue of every module: each module keeps the messages it owns, so this is the one place
/// that sees them all. `complete` fails when a catalogue exists in Sources/ but is missing here.
@Suite("Message catalogues of every module")
struct CatalogTests {
    static let catalogues: [(name: String, messages: [any CatalogMessage])] = [
        entry(Msg.self), entry(FaultMsg.self), entry(PageMsg.self),  // TuanjuCore: shared by several modules
        entry(CSVMsg.self), entry(StorageMsg.self), entry(IdentityMsg.self), entry(RiderMsg.self),
        entry(GovernanceMsg.self), entry(PointsMsg.self), entry(MapMsg.self), entry(PhotoMsg.self),
        entry(ReportMsg.self), entry(EngageMsg.self), entry(WebhookMsg.self),
        entry(ServiceMsg.self), entry(HTTPMsg.self),
        entry(CLIMsg.self), entry(MapCLIMsg.self), entry(ReportCLIMsg.self), entry(EngageCLIMsg.self),
        entry(PhotoCLIMsg.self), entry(OpsMsg.self), entry(UsageMsg.self), entry(ServeMsg.self), entry(PageCLIMsg.self),
        entry(AppealMsg.self), entry(AgencyMsg.self), entry(DeadlineMsg.self), entry(EventKind.self), entry(EventsCommandMsg.self),
        entry(InboxMsg.self), entry(NoticeTemplate.self), entry(ReminderMsg.self), entry(SchedulerMsg.self), entry(InboxCLIMsg.self), entry(InviteMsg.self), entry(InviteCLIMsg.self),
        entry(ProgrammeMsg.self), entry(LessonMsg.self), entry(SurveyPublishMsg.self), entry(RoleMsg.self), entry(KindMsg.self),
        entry(ConsoleMsg.self), entry(DemoServeMsg.self),
    ]

    static func entry<T: CatalogMessage & CaseIterable>(_ type: T.Type) -> (name: String, messages: [any CatalogMessage]) {
        ("\(type)", type.allCases.map { $0 as any CatalogMessage })
    }

    static func placeholders(_ text: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// The names of the types that declare a conformance to CatalogMessage anywhere in Sources/.
    static func declaredCatalogues() throws -> Set<String> {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let declaration = try Regex(#"(?:enum|struct|class|extension)\s+(\w+)\s*:[^{]*\bCatalogMessage\b"#)
        var names = Set<String>()
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: declaration) {
                if let name = match.output[1].substring { names.insert(String(name)) }
            }
        }
        return names
    }

    @Test("Every catalogue in Sources/ is listed here, once")
    func registryIsComplete() throws {
        // Given every type declared as a CatalogMessage in the sources; Then the list above names each of them.
        let listed = Self.catalogues.map(\.name)
        let declared = try Self.declaredCatalogues()
        #expect(declared.count > 20, "the source scan found too few catalogues: \(declared.sorted())")
        #expect(Set(listed) == declared, "not listed: \(declared.subtracting(listed).sorted()); not declared: \(Set(listed).subtracting(declared).sorted())")
        #expect(Set(listed).count == listed.count, "a catalogue is listed twice")
    }

    @Test("Every message of every module exists in English and Chinese, with the same arguments")
    func complete() {
        let everyMessage = Self.catalogues.flatMap(\.messages)
        for message in everyMessage { check(message) }
        #expect(Set(everyMessage.map(\.key)).count == everyMessage.count)
    }

    func check(_ message: any CatalogMessage) {
        let (en, zh) = message.texts
        #expect(!en.trimmingCharacters(in: .whitespaces).isEmpty, "\(message) has no English text")
        #expect(!zh.trimmingCharacters(in: .whitespaces).isEmpty, "\(message) has no Chinese text")
        #expect(zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(message)'s Chinese text has no Chinese")
        #expect(Self.placeholders(en) == Self.placeholders(zh), "\(message) names different arguments")
    }
}
