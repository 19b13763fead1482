import Engagement
import TuanjuService

/// A survey of `surveys list/show --json`: titles and prompts in the current language.
public struct SurveyJSON: Encodable, Sendable {
    public struct QuestionJSON: Encodable, Sendable {
        public let id: String
        public let type: String
        public let prompt: String
        public let required: Bool
        public let options: [String]
        public let shown_if: String?
    }

    public let id: String
    public let version: Int
    /// The survey's current version: riders answer it; `version` may be an older one (`show --version N`).
    public let latest_version: Int
    /// False once `surveys close` closed it: riders can no longer answer.
    public let open: Bool
    public let closed_at: String?
    public let title: String
    public let questions: [QuestionJSON]

    public init(_ status: SurveyStatus) {
        let survey = status.definition
        id = survey.id
        version = survey.version
        latest_version = status.latestVersion
        open = status.closedAt == nil
        closed_at = status.closedAt
        title = survey.title.text()
        questions = survey.questions.map { question in
            QuestionJSON(id: question.id, type: question.kind.typeName, prompt: question.prompt.text(), required: question.required,
                         options: question.kind.options.map(\.id),
                         shown_if: question.shownIf.map { "\($0.question) \($0.testText)" })
        }
    }
}

extension ShowCondition {
    /// `= yes`, `includes back_neck`, `>= 10`.
    public var testText: String {
        switch test {
        case .equals(let option): "= \(option)"
        case .includes(let option): "includes \(option)"
        case .atLeast(let bound): ">= \(bound.formatted())"
        }
    }
}

/// `surveys answer --json`.
public struct SurveyAnswerJSON: Encodable, Sendable {
    public let survey_id: String
    public let version: Int
    public let answered: Int
    public let replaced: Bool

    public init(_ response: ValidatedResponse, replaced: Bool) {
        survey_id = response.surveyID
        version = response.surveyVersion
        answered = response.answers.count
        self.replaced = replaced
    }
}

/// A rider's sign-up to a session (`activities signup/checkin --json`).
public struct SignupJSON: Encodable, Sendable {
    public let session_id: String
    public let rider_id: String
    public let state: String
    public let waitlist_position: Int?
    public let checked_in_at: String?

    public init(_ signup: Signup) {
        session_id = signup.sessionID
        rider_id = signup.riderID
        state = signup.state.rawValue
        waitlist_position = signup.waitlistPosition
        checked_in_at = signup.checkedInAt
    }
}

/// A session of `activities list --json`, with the rider's own sign-up.
public struct SessionJSON: Encodable, Sendable {
    public let session_id: String
    public let activity_id: String
    public let kind: String
    public let title: String
    public let title_zh: String
    public let starts_at: String
    public let ends_at: String
    public let place: String
    public let capacity: Int
    public let signed_up: Int
    public let waiting: Int
    /// Points paid once to each rider checked in.
    public let points: Int
    public let point_id: String?
    /// `open`, or `cancelled` (with `cancel_reason`).
    public let state: String
    public let cancel_reason: String?
    public let mine: SignupJSON?

    public init(_ entry: SessionListing) {
        session_id = entry.session.id
        activity_id = entry.activity.id
        kind = entry.activity.kind.rawValue
        title = entry.activity.title
        title_zh = entry.activity.titleZh
        starts_at = entry.session.startsAt
        ends_at = entry.session.endsAt
        place = entry.session.place
        capacity = entry.session.capacity
        signed_up = entry.session.signedUp
        waiting = entry.session.waiting
        points = entry.session.points
        point_id = entry.session.pointID
        state = entry.session.cancelledAt == nil ? "open" : "cancelled"
        cancel_reason = entry.session.cancelReason
        mine = entry.mine.map(SignupJSON.init)
    }
}

/// `activities cancel --json`: the cancelled sign-up and whoever was promoted from the waitlist.
public struct SignupCancelJSON: Encodable, Sendable {
    public let signup: SignupJSON
    public let promoted: SignupJSON?

    public init(_ signup: Signup, promoted: Signup?) {
        self.signup = SignupJSON(signup)
        self.promoted = promoted.map(SignupJSON.init)
    }
}

/// One row of `activities attendees --json`.
public struct AttendeeJSON: Encodable, Sendable {
    public let rider_id: String
    public let name: String
    public let state: String
    public let waitlist_position: Int?
    public let checked_in_at: String?

    public init(_ signup: Signup, name: String) {
        rider_id = signup.riderID
        self.name = name
        state = signup.state.rawValue
        waitlist_position = signup.waitlistPosition
        checked_in_at = signup.checkedInAt
    }
}

/// A lesson of `lessons list --json`.
public struct LessonJSON: Encodable, Sendable {
    public let id: String
    public let title: String
    public let title_zh: String
    public let summary: String
    public let link: String
    public let points: Int
    /// Whether completing it takes passing a quiz (`lessons show` lists the questions).
    public let has_quiz: Bool
    public let pass_mark: Int?
    public let completed_at: String?

