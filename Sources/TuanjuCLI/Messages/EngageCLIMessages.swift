import TuanjuCore

// Messages of `tuanju surveys`, `activities` and `lessons` (help, columns, result lines, the demo's scene), in
// English and Simplified Chinese.
// Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both languages, and
// CatalogTests checks that neither is empty and that both name the same arguments.

public enum EngageCLIMsg: String, CaseIterable, CatalogMessage {
    // MARK: - Errors and actions: activities, lessons, look-ups
    case formatUnknown

    // MARK: - CLI: surveys, activities, lessons
    case surveysAbstract, surveysListAbstract, surveysShowAbstract, surveysAnswerAbstract, surveysAnswerDiscussion
    case portraitAbstract, portraitDiscussion, argSurveyID, optAnswers, optBy, optPortraitFormat, colVersion
    case colQuestions, shownIf, answerSaved, answerReplaced, colAnswer, colAll, portraitRespondents
    case activitiesAbstract, activitiesListAbstract, optActivityKind, optPast, colSession, colWhen, colPlace
    case colPlaces, colMine, signupAbstract, argSessionID, signedUp, waitlisted, cancelAbstract, cancelled, promoted
    case attendeesAbstract, colCheckedIn, checkinAbstract, checkedIn, lessonsAbstract, lessonsListAbstract, colDone
    case lessonsCompleteAbstract, argLessonID, lessonDone

    // MARK: - Demo
    case demoSurvey, demoAnswered, demoPortraitRow, demoSuppressed, demoActivities, demoGotPlace, demoWaitlisted
    case demoLesson, demoScheduled, demoResized, demoSurveyVersion, demoPublished, demoAnsweredV2, demoPortraitV2, demoLessons
    case demoLessonAdded, demoQuizFailed, demoQuizPassed, demoQuizOnce

