import Foundation
import GRDB
import TuanjuCore

/// What `lessons add` takes, validated.
public struct LessonDraft: Sendable, Equatable {
    public var title: String
    public var titleZh: String
    public var summary: String
    public var link: String
    public var points: Int
    public var quiz: LessonQuiz?

    public init(title: String, titleZh: String? = nil, summary: String, link: String, points: Int, quiz: LessonQuiz? = nil) throws(InputError) {
        self.title = try Text.label(title, field: ProgrammeMsg.fieldTitle, maxLength: 200)
        self.titleZh = try titleZh.map { text throws(InputError) in try Text.label(text, field: ProgrammeMsg.fieldTitleZh, maxLength: 200) }
            ?? self.title
        self.summary = try Self.summary(summary)
        self.link = try Self.link(link)
        self.points = try Self.points(points)
        self.quiz = quiz
    }

    public static func summary(_ text: String) throws(InputError) -> String {
        let cleaned = Text.clean(text)
        guard cleaned.count <= 2000 else {
            throw .invalid(.inputTooLong, ["field": LessonMsg.fieldSummary.text, "count": "\(cleaned.count)", "max": "2000"])
        }
        return cleaned
    }

    /// An http(s) address of at most 500 characters: riders open it.
    public static func link(_ text: String) throws(InputError) -> String {
        let cleaned = Text.clean(text)
        guard cleaned.count <= 500, let url = URL(string: cleaned), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
              url.host?.isEmpty == false
        else { throw .invalid(LessonMsg.linkInvalid, ["text": text]) }
        return cleaned
    }

    /// The same bound as a review's --points.
    public static func points(_ value: Int) throws(InputError) -> Int {
        guard (0...10_000).contains(value) else { throw .invalid(.pointsInvalid, ["value": "\(value)"]) }
        return value
    }
}

/// The changes of `lessons update`: at least one. A quiz is replaced (`quiz`) or removed (`removeQuiz`), not both.
public struct LessonChanges: Sendable, Equatable {
    public var title: String?
    public var titleZh: String?
    public var summary: String?
    public var link: String?
    public var points: Int?
    public var quiz: LessonQuiz?
    /// `lessons update --no-quiz` (HTTP: `"quiz": null`): completing the lesson no longer asks for answers.
    public var removeQuiz: Bool

    public init(title: String? = nil, titleZh: String? = nil, summary: String? = nil, link: String? = nil, points: Int? = nil,
                quiz: LessonQuiz? = nil, removeQuiz: Bool = false) throws(InputError) {
        self.title = try title.map { text throws(InputError) in try Text.label(text, field: ProgrammeMsg.fieldTitle, maxLength: 200) }
        self.titleZh = try titleZh.map { text throws(InputError) in try Text.label(text, field: ProgrammeMsg.fieldTitleZh, maxLength: 200) }
        self.summary = try summary.map { text throws(InputError) in try LessonDraft.summary(text) }
        self.link = try link.map { text throws(InputError) in try LessonDraft.link(text) }
        self.points = try points.map { value throws(InputError) in try LessonDraft.points(value) }
        self.quiz = quiz
        self.removeQuiz = removeQuiz
        guard !(removeQuiz && quiz != nil) else { throw .invalid(LessonMsg.quizReplaceOrRemove) }
        guard self.title != nil || self.titleZh != nil || self.summary != nil || self.link != nil || self.points != nil || quiz != nil
            || removeQuiz
        else {
            throw .invalid(ProgrammeMsg.nothingToChange)
        }
    }
}

/// A rider's attempt at a quiz and what it paid.
public struct QuizAttempt: Sendable, Equatable {
    public let result: QuizResult
    /// Attempts this rider has left on this lesson today (China time).
    public let attemptsLeft: Int
}

/// The coordinator's side of lessons, and quiz attempts.
public enum LessonProgramme {
    /// Attempts per rider, lesson and day.
    public static let attemptsPerDay = 3

