import TuanjuCore

// Messages of the HTTP API (/v1, Open311 GeoReport v2), in English and Simplified Chinese.
// Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both languages, and
// CatalogTests checks that neither is empty and that both name the same arguments.

public enum HTTPMsg: String, CaseIterable, CatalogMessage {
    // MARK: - Errors: requests
    case routeNotFound, bearerMissing, bodyTooLarge, rateLimited, internalError, contentTypeUnsupported, bodyNotJSON
    case fieldMissing, fieldType, fieldInvalid, fieldUnknown, queryInvalid

    // MARK: - Errors: multipart/form-data
    case multipartBoundaryMissing, multipartBoundaryInvalid, multipartNoFirstBoundary, multipartDelimiterMalformed
    case multipartUnterminated, multipartHeaderTooLong, multipartHeaderMalformed, multipartDispositionMissing
    case multipartNameMissing, multipartTooManyParts, multipartFieldUnknown, multipartFieldRepeated
    case multipartFieldNotText, multipartPhotoNotFile, multipartHeaderNotUTF8

    // MARK: - Open311 GeoReport v2
    case open311ApiKeyMissing, open311MediaRequired, open311StatusInvalid, open311DateInvalid, open311Notice
    case open311KeyService, open311Contact

    // MARK: - Health
    case healthOK

    // MARK: - Errors: method, query and body shape
    case methodNotAllowed, queryUnknown, bodyKeyRepeated

    // MARK: - The inbox stream
    case streamsPerRider, streamsFull, lastEventIDInvalid

