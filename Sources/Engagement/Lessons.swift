import Foundation
import GRDB
import TuanjuCore

/// A party lesson (党课) module: riders study it and earn its points once.
public struct Lesson: Sendable, Equatable, Codable {
    public let id: String
    public let title: String
    public let titleZh: String
    public let summary: String
    public let link: String
    public let points: Int
    /// The quiz a rider must pass for the points, with its answer key (never shown to riders).
    public var quiz: LessonQuiz? = nil
    /// When a coordinator retired it: riders no longer see or complete it.
    public var retiredAt: String? = nil

    enum CodingKeys: String, CodingKey {
        case id, title, summary, link, points, quiz
        case titleZh = "title_zh"
        case retiredAt = "retired_at"
    }
}

extension Lesson {
    static let columns = "l.id, l.title, l.title_zh, l.summary, l.link, l.points, l.quiz, l.retired_at"

    init(row: Row) {
        let quiz = (row[6] as String?).flatMap { try? JSONDecoder().decode(LessonQuiz.self, from: Data($0.utf8)) }
        self.init(id: row[0], title: row[1], titleZh: row[2], summary: row[3], link: row[4], points: row[5], quiz: quiz,
                  retiredAt: row[7])
    }
}

public enum Lessons {
    /// Every lesson not retired, with when this rider completed it (nil when not, or when no rider is asking).
    public static func all(_ db: Database, riderID: String?) throws -> [(Lesson, completedAt: String?)] {
        try Row.fetchAll(db, sql: """
            SELECT \(Lesson.columns), c.completed_at
            FROM lessons l LEFT JOIN lesson_completions c ON c.lesson_id = l.id AND c.rider_id = ?
            WHERE l.retired_at IS NULL
            ORDER BY l.position, l.id
            """, arguments: [riderID]).map { row in (Lesson(row: row), row[8]) }
    }

    public static func find(_ db: Database, id: String) throws -> Lesson {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(Lesson.columns) FROM lessons l WHERE l.id = ?", arguments: [id])
        else { throw EngagementError.lessonNotFound(id: id) }
        return Lesson(row: row)
    }

    /// Records a completion; a second one is refused. The caller awards the points in the same transaction.
    public static func complete(_ db: Database, lessonID: String, riderID: String, at date: Date) throws -> Lesson {
        let lesson = try find(db, id: lessonID)
        guard lesson.retiredAt == nil else { throw EngagementError.lessonRetired(id: lessonID) }
        let done = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM lesson_completions WHERE lesson_id = ? AND rider_id = ?)",
                                     arguments: [lessonID, riderID]) ?? false
        guard !done else { throw EngagementError.lessonAlreadyCompleted(id: lessonID) }
        try db.execute(
            sql: "INSERT INTO lesson_completions (lesson_id, rider_id, completed_at, points) VALUES (?, ?, ?, ?)",
            arguments: [lessonID, riderID, Timestamp.iso(date), lesson.points])
        return lesson
    }

    public static func load(_ db: Database, _ lessons: [Lesson]) throws {
        for (position, lesson) in lessons.enumerated() {
            // The same bound as a review's --points: a seed file is input like any other.
            guard (0...10_000).contains(lesson.points) else {
                throw InputError.invalid(.seedValueRange, [
                    "source": "lessons.json", "code": lesson.id, "field": "points", "value": "\(lesson.points)",
                    "min": "0", "max": "10000",
                ])
            }
            try db.execute(sql: """
                INSERT OR IGNORE INTO lessons (id, title, title_zh, summary, link, points, position) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [lesson.id, lesson.title, lesson.titleZh, lesson.summary, lesson.link, lesson.points, position])
        }
    }
}
