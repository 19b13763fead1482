// Messages of questionnaires, activities and lessons (Engagement), in English and Simplified Chinese.
// Same rules as Msg: `{name}` marks an argument; CatalogTests checks both languages and the arguments.

public enum EngageMsg: String, CaseIterable, CatalogMessage {
    // MARK: - Survey definition files
    case definitionMalformed, surveyIDInvalid, surveyVersionInvalid, surveyTitleMissing, surveyHasNoQuestions
    case questionIDInvalid, questionDuplicate, promptMissing, questionTypeUnknown
    case optionsMissing, optionIDInvalid, optionDuplicate, optionLabelMissing
    case selectionBoundInvalid, selectionsImpossible, rangeInverted, maxLengthInvalid, scaleMissing, scaleTooWide
    case conditionShape, conditionUnknownQuestion, conditionOnLater, conditionOperatorMismatch, conditionOptionUnknown

    // MARK: - Answers
    case answersMalformed, answerNotAnAnswer, consentMissing, answerUnknownQuestion, answerNotShown, answerRequired
    case optionExpected, optionListExpected, numberExpected, textExpected
    case optionNotOffered, optionRepeated, selectionCount, wholeNumberExpected, numberBelow, numberAbove
    case scaleOutOfRange, textTooLong, textControlCharacter

    // MARK: - Errors and actions: activities, lessons, look-ups
    case sessionNotFound, sessionOver, alreadySignedUp, notSignedUp, alreadyCheckedIn, lessonNotFound
    case lessonAlreadyCompleted, surveyNotFound, portraitFieldUnknown, activityKindUnknown, formatUnknown
    case actionAnswerSurveys, actionViewPortrait, actionSignUp, actionManageActivities, actionCompleteLessons

    // MARK: - CLI: surveys, activities, lessons
    case surveysAbstract, surveysListAbstract, surveysShowAbstract, surveysAnswerAbstract, surveysAnswerDiscussion
    case portraitAbstract, portraitDiscussion, argSurveyID, optAnswers, optBy, optPortraitFormat
    case colVersion, colQuestions, shownIf, answerSaved, answerReplaced, colAnswer, colAll, portraitRespondents
    case activitiesAbstract, activitiesListAbstract, optActivityKind, optPast, colSession, colWhen, colPlace, colPlaces
    case colMine, signupAbstract, argSessionID, signedUp, waitlisted, cancelAbstract, cancelled, promoted
    case attendeesAbstract, colCheckedIn, checkinAbstract, checkedIn
    case lessonsAbstract, lessonsListAbstract, colDone, lessonsCompleteAbstract, argLessonID, lessonDone

    // MARK: - Demo
    case demoSurvey, demoAnswered, demoPortraitRow, demoSuppressed, demoActivities, demoGotPlace, demoWaitlisted
    case demoCancelled, demoLesson

