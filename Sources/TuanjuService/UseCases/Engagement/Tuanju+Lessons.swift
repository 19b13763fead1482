import Engagement
import Foundation
import TuanjuCore

/// How `lessons complete` went: the lesson, the points paid, and the quiz result when it has a quiz.
public struct LessonOutcome: Sendable {
    public let lesson: Lesson
    public let awarded: Int
    /// Nil for a lesson without a quiz (completing it always counts).
    public let quiz: QuizAttempt?

    public var completed: Bool { quiz?.result.passed ?? true }
}

extension Tuanju {
    /// `lessons add` (staff).
    public func addLesson(_ caller: Caller, _ draft: LessonDraft) throws -> Lesson {
        let useCase = try useCase(caller, requires: .staff(LessonMsg.actionManageLessons))
        return try useCase.write { work in
            let lesson = try LessonProgramme.add(work.db, draft, by: caller.id, at: work.now)
            try work.emit(.lessonCreated, LessonChangedEvent(lesson, by: caller))
            return lesson
        }
    }

    /// `lessons update` (staff).
    public func updateLesson(_ caller: Caller, id: String, _ changes: LessonChanges) throws -> Lesson {
        let useCase = try useCase(caller, requires: .staff(LessonMsg.actionManageLessons))
        return try useCase.write { work in
            let lesson = try LessonProgramme.update(work.db, id: id, changes, at: work.now)
            try work.emit(.lessonUpdated, LessonChangedEvent(lesson, by: caller))
            return lesson
        }
    }

    /// `lessons retire` (staff).
    public func retireLesson(_ caller: Caller, id: String) throws -> Lesson {
        let useCase = try useCase(caller, requires: .staff(LessonMsg.actionManageLessons))
        return try useCase.write { work in
            let lesson = try LessonProgramme.retire(work.db, id: id, at: work.now)
            try work.emit(.lessonRetired, LessonChangedEvent(lesson, by: caller))
            return lesson
        }
    }

    /// `lessons show` (any token): the lesson; its quiz's key stays on the server (the views leave it out).
    public func lesson(_ caller: Caller, id: String) throws -> Lesson {
        let lesson = try database.read { db in try Lessons.find(db, id: id) }
        if lesson.retiredAt != nil, !caller.isStaff { throw EngagementError.lessonNotFound(id: id) }
        return lesson
    }

    /// `lessons complete LESSON [--answers FILE]` (rider). Without a quiz: completed, points once. With one: the
    /// attempt is marked and kept (3 a day), and only a pass completes the lesson and pays, once.
    public func completeLesson(_ caller: Caller, id: String, answers: SurveySubmission?) throws -> LessonOutcome {
        try useCase(caller, requires: .rider(ServiceMsg.actionCompleteLessons)).write { work in
            let current = try Lessons.find(work.db, id: id)
            guard current.quiz != nil else {
                let lesson = try Lessons.complete(work.db, lessonID: id, riderID: caller.id, at: work.now)
                return LessonOutcome(lesson: lesson, awarded: try payLesson(work, lesson, riderID: caller.id), quiz: nil)
            }
            guard let answers else { throw EngagementError.quizRequired(id: id) }
            let (lesson, attempt) = try LessonProgramme.attempt(work.db, lessonID: id, riderID: caller.id, answers: answers, at: work.now)
            guard attempt.result.passed else {
                try work.emit(.lessonQuizFailed, QuizFailedEvent(
                    lessonId: id, riderId: caller.id, score: attempt.result.score, passMark: attempt.result.passMark,
                    attemptsLeft: attempt.attemptsLeft))
                return LessonOutcome(lesson: lesson, awarded: 0, quiz: attempt)
            }
            return LessonOutcome(lesson: lesson, awarded: try payLesson(work, lesson, riderID: caller.id), quiz: attempt)
        }
    }

    /// The lesson's points through the ledger, keyed so they cannot pay twice, and `lesson.completed`.
    private func payLesson(_ work: Work, _ lesson: Lesson, riderID: String) throws -> Int {
        var awarded = 0
        if lesson.points > 0,
           try award(work, riderID: riderID, amount: lesson.points, key: "lesson:\(lesson.id):\(riderID)",
                     reason: "lesson \(lesson.id) completed") {
            awarded = lesson.points
        }
        try work.emit(.lessonCompleted, LessonEvent(lessonId: lesson.id, riderId: riderID, points: awarded))
        return awarded
    }
}