    public var texts: (en: String, zh: String) {
        switch self {
        case .formatUnknown: ("unknown format \"{value}\" (use {known})", "未知格式“{value}”(可选:{known})")
        case .surveysAbstract: ("Questionnaires about riders' needs, and the group portrait (群体画像).", "骑手需求问卷与群体画像。")
        case .surveysListAbstract: ("List the questionnaires.", "列出问卷。")
        case .surveysShowAbstract: ("Show a questionnaire's questions.", "查看问卷题目。")
        case .surveysAnswerAbstract: ("Answer a questionnaire from a JSON file (rider).", "用 JSON 文件填写问卷(骑手)。")
        case .surveysAnswerDiscussion: ("The file is a JSON object: \"consent\": true, and \"answers\" mapping each question id to an option id, a list of option ids, a number or a text. Consent is required. Answering again replaces your earlier answers.", "文件为 JSON 对象:\"consent\": true,以及 \"answers\"(题号对应选项编号、选项编号列表、数字或文字)。必须同意授权。再次填写会替换之前的答案。")
        case .portraitAbstract: ("The group portrait: counts and shares per answer (coordinator).", "群体画像:各答案的人数与占比(协调员)。")
        case .portraitDiscussion: ("Any cell describing fewer than 5 riders is shown as <5, and totals that would reveal it are withheld too.", "少于 5 名骑手的格子显示为 <5,能据此推算出该格的合计也一并隐去。")
        case .argSurveyID: ("The questionnaire's id.", "问卷编号。")
        case .optAnswers: ("The answers file (JSON).", "答案文件(JSON)。")
        case .optBy: ("Cross-tabulate by a profile field.", "按骑手档案字段交叉统计。")
        case .optPortraitFormat: ("table, or csv for the dashboard (--json for JSON).", "table,或 csv 供驾驶舱使用(--json 输出 JSON)。")
        case .colVersion: ("VERSION", "版本")
        case .colQuestions: ("QUESTIONS", "题数")
        case .shownIf: ("shown if {question} {test}", "当 {question} {test} 时显示")
        case .answerSaved: ("Thank you: {count} answers to {id} saved.", "谢谢:问卷 {id} 的 {count} 个答案已保存。")
        case .answerReplaced: ("Your answers to {id} were replaced ({count} answers).", "问卷 {id} 的答案已替换({count} 个答案)。")
        case .colAnswer: ("ANSWER", "答案")
        case .colAll: ("ALL", "全部")
        case .portraitRespondents: ("Respondents (cells under {threshold} riders are shown as <5):", "受访骑手(少于 {threshold} 人的格子显示为 <5):")
        case .activitiesAbstract: ("Health, affairs and skills activities: sign up, waitlists, check-in.", "健康、事务、技能活动:报名、候补、签到。")
        case .activitiesListAbstract: ("List upcoming sessions (riders see their own sign-up).", "列出即将举行的场次(骑手可看到自己的报名)。")
        case .optActivityKind: ("Only this kind.", "只列出此类型。")
        case .optPast: ("Include sessions that are over.", "包括已结束的场次。")
        case .colSession: ("SESSION", "场次")
        case .colWhen: ("WHEN", "时间")
        case .colPlace: ("PLACE", "地点")
        case .colPlaces: ("PLACES", "名额")
        case .colMine: ("MINE", "我的")
        case .signupAbstract: ("Sign up for a session; a full one puts you on the waitlist (rider).", "报名场次;满员时进入候补(骑手)。")
        case .argSessionID: ("The session's id.", "场次编号。")
        case .signedUp: ("You have a place on {id}.", "您已报名 {id}。")
        case .waitlisted: ("{id} is full: you are number {position} on the waitlist.", "{id} 已满:您排在候补第 {position} 位。")
        case .cancelAbstract: ("Give up your place or waitlist position (rider).", "取消报名或候补(骑手)。")
        case .cancelled: ("Cancelled your sign-up for {id}.", "已取消 {id} 的报名。")
        case .promoted: ("Rider {rider} moves up from the waitlist.", "候补骑手 {rider} 递补成功。")
        case .attendeesAbstract: ("Who is signed up and waiting (coordinator).", "查看报名与候补名单(协调员)。")
        case .colCheckedIn: ("CHECKED IN", "签到")
        case .checkinAbstract: ("Check a signed-up rider in (coordinator).", "为已报名的骑手签到(协调员)。")
        case .checkedIn: ("Rider {rider} checked in to {id}.", "骑手 {rider} 已在 {id} 签到。")
        case .lessonsAbstract: ("Party lessons (党课学习) that earn points.", "党课学习,完成可得积分。")
        case .lessonsListAbstract: ("List the lessons.", "列出课程。")
        case .colDone: ("COMPLETED", "完成时间")
        case .lessonsCompleteAbstract: ("Mark a lesson completed and earn its points, once (rider).", "标记课程已学完并获得积分,仅一次(骑手)。")
        case .argLessonID: ("The lesson's id.", "课程编号。")
        case .lessonDone: ("Completed \"{title}\": {points} points.", "已学完《{title}》:获得 {points} 积分。")
        case .demoSurvey: ("Riders answer the needs survey (需求调查); the coordinator sees the group portrait", "骑手填写需求调查;协调员查看群体画像")
        case .demoAnswered: ("{count} riders answered, each with explicit consent.", "{count} 名骑手在明确同意后作答。")
        case .demoPortraitRow: ("Where riders rest: {option} = {count}", "骑手休息地点:{option} = {count}")
        case .demoSuppressed: ("Any cell of fewer than {threshold} riders shows as <5, so no small group can be singled out.", "少于 {threshold} 人的格子显示为 <5,小群体无法被单独识别。")
        case .demoActivities: ("The coordinator schedules next month's skills camp with 2 places", "协调员安排下个月的技能训练营,名额 2 个")
        case .demoGotPlace: ("{name} gets a place.", "{name} 报名成功。")
        case .demoWaitlisted: ("{name}: the session is full, number {position} on the waitlist.", "{name}:已满,候补第 {position} 位。")
        case .demoScheduled:
            ("{name} schedules session {session} of \"{title}\": {time}, {place}, {capacity} places.",
             "{name} 新排了一场《{title}》(场次 {session}):{time},{place},名额 {capacity} 个。")
        case .demoResized:
            ("{name} adds a place ({capacity} in all): {promoted} moves up from the waitlist in the same transaction.",
             "{name} 把名额加到 {capacity} 个:{promoted} 在同一事务中由候补转为报名成功。")
        case .demoSurveyVersion: ("The coordinator publishes version 2 of the needs survey", "协调员发布需求调查第 2 版")
        case .demoPublished:
            ("{file} adds the question {question}: survey {id} is now version {version}; the {count} answers to version 1 stay with version 1.",
             "{file} 新增了问题 {question}:问卷 {id} 升为第 {version} 版;第 1 版的 {count} 份答卷仍归第 1 版。")
        case .demoAnsweredV2:
            ("{name} answers version {version} ({file}), the new question {question} included.",
             "{name} 填写第 {version} 版({file}),也回答了新问题 {question}。")
        case .demoPortraitV2:
            ("The portrait now shows version {version} unless asked for another: {count} respondents so far (fewer than {threshold} show as <5).",
             "群体画像默认显示第 {version} 版:目前 {count} 人作答(不足 {threshold} 人显示为 <5)。")
        case .demoLessons: ("Party lessons: one to read, one with a quiz", "党课学习:一节直接学完,一节要过测验")
        case .demoLessonAdded:
            ("{name} adds \"{title}\" ({points} points) with the quiz {file}: {questions} questions, pass mark {pass_mark}%.",
             "{name} 新增党课《{title}》({points} 积分),测验用 {file}:共 {questions} 题,及格线 {pass_mark} 分。")
        case .demoQuizFailed:
            ("{name} answers with {file}: {score}%, under the pass mark; no points, {left} attempts left today.",
             "{name} 用 {file} 答题:{score} 分,没有及格,不得积分,今天还能再答 {left} 次。")
        case .demoQuizPassed:
            ("{name} tries again with {file}: {score}%, passed: {points} points.",
             "{name} 用 {file} 再答一次:{score} 分,通过,获得 {points} 积分。")
        case .demoQuizOnce: ("Answering again pays nothing more: {reason}", "再交一次也不会重复给分:{reason}")
        case .demoLesson: ("{name} completes \"{title}\": {points} points, once.", "{name} 学完《{title}》:获得 {points} 积分(仅一次)。")
        }
    }
}
