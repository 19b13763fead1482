import TuanjuCore

// Messages of agencies and the Open311 loop (`tuanju agencies`, dispatch to an agency), in English and
// Simplified Chinese. Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without
// both languages, and CatalogTests checks that neither is empty and that both name the same arguments.

public enum AgencyMsg: String, CaseIterable, CatalogMessage {
    // MARK: - Actions a role may be refused
    case actionManage, actionList

    // MARK: - CLI
    case abstract, addAbstract, updateAbstract, listAbstract, retireAbstract, argName, argID, optEndpoint, optAPIKeyFile
    case optJurisdiction, optService, optAllowPrivate, optIncludeRetired, optName, optClearEndpoint, optClearAPIKey
    case added, updated, retired, colName, colEndpoint, colServices, colState, stateInService, stateRetired, keyStored

    // MARK: - The Open311 loop
    case syncAbstract, syncSummary, optInterval, intervalInvalid, loopFailed, demoLoop, demoSent, demoClosed, demoStats

    public var texts: (en: String, zh: String) {
        switch self {
        case .actionManage: ("manage agencies", "管理承办单位")
        case .actionList: ("list agencies", "查看承办单位")
        case .abstract: ("Agencies reports are dispatched to, with their Open311 endpoints (admin).", "承办单位及其 Open311 接口(管理员)。")
        case .addAbstract: ("Add an agency (admin).", "新增承办单位(管理员)。")
        case .updateAbstract: ("Change an agency: only the options given change (admin).", "修改承办单位:只改所给的选项(管理员)。")
        case .listAbstract: ("List the agencies in service (coordinator).", "列出在用的承办单位(协调员)。")
        case .retireAbstract: ("Retire an agency: nothing new is dispatched to it (admin).", "停用承办单位:不再向其派发(管理员)。")
        case .argName: ("The agency's name, as riders and coordinators know it.", "承办单位名称。")
        case .argID: ("The agency's id (agc_…).", "承办单位编号(agc_…)。")
        case .optEndpoint: ("Base URL of its Open311 GeoReport v2 API (requests.json is appended).", "其 Open311 GeoReport v2 接口的根地址(后接 requests.json)。")
        case .optAPIKeyFile: ("A file holding its Open311 API key (first line); the key is stored and never printed.", "存有其 Open311 API 密钥的文件(第一行);密钥会保存但不会显示。")
        case .optJurisdiction: ("Its Open311 jurisdiction_id.", "其 Open311 jurisdiction_id(辖区编号)。")
        case .optService: ("CATEGORY=SERVICE_CODE: the agency's service code for a report category; repeat. An empty code removes it.", "类别=服务代码:该单位对某一上报类别的服务代码;可重复。代码为空则删除。")
        case .optAllowPrivate: ("Allow an endpoint on loopback or a private network (development, tests, the demo).", "允许接口位于本机或内网(开发、测试、演示用)。")
        case .optIncludeRetired: ("Include retired agencies.", "包括已停用的单位。")
        case .optName: ("A new name.", "新名称。")
        case .optClearEndpoint: ("Remove the Open311 endpoint: dispatch only records.", "删除 Open311 接口:派发只做记录。")
        case .optClearAPIKey: ("Remove the stored API key.", "删除已保存的 API 密钥。")
        case .added: ("Agency {name} added: {id}", "已新增承办单位 {name}:{id}")
        case .updated: ("Agency {name} ({id}) updated.", "承办单位 {name}({id})已更新。")
        case .retired: ("Agency {name} ({id}) retired.", "承办单位 {name}({id})已停用。")
        case .colName: ("NAME", "名称")
        case .colEndpoint: ("OPEN311", "OPEN311 接口")
        case .colServices: ("SERVICES", "服务代码")
        case .colState: ("STATE", "状态")
        case .stateInService: ("in service", "在用")
        case .stateRetired: ("retired", "已停用")
        case .keyStored: ("key stored", "已存密钥")
        case .syncAbstract: ("Send due dispatches to the agencies' Open311 endpoints and read their statuses back, once (admin).", "立即向承办单位的 Open311 接口发送待发的派发,并读回处置状态,执行一次(管理员)。")
        case .syncSummary: ("Open311: {sent} sent, {retrying} to retry, {dead} refused; {polled} polled, {updated} updated, {resolved} resolved.", "Open311:已发送 {sent},待重试 {retrying},被拒 {dead};查询 {polled},更新 {updated},办结 {resolved}。")
        case .optInterval: ("Seconds between passes of the agency loop (Open311 sends and status polls, overdue checks); one pass at start; 0 turns it off.", "承办单位循环(Open311 发送与状态查询、超时检查)每隔多少秒执行一次;启动时先执行一次;0 表示关闭。")
        case .intervalInvalid: ("the interval must be 0 (off) or 1 to 86400 seconds", "间隔须为 0(关闭)或 1 至 86400 秒")
        case .demoLoop: ("The agency closes the loop (Open311) and the month's figures", "承办单位闭环(Open311)与本月统计")
        case .demoSent: ("{count} dispatched report sent to the bureau's Open311 server: request {id}, service code {code}.", "{count} 条派发的上报已发送到城管局的 Open311 系统:工单 {id},服务代码 {code}。")
        case .demoClosed: ("The bureau closed it (\"{notes}\"); {resolved} report resolved by the loop.", "城管局办结了工单(“{notes}”);循环自动办结上报 {resolved} 条。")
        case .demoStats: ("This month: {submitted} submitted, {accepted} accepted, {resolved} resolved; charts in {path}", "本月:提交 {submitted},采纳 {accepted},办结 {resolved};图表见 {path}")
        case .loopFailed: ("agency loop: {reason} (tried again next pass)", "承办单位循环:{reason}(下一轮重试)")
        }
    }
}
