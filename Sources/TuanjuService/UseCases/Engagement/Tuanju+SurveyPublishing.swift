import Engagement
import Foundation
import TuanjuCore

extension Tuanju {
    /// `surveys publish FILE` (staff): checked as the seed's definitions; unchanged → nothing stored, no event.
    public func publishSurvey(_ caller: Caller, json: Data, source: String) throws -> PublishedSurvey {
        let useCase = try useCase(caller, requires: .staff(SurveyPublishMsg.action))
        try SurveyPublishing.check(json, source: source)
        return try useCase.write { work in
            let published = try SurveyPublishing.publish(work.db, json: json, source: source, by: caller.id, at: work.now)
            if published.changed { try work.emit(.surveyPublished, SurveyEvent(published.definition, by: caller)) }
            return published
        }
    }

    /// `surveys close SURVEY` (staff).
    public func closeSurvey(_ caller: Caller, id: String) throws -> SurveyDefinition {
        let useCase = try useCase(caller, requires: .staff(SurveyPublishMsg.action))
        return try useCase.write { work in
            let definition = try SurveyPublishing.close(work.db, id: id, by: caller.id, at: work.now)
            try work.emit(.surveyClosed, SurveyEvent(definition, by: caller))
            return definition
        }
    }

    /// `surveys reopen SURVEY` (staff).
    public func reopenSurvey(_ caller: Caller, id: String) throws -> SurveyDefinition {
        let useCase = try useCase(caller, requires: .staff(SurveyPublishMsg.action))
        return try useCase.write { work in
            let definition = try SurveyPublishing.reopen(work.db, id: id)
            try work.emit(.surveyReopened, SurveyEvent(definition, by: caller))
            return definition
        }
    }
}
