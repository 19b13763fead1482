import ServiceMap
import Testing
import TuanjuCore

/// Inputs found with the FuzzOpeningHours target of Tools/fuzz.
@Suite("Opening hours inputs found by fuzzing")
struct OpeningHoursFuzzRegressionTests {
    @Test("A refusal quotes hours that hold a placeholder exactly as they were written", arguments: [
        "Mo {position}",
        "{text} 08:00-20:00",
        "Mo-Fr 08:00-{token}",
        "Tu 25:00-26:00 {position}{text}",
    ])
    func placeholdersInRefusedHours(text: String) throws {
        // Given hours whose text reads like the message's own placeholders, When they are refused
        let error = try #require(throws: InputError.self) { try OpeningHours(parsing: text) }
        // Then the message quotes them as given: the text is never taken for a template
        #expect(error.text.rendered(in: .en).contains("\"\(text)\""))
        #expect(error.text.rendered(in: .zh).contains(text))
    }
}
