import Engagement
import Foundation
import FuzzSupport
import TuanjuCore
import TuanjuSeed

/// The questionnaire parsers on any bytes, read both ways:
/// - as an answers file (`SurveySubmission.parse`), validated against the sample needs survey;
/// - as a survey definition (`SurveyDefinition.decode`), and when that succeeds, the same bytes' answers
///   are validated against this fuzzed survey too (a definition file may carry `consent` and `answers` keys,
///   which the definition ignores), so the validator meets questions and limits of every shape.
/// Accepted answers must validate again to the same result; every refusal must have a message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSurvey(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let json = Data(FuzzInput.bytes(data, size))
    let submission: SurveySubmission?
    do {
        submission = try SurveySubmission.parse(json)
    } catch {
        requireMessage(error)
        submission = nil
    }
    var surveys = [needsSurvey]
    do {
        let fuzzed = try SurveyDefinition.decode(json, source: "fuzz.json")
        requireChecked(fuzzed)
        surveys.append(fuzzed)
    } catch {
        requireMessage(error)
    }
    guard let submission else { return 0 }
    for survey in surveys {
        do {
            let response = try survey.validate(submission)
            let again = try? survey.validate(answers: response.answers, consent: true)
            FuzzInput.require(again == response, "validated answers do not validate to themselves: \(response)")
            // What the group portrait does with accepted answers, with and without a breakdown.
            _ = SurveyPortrait.compute(survey, responses: [(nil, response)], by: nil)
            _ = SurveyPortrait.compute(survey, responses: [("meituan", response), (nil, response)], by: "platform")
        } catch {
            requireMessage(error)
        }
    }
    return 0
}

/// What "checked at load" promises about every definition `decode` returns.
func requireChecked(_ survey: SurveyDefinition) {
    for question in survey.questions {
        switch question.kind {
        case .single(let options):
            FuzzInput.require(!options.isEmpty, "\(question.id): no options")
        case .multiple(let options, let least, let most):
            FuzzInput.require(!options.isEmpty && (least ?? 0) <= (most ?? options.count) && (least ?? 0) <= options.count,
                              "\(question.id): selections \(String(describing: least))...\(String(describing: most)) of \(options.count)")
        case .number(let min, let max, _):
            FuzzInput.require(min == nil || max == nil || min! <= max!, "\(question.id): number range inverted")
        case .text(let maxLength):
            FuzzInput.require(maxLength >= 1, "\(question.id): max length \(maxLength)")
        case .scale(let min, let max):
            let (width, overflow) = max.subtractingReportingOverflow(min)
            FuzzInput.require(min <= max && !overflow && width < SurveyDefinition.maxScalePoints,
                              "\(question.id): scale \(min)...\(max)")
        }
    }
}

func requireMessage(_ error: SurveyError) {
    FuzzInput.require(!error.message.isEmpty && !error.code.isEmpty, "refusal without a message: \(error.code)")
}

/// Seed/data/surveys/needs-v1.json, from the seed bundle.
let needsSurvey: SurveyDefinition = {
    guard let url = SeedBundle.directory?.appendingPathComponent("surveys/needs-v1.json"),
          let data = FileManager.default.contents(atPath: url.path)
    else { fatalError("FuzzSurvey: the seed bundle has no surveys/needs-v1.json") }
    do {
        return try SurveyDefinition.decode(data, source: url.path)
    } catch {
        fatalError("FuzzSurvey: the sample survey does not load: \(error)")
    }
}()

@main
enum FuzzSurveyMain {
    static func main() {
        _ = needsSurvey  // fails at start, not on the first input, when the seed is missing
        FuzzDriver.main("FuzzSurvey", fuzzSurvey)
    }
}
