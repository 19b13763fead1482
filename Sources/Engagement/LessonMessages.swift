import TuanjuCore

// Messages of lessons coordinators publish, with their quizzes (#18). The rules, the use cases' actions and the
// CLI's help share this catalogue.

public enum LessonMsg: String, CaseIterable, CatalogMessage {
    case actionManageLessons, fieldSummary, linkInvalid, passMarkInvalid, tooManyQuestions, quizTypeUnknown, quizOptionCount
    case answerKeyInvalid, lessonRetired, lessonHasNoQuiz, quizRequired, tooManyAttempts
    case addAbstract, quizFormat, updateAbstract, retireAbstract, showAbstract, optSummary, optLink, optPoints, optQuiz
    case optAnswers, added, updated, retired, passed, failed, passMarkLine, optNoQuiz, quizReplaceOrRemove

    public var texts: (en: String, zh: String) {
        switch self {
        case .actionManageLessons: ("manage lessons", "管理党课")
        case .fieldSummary: ("the summary", "简介")
        case .linkInvalid: ("\"{text}\" is not an http(s) address of at most 500 characters", "“{text}”不是 500 个字符以内的 http(s) 地址")
        case .passMarkInvalid: ("{source}: pass_mark {value} must be a percentage from 1 to 100", "{source}:及格线 pass_mark {value} 必须是 1 到 100 的百分数")
        case .tooManyQuestions: ("{source}: {count} questions; a quiz has at most {max}", "{source}:共 {count} 题;测验最多 {max} 题")
        case .quizTypeUnknown:
            ("{source}: question {question} has type \"{type}\"; a quiz asks single or multiple", "{source}:问题 {question} 的类型为“{type}”;测验只能用 single 或 multiple")
        case .quizOptionCount: ("{source}: question {question} needs 2 to {max} options", "{source}:问题 {question} 需要 2 到 {max} 个选项")
        case .answerKeyInvalid:
            ("{source}: question {question} needs an answer: one offered option (single) or a list of distinct offered options (multiple)",
             "{source}:问题 {question} 需要标准答案:单选为一个选项编号,多选为不重复的选项编号列表")
        case .lessonRetired: ("lesson {id} is retired", "课程 {id} 已下架")
        case .lessonHasNoQuiz: ("lesson {id} has no quiz: complete it without --answers", "课程 {id} 没有测验:不带 --answers 直接完成即可")
        case .quizRequired: ("lesson {id} has a quiz: answer it with --answers FILE.json", "课程 {id} 有测验:请用 --answers 文件.json 提交答案")
        case .tooManyAttempts:
            ("lesson {id}: {limit} attempts today already; try again tomorrow", "课程 {id}:今天已经答了 {limit} 次,请明天再试")
        case .addAbstract:
            ("Add a party lesson: title, summary, link and points, with an optional quiz riders must pass (coordinator).",
             "新增一节党课:标题、简介、链接和积分,可附测验,骑手通过后才得积分(协调员)。")
        case .quizFormat:
            ("""
            A quiz file (--quiz) holds single- and multiple-choice questions, their answer key and a pass mark (percent
            right, default 80). Riders never see the key. A complete example (Seed/samples/road-safety-quiz.json):

              {"pass_mark": 80,
               "questions": [
                 {"id": "helmet", "type": "single",
                  "prompt": {"en": "When must you wear a helmet?", "zh": "什么时候必须戴头盔?"},
                  "options": [{"id": "always", "label": {"en": "On every ride", "zh": "每次骑行"}},
                              {"id": "night", "label": {"en": "Only at night", "zh": "只有夜间"}}],
                  "answer": "always"},
                 {"id": "battery", "type": "multiple",
                  "prompt": {"en": "Safe ways to charge?", "zh": "安全的充电方式?"},
                  "options": [{"id": "cabinet", "label": {"en": "Charging cabinet", "zh": "充电柜"}},
                              {"id": "stairwell", "label": {"en": "Stairwell", "zh": "楼道"}},
                              {"id": "original", "label": {"en": "Original charger", "zh": "原装充电器"}}],
                  "answer": ["cabinet", "original"]}]}

            A rider answers with `lessons complete LESSON --answers FILE.json`, the survey answers format without consent:

              {"answers": {"helmet": "always", "battery": ["cabinet", "original"]}}

            Every question must be answered. A question is right when exactly its key's options are chosen; the points
            are paid once, on the first pass. At most 3 attempts per rider, lesson and day (China time).
            """,
             """
            测验文件(--quiz)包含单选题和多选题、标准答案和及格线(答对的百分比,默认 80)。骑手永远看不到标准答案。
            完整示例(Seed/samples/road-safety-quiz.json):

              {"pass_mark": 80,
               "questions": [
                 {"id": "helmet", "type": "single",
                  "prompt": {"en": "When must you wear a helmet?", "zh": "什么时候必须戴头盔?"},
                  "options": [{"id": "always", "label": {"en": "On every ride", "zh": "每次骑行"}},
                              {"id": "night", "label": {"en": "Only at night", "zh": "只有夜间"}}],
                  "answer": "always"},
                 {"id": "battery", "type": "multiple",
                  "prompt": {"en": "Safe ways to charge?", "zh": "安全的充电方式?"},
                  "options": [{"id": "cabinet", "label": {"en": "Charging cabinet", "zh": "充电柜"}},
                              {"id": "stairwell", "label": {"en": "Stairwell", "zh": "楼道"}},
                              {"id": "original", "label": {"en": "Original charger", "zh": "原装充电器"}}],
                  "answer": ["cabinet", "original"]}]}

            骑手用 `lessons complete 课程编号 --answers 文件.json` 答题,格式与问卷答案相同,只是不需要 consent:

              {"answers": {"helmet": "always", "battery": ["cabinet", "original"]}}

            每道题都要作答。选中的选项与标准答案完全一致才算答对;第一次及格时发放积分,只发一次。
            每位骑手每节课每天(北京时间)最多答 3 次。
            """)
        case .updateAbstract: ("Change a lesson's titles, summary, link, points or quiz (coordinator).", "修改党课的标题、简介、链接、积分或测验(协调员)。")
        case .retireAbstract:
            ("Retire a lesson: riders no longer see or complete it; points already paid stay (coordinator).",
             "下架党课:骑手不再看到也不能再完成;已发的积分保留(协调员)。")
        case .showAbstract: ("Show a lesson and its quiz questions (never the answer key).", "查看党课及其测验题目(不含标准答案)。")
        case .optSummary: ("What the lesson is about (at most 2,000 characters).", "课程简介(最多 2000 个字符)。")
        case .optLink: ("Where riders study it: an http(s) address.", "学习链接:http(s) 地址。")
        case .optPoints: ("Points paid once on completion (0 to 10,000).", "学完可得积分,只发一次(0 到 10000)。")
        case .optQuiz: ("A quiz file riders must pass (format below).", "测验文件,骑手通过后才算学完(格式见下)。")
        case .optAnswers: ("Your answers to the lesson's quiz: {\"answers\": {...}}.", "测验答案文件:{\"answers\": {...}}。")
        case .passMarkLine: ("pass mark: {pass_mark}%", "及格线:{pass_mark}%")
        case .added: ("lesson {id} added: {title}", "已新增党课 {id}:{title}")
        case .optNoQuiz: ("Remove the lesson's quiz: riders complete it without answers.", "去掉本课的测验:骑手不用答题即可学完。")
        case .quizReplaceOrRemove: ("give --quiz to replace the quiz or --no-quiz to remove it, not both", "--quiz(替换测验)和 --no-quiz(去掉测验)只能选一个")
        case .updated: ("lesson {id} updated", "党课 {id} 已修改")
        case .retired: ("lesson {id} retired", "党课 {id} 已下架")
        case .passed:
            ("passed {title}: {correct} of {total} right ({score}%), {points} points", "通过《{title}》测验:答对 {correct}/{total} 题({score}%),获得 {points} 积分")
        case .failed:
            ("not passed: {correct} of {total} right ({score}%), the pass mark is {pass_mark}%; {left} attempt(s) left today",
             "未通过:答对 {correct}/{total} 题({score}%),及格线 {pass_mark}%;今天还可以再答 {left} 次")
        }
    }
}
