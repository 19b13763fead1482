import TuanjuCore

// Messages of questionnaires coordinators publish, close and reopen (#18).

public enum SurveyPublishMsg: String, CaseIterable, CatalogMessage {
    case action, closed, alreadyOpen, publishAbstract, closeAbstract, reopenAbstract, argFile, optVersion
    case published, unchanged, closedOut, reopened, versionInvalid, colState, stateOpen, stateClosed, showOpen, showClosed

    public var texts: (en: String, zh: String) {
        switch self {
        case .action: ("publish, close and reopen questionnaires", "发布、关闭和重新开放问卷")
        case .closed: ("survey {id} is closed to new answers", "问卷 {id} 已关闭,不再接受新的答卷")
        case .alreadyOpen: ("survey {id} is open", "问卷 {id} 正在开放")
        case .publishAbstract:
            ("Publish a questionnaire from a definition file, checked as the seed's are: a new id is version 1, a changed definition version N+1 (coordinator).",
             "从问卷定义文件发布问卷,校验规则与种子数据相同:新编号为第 1 版,内容有变化则为第 N+1 版(协调员)。")
        case .closeAbstract: ("Close a survey to new answers; answers given stay (coordinator).", "关闭问卷,不再接受新答卷;已有答卷保留(协调员)。")
        case .reopenAbstract: ("Reopen a closed survey (coordinator).", "重新开放已关闭的问卷(协调员)。")
        case .argFile: ("The definition file (the format of Seed/data/surveys/needs-v1.json; its version is ignored).",
                        "问卷定义文件(格式同 Seed/data/surveys/needs-v1.json;文件里的 version 不起作用)。")
        case .optVersion: ("The version to show (default: the latest).", "要查看的版本(默认最新版)。")
        case .published: ("survey {id} published as version {version}", "问卷 {id} 已发布为第 {version} 版")
        case .unchanged: ("survey {id} is unchanged: version {version} stays", "问卷 {id} 内容没有变化,仍为第 {version} 版")
        case .closedOut: ("survey {id} closed", "问卷 {id} 已关闭")
        case .reopened: ("survey {id} reopened", "问卷 {id} 已重新开放")
        case .versionInvalid: ("version {value} must be 1 or more", "版本号 {value} 必须大于等于 1")
        case .colState: ("STATE", "状态")
        case .stateOpen: ("open", "开放中")
        case .stateClosed: ("closed", "已关闭")
        case .showOpen: ("open to answers; the current version is {latest}", "正在接受答卷;当前为第 {latest} 版")
        case .showClosed: ("closed to new answers since {time}; the current version is {latest}", "{time} 起已关闭,不再接受新答卷;当前为第 {latest} 版")
        }
    }
}
