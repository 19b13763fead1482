import TuanjuCore

// Messages of questionnaires, activities and lessons (Engagement), in English and Simplified Chinese.
// Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both languages, and
// CatalogTests checks that neither is empty and that both name the same arguments.

public enum EngageMsg: String, CaseIterable, CatalogMessage {
    // MARK: - Survey definition files
    case definitionMalformed, surveyIDInvalid, surveyVersionInvalid, surveyTitleMissing, surveyHasNoQuestions
    case questionIDInvalid, questionDuplicate, promptMissing, questionTypeUnknown, optionsMissing, optionIDInvalid
    case optionDuplicate, optionLabelMissing, selectionBoundInvalid, selectionsImpossible, rangeInverted
    case maxLengthInvalid, scaleMissing, scaleTooWide, conditionShape, conditionUnknownQuestion, conditionOnLater
    case conditionOperatorMismatch, conditionOptionUnknown

    // MARK: - Answers
    case answersMalformed, answerNotAnAnswer, consentMissing, answerUnknownQuestion, answerNotShown, answerRequired
    case optionExpected, optionListExpected, numberExpected, textExpected, optionNotOffered, optionRepeated
    case selectionCount, wholeNumberExpected, numberBelow, numberAbove, scaleOutOfRange, textTooLong
    case textControlCharacter

    // MARK: - Errors and actions: activities, lessons, look-ups
    case sessionNotFound, sessionOver, alreadySignedUp, notSignedUp, alreadyCheckedIn, lessonNotFound
    case lessonAlreadyCompleted, surveyNotFound, portraitFieldUnknown, activityKindUnknown

    // MARK: - Seeded session times (activities.json)
    case seedTimeRelative, seedTimeAbsolute, seedTimeOneOf, seedSessionEndsFirst

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
        case .alreadySignedUp: ("you are already on session {id} ({state})", "您已报名场次 {id}({state})")
        case .notSignedUp: ("rider {rider} is not signed up for session {id}", "骑手 {rider} 未报名场次 {id}")
        case .alreadyCheckedIn: ("rider {rider} is already checked in to session {id}", "骑手 {rider} 已在场次 {id} 签到")
        case .lessonNotFound: ("no lesson {id}", "没有编号为 {id} 的课程")
        case .lessonAlreadyCompleted: ("you completed lesson {id} already; its points are paid once", "您已学完课程 {id};积分只发放一次")
        case .surveyNotFound: ("no survey {id}", "没有问卷 {id}")
        case .portraitFieldUnknown: ("cannot cross-tabulate by \"{value}\" (use {known})", "不能按“{value}”交叉统计(可选:{known})")
        case .activityKindUnknown: ("unknown activity kind \"{value}\" (use {known})", "未知活动类型“{value}”(可选:{known})")
        case .seedTimeRelative:
            ("{source}: session {id}: \"{field}\" is {value}; it takes \"in_days\", a whole number of days after the install from 0 to {max}, and \"at\", a time HH:MM in China time, e.g. \"in_days\": 35, \"at\": \"14:00\"",
             "{source}:场次 {id} 的 \"{field}\" 为 {value};应包含 \"in_days\"(安装后第几天,0 到 {max} 的整数)和 \"at\"(北京时间 时:分,如 14:00),例如 \"in_days\": 35, \"at\": \"14:00\"")
        case .seedTimeAbsolute:
            ("{source}: session {id}: \"{field}\" is {value}, not an ISO-8601 time with a zone such as 2027-01-09T14:00:00+08:00",
             "{source}:场次 {id} 的 \"{field}\" 为 {value},不是带时区的 ISO-8601 时间(例如 2027-01-09T14:00:00+08:00)")
        case .seedTimeOneOf:
            ("{source}: session {id} needs exactly one of \"{relative}\" (days after the install) and \"{absolute}\" (an ISO-8601 time)",
             "{source}:场次 {id} 须在 \"{relative}\"(安装后第几天)和 \"{absolute}\"(ISO-8601 时间)中恰好给出一个")
        case .seedSessionEndsFirst:
            ("{source}: session {id} ends at {ends}, which is not after its start ({starts})",
             "{source}:场次 {id} 的结束时间 {ends} 不晚于开始时间 {starts}")
        }
    }
}