    public var texts: (en: String, zh: String) {
        switch self {
        case .routeNotFound: ("no such endpoint: {method} {path}", "没有此接口:{method} {path}")
        case .streamsPerRider:
            ("you have {limit} inbox streams open already; close one first", "您已打开 {limit} 个消息推送连接;请先关闭一个")
        case .streamsFull:
            ("the server has {limit} inbox streams open, or is stopping; try again in a moment", "服务器已有 {limit} 个消息推送连接,或正在停止;请稍后重试")
        case .lastEventIDInvalid:
            ("Last-Event-ID must be an event id of this stream (a whole number from 0), not \"{value}\"", "Last-Event-ID 必须是此推送的事件编号(从 0 起的整数),而不是“{value}”")
        case .bearerMissing:
            ("this request needs a token: send the header \"Authorization: Bearer <token>\"",
             "此请求需要令牌:请发送请求头“Authorization: Bearer <令牌>”")
        case .bodyTooLarge: ("the request body is larger than {max} bytes", "请求体超过 {max} 字节")
        case .rateLimited:
            ("too many requests for this token; try again in {seconds} s (limit: {limit} a minute)",
             "该令牌请求过于频繁;请 {seconds} 秒后重试(上限:每分钟 {limit} 次)")
        case .internalError:
            ("internal error; the server log has the details (request {id})", "内部错误;详情见服务器日志(请求 {id})")
        case .contentTypeUnsupported:
            ("this endpoint takes Content-Type {expected}, not \"{actual}\"", "此接口只接受 Content-Type {expected},而不是“{actual}”")
        case .bodyNotJSON: ("the request body is not a JSON object", "请求体不是 JSON 对象")
        case .fieldMissing: ("\"{field}\" is required", "缺少“{field}”")
        case .fieldType: ("\"{field}\" must be of JSON type {type}", "“{field}”必须是 JSON 类型 {type}")
        case .fieldInvalid: ("\"{field}\" is not valid: \"{value}\"", "“{field}”无效:“{value}”")
        case .fieldUnknown: ("unknown field \"{name}\"; expected one of: {known}", "未知字段“{name}”;可用字段:{known}")
        case .queryInvalid:
            ("query parameter \"{name}\" must be of type {type}, not \"{value}\"", "查询参数“{name}”必须是 {type} 类型,而不是“{value}”")
        case .multipartBoundaryMissing:
            ("multipart/form-data needs a boundary parameter in its Content-Type", "multipart/form-data 的 Content-Type 缺少 boundary 参数")
        case .multipartBoundaryInvalid:
            ("the multipart boundary must be 1 to 70 characters without trailing space", "multipart 分隔符必须为 1 到 70 个字符,且不能以空格结尾")
        case .multipartNoFirstBoundary:
            ("the multipart body does not contain its boundary", "multipart 请求体中找不到分隔符")
        case .multipartDelimiterMalformed:
            ("a multipart boundary at byte {offset} is not followed by a line break", "第 {offset} 字节处的 multipart 分隔符后面没有换行")
        case .multipartUnterminated:
            ("the multipart body ends before its closing boundary (part {part})", "multipart 请求体在结束分隔符之前就结束了(第 {part} 部分)")
        case .multipartHeaderTooLong:
            ("the headers of multipart part {part} are longer than {max} bytes", "multipart 第 {part} 部分的头部超过 {max} 字节")
        case .multipartHeaderMalformed:
            ("multipart part {part} has a malformed header line: \"{line}\"", "multipart 第 {part} 部分有格式错误的头部行:“{line}”")
        case .multipartDispositionMissing:
            ("multipart part {part} has no \"Content-Disposition: form-data\" header", "multipart 第 {part} 部分缺少“Content-Disposition: form-data”头部")
        case .multipartNameMissing:
            ("multipart part {part} has no field name", "multipart 第 {part} 部分没有字段名")
        case .multipartTooManyParts:
            ("the multipart body has more than {max} parts", "multipart 请求体超过 {max} 个部分")
        case .multipartFieldUnknown:
            ("unknown form field \"{name}\"; expected one of: {known}", "未知表单字段“{name}”;可用字段:{known}")
        case .multipartFieldRepeated:
            ("form field \"{name}\" is given more than once", "表单字段“{name}”重复出现")
        case .multipartFieldNotText:
            ("form field \"{name}\" must be text, not a file", "表单字段“{name}”必须是文本,而不是文件")
        case .multipartPhotoNotFile:
            ("form field \"{name}\" must be a file part (with a filename)", "表单字段“{name}”必须是文件(带 filename)")
        case .multipartHeaderNotUTF8:
            ("the headers of multipart part {part} are not UTF-8", "multipart 第 {part} 部分的头部不是 UTF-8")
        case .open311ApiKeyMissing:
            ("api_key is required: a rider's token", "需要 api_key:骑手的令牌")
        case .open311MediaRequired:
            ("a Tuanju report needs 1 to 5 photos: POST multipart/form-data with the same fields and one \"media\" file part per photo",
             "团聚上报需要 1 到 5 张照片:请用 multipart/form-data 提交相同字段,每张照片一个“media”文件部分")
        case .open311StatusInvalid: ("status must be open or closed, not \"{value}\"", "status 必须是 open 或 closed,而不是“{value}”")
        case .open311DateInvalid:
            ("{name} must be a W3C date-time such as 2026-11-29T10:00:00+08:00, not \"{value}\"",
             "{name} 必须是 W3C 日期时间,例如 2026-11-29T10:00:00+08:00,而不是“{value}”")
        case .open311Notice:
            ("Received; a coordinator reviews each report.", "已收到;每条上报都由协调员审核。")
        case .open311KeyService: ("Ask your station's coordinator for a rider token.", "请向所在驿站的协调员申请骑手令牌。")
        case .open311Contact: ("Tuanju, the riders' service of the subdistrict", "团聚:街道骑手服务平台")
        case .healthOK: ("ok", "正常")
        case .methodNotAllowed:
            ("{path} does not take {method}; it takes {allowed}", "{path} 不接受 {method},只接受 {allowed}")
        case .queryUnknown:
            ("unknown query parameter \"{name}\"; this endpoint takes: {known}", "未知的查询参数“{name}”;此接口接受:{known}")
        case .bodyKeyRepeated:
            ("the field \"{name}\" appears more than once in the body", "请求体中字段“{name}”出现了不止一次")
        }
    }
}
