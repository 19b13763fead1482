import TuanjuCore

// Texts of the service layer's own rules (event subscriptions, appeals). English and Simplified Chinese;
// `{name}` marks an argument; the catalogue test checks both languages and the arguments.

public enum ServiceMsg: String, CaseIterable, CatalogMessage {
    case eventUnknown, eventSuggest
    case actionAppealReports, appealReasonRequired, appealNotRejected, appealAlreadyMade, appealTooLate

    public var texts: (en: String, zh: String) {
        switch self {
        case .eventUnknown:
            ("\"{event}\" is not an event type; `tuanju webhooks events` lists them",
             "“{event}”不是事件类型;用 `tuanju webhooks events` 查看全部类型")
        case .eventSuggest:
            ("\"{event}\" is not an event type; did you mean \"{suggestion}\"?",
             "“{event}”不是事件类型;您是想输入“{suggestion}”吗?")
        case .actionAppealReports: ("appeal reports", "申诉上报")
        case .appealReasonRequired:
            ("an appeal needs a reason (--reason TEXT)", "申诉需要填写理由(--reason 文字)")
        case .appealNotRejected:
            ("report {id} is {status}: only a rejected report can be appealed",
             "上报 {id} 当前为“{status}”:只有被驳回的上报可以申诉")
        case .appealAlreadyMade:
            ("report {id} was already appealed once", "上报 {id} 已经申诉过一次")
        case .appealTooLate:
            ("report {id} was rejected on {rejected_at}; an appeal must come within {days} days",
             "上报 {id} 于 {rejected_at} 被驳回;申诉须在驳回后 {days} 天内提出")
        }
    }
}
