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

    enum CodingKeys: String, CodingKey {
        case id, title, summary, link, points
        case titleZh = "title_zh"
    }
}

public enum Lessons {
    /// Every lesson, with when this rider completed it (nil when not, or when no rider is asking).
    public static func all(_ db: Database, riderID: String?) throws -> [(Lesson, completedAt: String?)] {
        try Row.fetchAll(db, sql: """
            SELECT l.id, l.title, l.title_zh, l.summary, l.link, l.points, c.completed_at
            FROM lessons l LEFT JOIN lesson_completions c ON c.lesson_id = l.id AND c.rider_id = ?
            ORDER BY l.position, l.id
            """, arguments: [riderID]).map { row in
            (Lesson(id: row[0], title: row[1], titleZh: row[2], summary: row[3], link: row[4], points: row[5]), row[6])
        }
    }

    public static func find(_ db: Database, id: String) throws -> Lesson {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, title, title_zh, summary, link, points FROM lessons WHERE id = ?", arguments: [id])
        else { throw EngagementError.lessonNotFound(id: id) }
        return Lesson(id: row[0], title: row[1], titleZh: row[2], summary: row[3], link: row[4], points: row[5])
    }

    /// Records a completion; a second one is refused. The caller awards the points in the same transaction.
    public static func complete(_ db: Database, lessonID: String, riderID: String, at date: Date) throws -> Lesson {
        let lesson = try find(db, id: lessonID)
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