    public static func add(_ db: Database, _ draft: LessonDraft, by staffID: String?, at date: Date) throws -> Lesson {
        let id = Identifier.make("lsn")
        let position = try Int.fetchOne(db, sql: "SELECT coalesce(max(position), -1) + 1 FROM lessons") ?? 0
        try db.execute(sql: """
            INSERT INTO lessons (id, title, title_zh, summary, link, points, position, quiz, created_by, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, draft.title, draft.titleZh, draft.summary, draft.link, draft.points, position,
                             try quizJSON(draft.quiz), staffID, Timestamp.iso(date)])
        return try Lessons.find(db, id: id)
    }

    public static func update(_ db: Database, id: String, _ changes: LessonChanges, at date: Date) throws -> Lesson {
        let current = try Lessons.find(db, id: id)
        guard current.retiredAt == nil else { throw EngagementError.lessonRetired(id: id) }
        try db.execute(sql: """
            UPDATE lessons SET title = ?, title_zh = ?, summary = ?, link = ?, points = ?, quiz = ?, updated_at = ? WHERE id = ?
            """, arguments: [changes.title ?? current.title, changes.titleZh ?? current.titleZh, changes.summary ?? current.summary,
                             changes.link ?? current.link, changes.points ?? current.points,
                             try quizJSON(changes.removeQuiz ? nil : changes.quiz ?? current.quiz),
                             Timestamp.iso(date), id])
        return try Lessons.find(db, id: id)
    }

    /// Retires a lesson: riders no longer see or complete it; completions and points already paid stay.
    public static func retire(_ db: Database, id: String, at date: Date) throws -> Lesson {
        let current = try Lessons.find(db, id: id)
        guard current.retiredAt == nil else { throw EngagementError.lessonRetired(id: id) }
        let now = Timestamp.iso(date)
        try db.execute(sql: "UPDATE lessons SET retired_at = ?, updated_at = ? WHERE id = ?", arguments: [now, now, id])
        return try Lessons.find(db, id: id)
    }

    /// Marks an attempt at a lesson's quiz and records it. At most `attemptsPerDay` per rider, lesson and China
    /// day; a completed lesson takes no more. A pass records the completion (the caller pays).
    public static func attempt(
        _ db: Database, lessonID: String, riderID: String, answers: SurveySubmission, at date: Date
    ) throws -> (Lesson, QuizAttempt) {
        let lesson = try Lessons.find(db, id: lessonID)
        guard lesson.retiredAt == nil else { throw EngagementError.lessonRetired(id: lessonID) }
        guard let quiz = lesson.quiz else { throw EngagementError.lessonHasNoQuiz(id: lessonID) }
        let done = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM lesson_completions WHERE lesson_id = ? AND rider_id = ?)",
                                     arguments: [lessonID, riderID]) ?? false
        guard !done else { throw EngagementError.lessonAlreadyCompleted(id: lessonID) }
        let result = try quiz.mark(answers)
        let day = chinaDay(date)
        let used = try Int.fetchOne(db, sql: "SELECT count(*) FROM lesson_attempts WHERE lesson_id = ? AND rider_id = ? AND day = ?",
                                    arguments: [lessonID, riderID, day]) ?? 0
        guard used < attemptsPerDay else { throw EngagementError.tooManyAttempts(id: lessonID, limit: attemptsPerDay) }
        try db.execute(sql: """
            INSERT INTO lesson_attempts (lesson_id, rider_id, day, attempted_at, correct, total, passed) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [lessonID, riderID, day, Timestamp.iso(date), result.correct, result.total, result.passed])
        if result.passed { _ = try Lessons.complete(db, lessonID: lessonID, riderID: riderID, at: date) }
        return (lesson, QuizAttempt(result: result, attemptsLeft: attemptsPerDay - used - 1))
    }

    /// The date in China (UTC+8, no daylight saving): a rider's "day" for the attempt limit.
    static func chinaDay(_ date: Date) -> String {
        String(Timestamp.iso(date.addingTimeInterval(8 * 3600)).prefix(10))
    }

    static func quizJSON(_ quiz: LessonQuiz?) throws -> String? {
        guard let quiz else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(quiz), as: UTF8.self)
    }
}
