import TuanjuCore

// Messages of photo reports (Reports), in English and Simplified Chinese.
// Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both languages, and
// CatalogTests checks that neither is empty and that both name the same arguments.

public enum ReportMsg: String, CaseIterable, CatalogMessage {
    // MARK: - Errors: reports
    case reportNotFound, categoryNotFound, noActiveClaim, invalidTransition, duplicateTargetInvalid
    case taskNotForCategory, outsideServiceArea, areaRingInvalid, statusUnknown, fieldNote, fieldAgency

    // MARK: - Agencies
    case agencyNotFound, agencyRetired, agencyNameTaken, agencyNameRequired, apiKeyInvalid, serviceMappingInvalid
    case fieldJurisdiction, fieldServiceCode

    public var texts: (en: String, zh: String) {
        switch self {
        case .reportNotFound: ("no report {id}", "没有编号为 {id} 的上报")
        case .categoryNotFound: ("no report category {code} (see `tuanju roles list`)", "没有上报类别 {code}(见 `tuanju roles list`)")
        case .noActiveClaim: ("you hold no active claim on a task of the role that handles {category}; claim one first", "您没有认领负责 {category} 的角色任务;请先认领")
        case .invalidTransition: ("report {id} is {from}; it cannot become {to}", "上报 {id} 当前为 {from},不能改为 {to}")
        case .duplicateTargetInvalid: ("report {id} cannot be the original of this one (it must be another report of the same category)", "上报 {id} 不能作为原始上报(必须是同一类别的另一条上报)")
        case .taskNotForCategory: ("task {task} is not a task of the role that handles {category}", "任务 {task} 不属于负责 {category} 的角色")
        case .outsideServiceArea: ("{lat},{lon} is outside the service area ({area})", "{lat},{lon} 不在服务范围内({area})")
        case .areaRingInvalid: ("service area {code} is not a closed ring of [longitude, latitude] positions", "服务范围 {code} 不是由 [经度, 纬度] 组成的闭合多边形")
        case .statusUnknown: ("unknown status \"{value}\" (known: {known})", "未知状态“{value}”(可选:{known})")
        case .fieldNote: ("note", "备注")
        case .fieldAgency: ("agency", "承办单位")
        case .agencyNotFound: ("no agency {agency} in service (see `tuanju agencies list`)", "没有在用的承办单位 {agency}(见 `tuanju agencies list`)")
        case .agencyRetired: ("agency {id} is retired", "承办单位 {id} 已停用")
        case .agencyNameTaken: ("an agency named {name} is already in service", "已有在用的承办单位名为 {name}")
        case .agencyNameRequired: ("an agency needs a name", "承办单位须有名称")
        case .apiKeyInvalid: ("the API key must be 1 to {max} printable ASCII characters without spaces", "API 密钥须为 1 至 {max} 个可打印 ASCII 字符,不含空格")
        case .serviceMappingInvalid: ("\"{value}\" is not CATEGORY=SERVICE_CODE", "“{value}”不是 类别=服务代码 的形式")
        case .fieldJurisdiction: ("jurisdiction", "辖区编号")
        case .fieldServiceCode: ("service code", "服务代码")
        }
    }
}