    public var texts: (en: String, zh: String) {
        switch self {
        case .definitionMalformed:
            ("{source} is not a valid survey definition: {reason}", "{source} 不是有效的问卷定义文件:{reason}")
        case .surveyIDInvalid:
            ("{source}: the survey id \"{id}\" is not valid (letters, digits, - and _, at most 64)",
             "{source}:问卷编号 \"{id}\" 无效(只能用字母、数字、- 和 _,最多 64 个字符)")
        case .surveyVersionInvalid: ("{source}: the survey needs a version of 1 or more", "{source}:问卷需要 1 或更大的版本号")
        case .surveyTitleMissing: ("{source}: the survey needs a title in English and Chinese", "{source}:问卷需要中英文标题")
        case .surveyHasNoQuestions: ("{source}: the survey has no questions", "{source}:问卷没有任何问题")
        case .questionIDInvalid:
            ("{source}: question {position} has no valid id (\"{id}\"; letters, digits, - and _, at most 64)",
             "{source}:第 {position} 题的编号无效(\"{id}\";只能用字母、数字、- 和 _,最多 64 个字符)")
        case .questionDuplicate: ("{source}: question id {question} appears twice", "{source}:问题编号 {question} 重复出现")
        case .promptMissing:
            ("{source}: question {question} needs a prompt in English and Chinese", "{source}:问题 {question} 需要中英文题干")
        case .questionTypeUnknown:
            ("{source}: question {question} has an unknown type \"{type}\" (single, multiple, number, text, scale)",
             "{source}:问题 {question} 的类型 \"{type}\" 无法识别(可用 single、multiple、number、text、scale)")
        case .optionsMissing: ("{source}: question {question} offers no options", "{source}:选择题 {question} 没有任何选项")
        case .optionIDInvalid:
            ("{source}: question {question} has an option with an invalid id \"{option}\"",
             "{source}:问题 {question} 有一个选项编号无效:\"{option}\"")
        case .optionDuplicate:
            ("{source}: question {question} offers option {option} twice", "{source}:问题 {question} 的选项 {option} 重复出现")
        case .optionLabelMissing:
            ("{source}: option {option} of question {question} needs a label in English and Chinese",
             "{source}:问题 {question} 的选项 {option} 需要中英文标签")
        case .selectionBoundInvalid:
            ("{source}: question {question}: \"{field}\" must be a whole number of selections",
             "{source}:问题 {question}:\"{field}\" 必须是表示可选数量的整数")
        case .selectionsImpossible:
            ("{source}: question {question} asks for at least {min} choices but offers only {count}",
             "{source}:问题 {question} 要求至少选 {min} 项,但只有 {count} 个选项")
        case .rangeInverted:
            ("{source}: question {question}: min {min} is greater than max {max}",
             "{source}:问题 {question}:最小值 {min} 大于最大值 {max}")
        case .maxLengthInvalid:
            ("{source}: question {question}: max_length must be 1 or more", "{source}:问题 {question}:max_length 必须至少为 1")
        case .scaleMissing:
            ("{source}: scale question {question} needs \"scale\" with \"min\" and \"max\"",
             "{source}:量表题 {question} 需要带 \"min\" 和 \"max\" 的 \"scale\"")
        case .scaleTooWide:
            ("{source}: scale question {question} has more than {max} points", "{source}:量表题 {question} 的刻度超过 {max} 个")
        case .conditionShape:
            ("{source}: question {question}: shown_if needs \"question\" and exactly one of equals, includes, at_least",
             "{source}:问题 {question}:shown_if 需要 \"question\",以及 equals、includes、at_least 中的恰好一个")
        case .conditionUnknownQuestion:
            ("{source}: question {question} is shown depending on \"{on}\", which is not a question of this survey",
             "{source}:问题 {question} 的显示条件引用了 \"{on}\",但问卷中没有这个问题")
        case .conditionOnLater:
            ("{source}: question {question} depends on {on}, which is not before it; conditions may only refer to earlier questions",
             "{source}:问题 {question} 的显示条件引用了 {on},但它不在本题之前;条件只能引用前面的问题")
        case .conditionOperatorMismatch:
            ("{source}: question {question}: \"{operator}\" does not fit {on}, a {type} question (equals: single, includes: multiple, at_least: number or scale)",
             "{source}:问题 {question}:\"{operator}\" 不适用于 {type} 类型的问题 {on}(equals 用于单选,includes 用于多选,at_least 用于数字或量表)")
        case .conditionOptionUnknown:
            ("{source}: question {question} is shown depending on option {option}, which question {on} does not offer",
             "{source}:问题 {question} 的显示条件引用了选项 {option},但问题 {on} 没有这个选项")
        case .answersMalformed:
            ("the answers are not a valid JSON object with \"consent\" and \"answers\": {reason}",
             "答卷不是含 \"consent\" 和 \"answers\" 的有效 JSON 对象:{reason}")
        case .answerNotAnAnswer:
            ("question {question}: {kind} is not an answer (give a string, a list of strings or a number)",
             "问题 {question}:{kind} 不是有效的答案(请给出字符串、字符串列表或数字)")
        case .consentMissing:
            ("the rider has not consented to survey {survey}; nothing is recorded without consent",
             "骑手未同意参加问卷 {survey};未经同意不记录任何答案")
        case .answerUnknownQuestion:
            ("{question} is not a question of survey {survey}", "问卷 {survey} 中没有问题 {question}")
        case .answerNotShown:
            ("question {question} is not asked with these answers (its condition on {on} is not met), so it takes no answer",
             "根据问题 {on} 的回答,问题 {question} 不会出现,因此不能作答")
        case .answerRequired: ("question {question} must be answered", "问题 {question} 为必答题")
        case .optionExpected:
            ("question {question} takes one option id (a string)", "问题 {question} 为单选题,请给出一个选项编号(字符串)")
        case .optionListExpected:
            ("question {question} takes a list of option ids", "问题 {question} 为多选题,请给出选项编号列表")
        case .numberExpected: ("question {question} takes a number", "问题 {question} 需要填写数字")
        case .textExpected: ("question {question} takes text (a string)", "问题 {question} 需要填写文字(字符串)")
        case .optionNotOffered:
            ("question {question} does not offer option {option}", "问题 {question} 没有选项 {option}")
        case .optionRepeated:
            ("question {question}: option {option} is chosen twice", "问题 {question}:选项 {option} 被重复选择")
        case .selectionCount:
            ("question {question} takes {min} to {max} choices, got {count}", "问题 {question} 需要选择 {min} 至 {max} 项,实际选了 {count} 项")
        case .wholeNumberExpected:
            ("question {question} takes a whole number, got {value}", "问题 {question} 需要填写整数,实际为 {value}")
        case .numberBelow:
            ("question {question} takes a number of at least {min}, got {value}", "问题 {question} 的数值不能小于 {min},实际为 {value}")
        case .numberAbove:
            ("question {question} takes a number of at most {max}, got {value}", "问题 {question} 的数值不能大于 {max},实际为 {value}")
        case .scaleOutOfRange:
            ("question {question} takes a whole number from {min} to {max}, got {value}",
             "问题 {question} 需要 {min} 到 {max} 之间的整数,实际为 {value}")
        case .textTooLong:
            ("question {question} takes at most {max} characters, got {count}", "问题 {question} 最多 {max} 个字,实际为 {count} 个")
        case .textControlCharacter:
            ("question {question}: the text holds a control character (U+{code}); only line breaks are allowed",
             "问题 {question}:文字中含有控制字符(U+{code});只允许换行")
        case .sessionNotFound: ("no activity session {id}", "没有编号为 {id} 的活动场次")
        case .sessionOver: ("session {id} is over", "场次 {id} 已结束")
        case .alreadySignedUp: ("you are already on session {id} ({state})", "你已报名场次 {id}({state})")
        case .notSignedUp: ("rider {rider} is not signed up for session {id}", "骑手 {rider} 未报名场次 {id}")
        case .alreadyCheckedIn: ("rider {rider} is already checked in to session {id}", "骑手 {rider} 已在场次 {id} 签到")
        case .lessonNotFound: ("no lesson {id}", "没有编号为 {id} 的课程")
        case .lessonAlreadyCompleted: ("you completed lesson {id} already; its points are paid once", "你已学完课程 {id};积分只发放一次")
        case .surveyNotFound: ("no survey {id}", "没有问卷 {id}")
        case .portraitFieldUnknown: ("cannot cross-tabulate by \"{value}\" (use {known})", "不能按“{value}”交叉统计(可选:{known})")
        case .activityKindUnknown: ("unknown activity kind \"{value}\" (use {known})", "未知活动类型“{value}”(可选:{known})")
        case .formatUnknown: ("unknown format \"{value}\" (use {known})", "未知格式“{value}”(可选:{known})")
        case .actionAnswerSurveys: ("answer questionnaires", "填写问卷")
        case .actionViewPortrait: ("see the group portrait", "查看群体画像")
        case .actionSignUp: ("sign up for activities", "报名活动")
        case .actionManageActivities: ("manage activity attendance", "管理活动签到")
        case .actionCompleteLessons: ("complete lessons", "学习课程")
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
        case .signedUp: ("You have a place on {id}.", "你已报名 {id}。")
        case .waitlisted: ("{id} is full: you are number {position} on the waitlist.", "{id} 已满:你排在候补第 {position} 位。")
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
        case .demoSurvey: ("Riders answer the needs survey (需求调查); the coordinator sees the group portrait", "骑手填写需求调查;协调员查看群体画像")
        case .demoAnswered: ("{count} riders answered, each with explicit consent.", "{count} 名骑手在明确同意后作答。")
        case .demoPortraitRow: ("Where riders rest: {option} = {count}", "骑手休息地点:{option} = {count}")
        case .demoSuppressed: ("Any cell of fewer than {threshold} riders shows as <5, so no small group can be singled out.", "少于 {threshold} 人的格子显示为 <5,小群体无法被单独识别。")
        case .demoActivities: ("Activities: a skills camp with 2 places; a party lesson", "活动报名:名额为 2 的技能训练营;党课学习")
        case .demoGotPlace: ("{name} gets a place.", "{name} 报名成功。")
        case .demoWaitlisted: ("{name}: the session is full, number {position} on the waitlist.", "{name}:已满,候补第 {position} 位。")
        case .demoCancelled: ("{name} cancels; {promoted} moves up from the waitlist in the same transaction.", "{name} 取消报名;{promoted} 在同一事务中递补成功。")
        case .demoLesson: ("{name} completes \"{title}\": {points} points, once.", "{name} 学完《{title}》:获得 {points} 积分(仅一次)。")
        case .lessonDone: ("Completed \"{title}\": {points} points.", "已学完《{title}》:获得 {points} 积分。")
        }
    }
}