    public init(_ lesson: Lesson, completedAt: String?) {
        id = lesson.id
        title = lesson.title
        title_zh = lesson.titleZh
        summary = lesson.summary
        link = lesson.link
        points = lesson.points
        has_quiz = lesson.quiz != nil
        pass_mark = lesson.quiz?.passMark
        completed_at = completedAt
    }
}

/// `lessons complete --json`. With a quiz: whether it passed, the score (percent right), the pass mark and the
/// attempts left today; without one these are `passed: true` and nulls.
public struct LessonCompleteJSON: Encodable, Sendable {
    public let lesson_id: String
    public let points_awarded: Int
    public let passed: Bool
    public let score: Int?
    public let pass_mark: Int?
    public let attempts_left: Int?

    public init(_ outcome: LessonOutcome) {
        lesson_id = outcome.lesson.id
        points_awarded = outcome.awarded
        passed = outcome.completed
        score = outcome.quiz?.result.score
        pass_mark = outcome.quiz?.result.passMark
        attempts_left = outcome.quiz?.attemptsLeft
    }
}

/// `lessons show/add/update/retire --json`: the lesson and its quiz's questions, never the answer key.
public struct LessonDetailJSON: Encodable, Sendable {
    public struct OptionJSON: Encodable, Sendable {
        public let id: String
        public let label: String
    }

    public struct QuestionJSON: Encodable, Sendable {
        public let id: String
        public let type: String
        public let prompt: String
        public let options: [OptionJSON]
    }

    public struct QuizJSON: Encodable, Sendable {
        public let pass_mark: Int
        public let questions: [QuestionJSON]
    }

    public let id: String
    public let title: String
    public let title_zh: String
    public let summary: String
    public let link: String
    public let points: Int
    public let quiz: QuizJSON?
    public let retired_at: String?

    public init(_ lesson: Lesson) {
        id = lesson.id
        title = lesson.title
        title_zh = lesson.titleZh
        summary = lesson.summary
        link = lesson.link
        points = lesson.points
        quiz = lesson.quiz.map { quiz in
            QuizJSON(pass_mark: quiz.passMark, questions: quiz.questions.map { question in
                QuestionJSON(id: question.id, type: question.type.rawValue, prompt: question.prompt.text(),
                             options: question.options.map { OptionJSON(id: $0.id, label: $0.label.text()) })
            })
        }
        retired_at = lesson.retiredAt
    }
}

/// An activity of `activities add/update/retire --json`.
public struct ActivityJSON: Encodable, Sendable {
    public let id: String
    public let kind: String
    public let title: String
    public let title_zh: String
    public let description: String
    public let retired_at: String?

    public init(_ activity: Activity) {
        id = activity.id
        kind = activity.kind.rawValue
        title = activity.title
        title_zh = activity.titleZh
        description = activity.description
        retired_at = activity.retiredAt
    }
}

/// `activities checkin --json`: the sign-up and the points the check-in paid (0 when the session pays none, or
/// paid this rider before).
public struct CheckInJSON: Encodable, Sendable {
    public let session_id: String
    public let rider_id: String
    public let state: String
    public let waitlist_position: Int?
    public let checked_in_at: String?
    public let points_awarded: Int

    public init(_ signup: Signup, awarded: Int) {
        session_id = signup.sessionID
        rider_id = signup.riderID
        state = signup.state.rawValue
        waitlist_position = signup.waitlistPosition
        checked_in_at = signup.checkedInAt
        points_awarded = awarded
    }
}

/// `activities resize --json`: the session and the riders promoted from the waitlist, in order.
public struct ResizeJSON: Encodable, Sendable {
    public let session: SessionJSON
    public let promoted: [SignupJSON]

    public init(_ listing: SessionListing, promoted: [Signup]) {
        session = SessionJSON(listing)
        self.promoted = promoted.map(SignupJSON.init)
    }
}

/// `activities cancel-session --json`: the cancelled session and every sign-up it released, in queue order.
public struct SessionCancelJSON: Encodable, Sendable {
    public let session: SessionJSON
    public let released: [SignupJSON]

    public init(_ listing: SessionListing, released: [Signup]) {
        session = SessionJSON(listing)
        self.released = released.map(SignupJSON.init)
    }
}

/// `surveys publish --json`: the version now current and whether this publication made it.
public struct SurveyPublishJSON: Encodable, Sendable {
    public let id: String
    public let version: Int
    public let questions: Int
    public let changed: Bool

    public init(_ published: PublishedSurvey) {
        id = published.definition.id
        version = published.definition.version
        questions = published.definition.questions.count
        changed = published.changed
    }
}

/// `surveys close/reopen --json`.
public struct SurveyStateJSON: Encodable, Sendable {
    public let id: String
    public let version: Int
    public let open: Bool

    public init(_ definition: SurveyDefinition, open: Bool) {
        id = definition.id
        version = definition.version
        self.open = open
    }
}
