import TuanjuCore

// Messages of the command line: help, columns, labels, progress and result lines, the demo's narration, in
// English and Simplified Chinese.
// Same rules as every catalogue: `{name}` marks an argument; a case cannot compile without both languages, and
// CatalogTests checks that neither is empty and that both name the same arguments.

public enum CLIMsg: String, CaseIterable, CatalogMessage {
    // MARK: - Errors: input
    case importSkipped, importMoreBadRows

    // MARK: - Errors: rules, access, storage
    case areaInvalid, deliveryStatusInvalid, webhooksAbstract, webhooksAddAbstract, webhooksListAbstract
    case webhooksRemoveAbstract, webhooksRotateAbstract, webhooksEnableAbstract, webhooksDeliverAbstract
    case webhooksDeliveriesAbstract, webhooksReplayAbstract, argWebhookURL, optWebhookEvents, optAllowPrivate
    case argWebhookID, optUntilIdle, optMaxSeconds, optDeliveryStatus, argDeliveryID, webhookAdded
    case webhookSecretOnce, webhookRemoved, webhookEnabled, deliverProgress, deliverSummary, deliveryReplayed
    case colURL, colEvents, colEndpoint, colAttempts, webhooksRunAbstract, optInterval, internalError

    // MARK: - CLI: global
    case appAbstract, appDiscussion, optData, optToken, optJSON, optLang, yes, no, statusActive, statusRevoked
    case statusDeactivated, platformMeituan, platformEleme, platformOther, userRoleCoordinator, userRoleAdmin

    // MARK: - CLI: init, whoami, users
    case initAbstract, initDiscussion, initOptSeed, initDataDir, initSeedLoaded, initAdminToken, initAlready
    case whoamiAbstract, usersAbstract, usersAddAbstract, usersListAbstract, usersRevokeAbstract, optPersonName
    case optUserRole, argUserID, userAdded, tokenShownOnce, userRevoked, colID, colName, colTitle, colRole
    case colStatus, colPhone, colPlatform, colParty, colBranch, colCategory, colCategoryCode, colPoints

    // MARK: - CLI: riders
    case ridersAbstract, ridersRegisterAbstract, ridersImportAbstract, ridersImportDiscussion, ridersShowAbstract
    case ridersListAbstract, ridersUpdateAbstract, ridersDeactivateAbstract, ridersReactivateAbstract
    case ridersTokenAbstract, optRiderName, optPhone, optPlatform, optPartyMemberFlag, optBranch, argCSVFile
    case optStrict, optFilterPlatform, optFilterParty, optFilterBranch, optFilterName, optFilterStatus, optLimit
    case optOffset, argRiderID, argRiderIDOptional, optNewName, optNewPhone, optNewPlatform, optNewParty
    case optNewBranch, optNoBranch, riderRegistered, riderTokenOnce, importProgress, importSummary, ridersCount
    case riderDeactivated, riderReactivated, riderNewToken, labelID, labelName, labelPhone, labelPlatform
    case labelPartyMember, labelBranch, labelStatus, labelRegistered

    // MARK: - CLI: roles, tasks, settings
    case rolesAbstract, rolesListAbstract, tasksAbstract, tasksCreateAbstract, tasksUpdateAbstract
    case tasksCloseAbstract, tasksListAbstract, tasksShowAbstract, tasksClaimAbstract, tasksReleaseAbstract
    case tasksRevokeAbstract, tasksClaimsAbstract, optRoleCode, optTaskTitle, optTaskDescription, optCapacity
    case optStarts, optEnds, optTaskPoints, optArea, argTaskID, optOpenOnly, optNear, optRevokeReason, optMine
    case optTaskFilter, optRiderFilter, taskCreated, taskClosedDone, taskClaimedDone, taskReleasedDone
    case claimRevokedDone, colTitleTask, colSeats, colEnds, colClaim, colTask, colRider, colWhen, colReason, colKey
    case colValue, colDefault, stateOpen, stateClosed, stateFull, labelRole, labelTitle, labelSeats, labelStarts
    case labelEnds, labelPoints, labelDescription, settingsAbstract, settingsListAbstract, settingsSetAbstract
    case argSettingKey, argSettingValue

    // MARK: - CLI: points, rewards, redemptions
    case pointsAbstract, pointsBalanceAbstract, pointsHistoryAbstract, pointsAwardAbstract, pointsAdjustAbstract
    case pointsVerifyAbstract, optRiderSelf, optAmount, optAdjustAmount, optPointsReason, optIdempotencyKey
    case labelRider, labelBalance, labelHeld, labelAvailable, colKind, colStock, colReward, colQuantity, ledgerSound
    case ledgerUnsound, rewardsAbstract, rewardsAddAbstract, rewardsUpdateAbstract, rewardsListAbstract
    case rewardsRedeemAbstract, optRewardName, optRewardNameZh, optCost, optStock, optActive, argRewardID
    case optQuantity, rewardAdded, rewardUpdated, redeemed, redemptionsAbstract, redemptionsRunAbstract
    case redemptionsRunDiscussion, redemptionsListAbstract, redemptionsCancelAbstract, optBatchLimit, optDryRun
    case optRedemptionStatus, argRedemptionID, batchProgress, batchResumed, batchExpired, batchSummary, batchPreview
    case batchReport, redemptionCancelled

    // MARK: - Demo
    case demoAbstract, demoDiscussion, demoOptKeep, demoOptJSON, demoKept, demoSetup, demoSetupDone, demoTokenHashed
    case demoCoordinator, demoCoordinatorDone, demoRegister, demoRiderLine, demoPrivacy, demoSeesOwn
    case demoCoordinatorSees, demoRefused, demoImport, demoImportFirst, demoImportError, demoImportAgain, demoRoles
    case demoRoleLine, demoClaims, demoPosted, demoClaimed, demoClaimFull, demoSeats, demoPoints, demoBalanceAwarded
    case demoRedeemed, demoBalanceHeld, demoBatch, demoBalanceAfter, demoWebhooks, demoWebhookAdded
    case demoWebhookArrived, demoWebhookSummary, demoDeactivate, demoDeactivated, demoDone, demoOutbox

    public var texts: (en: String, zh: String) {
        switch self {
        case .importSkipped: ("{count} bad row(s) skipped; the valid rows were imported", "跳过 {count} 行错误数据;有效行已导入")
        case .importMoreBadRows: ("{count} more bad rows not listed", "另有 {count} 行错误未列出")
        case .areaInvalid: ("\"{text}\" is not an area; write LAT,LON,RADIUS_M", "“{text}”不是有效区域;请写成“纬度,经度,半径米数”")
        case .deliveryStatusInvalid: ("status \"{value}\" is not pending, delivered, dead or held", "状态“{value}”应为 pending、delivered、dead 或 held")
        case .webhooksAbstract: ("Signed webhooks to the dashboard and other systems (admin).", "向驾驶舱等系统发送签名的 Webhook(管理员)。")
        case .webhooksAddAbstract: ("Add an endpoint (at most 100); prints its signing secret once.", "添加端点(最多 100 个),并只显示一次签名密钥。")
        case .webhooksListAbstract: ("List endpoints.", "列出端点。")
        case .webhooksRemoveAbstract: ("Remove an endpoint; its undelivered deliveries become dead.", "删除端点;其未投递的记录标为失效。")
        case .webhooksRotateAbstract: ("Give an endpoint a new secret; the old one also signs for 24 hours.", "为端点更换密钥;旧密钥在 24 小时内仍会签名。")
        case .webhooksEnableAbstract: ("Enable a disabled endpoint and release its held deliveries.", "重新启用端点并放行被暂停的投递。")
        case .webhooksDeliverAbstract: ("Deliver what is due, signed, over HTTP; retry failures on a schedule.", "投递到期的签名 Webhook;失败的按计划重试。")
        case .webhooksDeliveriesAbstract: ("List deliveries and their attempts' outcome.", "列出投递记录及其结果。")
        case .webhooksReplayAbstract: ("Queue a dead delivery again, under the same webhook-id.", "以相同的 webhook-id 重新投递失效记录。")
        case .argWebhookURL: ("The receiver's http(s) URL.", "接收方的 http(s) 地址。")
        case .optWebhookEvents: ("Event types separated by commas, or all.", "以逗号分隔的事件类型,或 all。")
        case .optAllowPrivate: ("Allow loopback and private addresses (development, tests and the demo only).", "允许回环和内网地址(仅用于开发、测试和演示)。")
        case .argWebhookID: ("The endpoint's ID.", "端点编号。")
        case .optUntilIdle: ("Keep going until nothing is due.", "持续投递直到没有到期的记录。")
        case .optMaxSeconds: ("Stop after this many seconds.", "最多运行多少秒。")
        case .optDeliveryStatus: ("pending, delivered, dead or held.", "pending、delivered、dead 或 held。")
        case .argDeliveryID: ("The delivery's ID.", "投递编号。")
        case .webhookAdded: ("Added endpoint {id} for {url}.", "已添加端点 {id}:{url}。")
        case .webhookSecretOnce: ("Signing secret (shown once): {secret}", "签名密钥(只显示一次):{secret}")
        case .webhookRemoved: ("Removed endpoint {id}.", "已删除端点 {id}。")
        case .webhookEnabled: ("Enabled endpoint {id}.", "已启用端点 {id}。")
        case .deliverProgress: ("webhooks: {delivered} delivered, {retrying} to retry…", "Webhook:已投递 {delivered},待重试 {retrying}…")
        case .deliverSummary: ("Delivered {delivered}, retrying {retrying}, dead {dead}, held {held}.", "已投递 {delivered},待重试 {retrying},失效 {dead},暂停 {held}。")
        case .deliveryReplayed: ("Delivery {id} is queued again.", "投递 {id} 已重新排队。")
        case .colURL: ("URL", "地址")
        case .colEvents: ("EVENTS", "事件")
        case .colEndpoint: ("ENDPOINT", "端点")
        case .colAttempts: ("ATTEMPTS", "尝试次数")
        case .webhooksRunAbstract: ("Keep delivering until SIGTERM or SIGINT, then finish what is in flight and exit.", "持续投递直到收到 SIGTERM 或 SIGINT,完成进行中的投递后退出。")
        case .optInterval: ("Seconds between looks for new events.", "检查新事件的间隔秒数。")
        case .internalError: ("internal error: {detail}", "内部错误:{detail}")
        case .appAbstract: ("团聚·数智先锋 Tuanju: civic participation for delivery riders.", "团聚·数智先锋:外卖骑手参与基层治理的服务平台。")
        case .appDiscussion: ("Riders find warm-heart service points, claim governance roles and report problems; coordinators review and reward; admins manage users. Start with `tuanju init`, or see everything at work with `tuanju demo`.", "骑手查找暖心服务点、认领治理项目、随手拍随手报;协调员审核并奖励;管理员管理用户。先运行 `tuanju init`,或用 `tuanju demo` 观看完整流程。")
        case .optData: ("Data directory (default: $TUANJU_DATA, else $XDG_DATA_HOME/tuanju, else ~/.local/share/tuanju).", "数据目录(默认:$TUANJU_DATA,其次 $XDG_DATA_HOME/tuanju,再次 ~/.local/share/tuanju)。")
        case .optToken: ("Your token (default: $TUANJU_TOKEN).", "您的令牌(默认:$TUANJU_TOKEN)。")
        case .optJSON: ("Print JSON on stdout (errors as JSON on stderr).", "在标准输出打印 JSON(错误以 JSON 打印到标准错误)。")
        case .optLang: ("Language of human output: zh or en (default: $TUANJU_LANG, else the locale).", "界面语言:zh 或 en(默认:$TUANJU_LANG,其次系统区域设置)。")
        case .yes: ("yes", "是")
        case .no: ("no", "否")
        case .statusActive: ("active", "启用")
        case .statusRevoked: ("revoked", "已吊销")
        case .statusDeactivated: ("deactivated", "已停用")
        case .platformMeituan: ("Meituan", "美团")
        case .userRoleCoordinator: ("coordinator", "协调员")
        case .userRoleAdmin: ("admin", "管理员")
        case .platformEleme: ("Ele.me", "饿了么")
        case .platformOther: ("other", "其他")
        case .initAbstract: ("Create or upgrade the data directory and load the built-in seed data.", "创建或升级数据目录,并载入内置种子数据。")
        case .initDiscussion: ("The first run creates the directory (mode 0700), the database, the governance roles, and the first admin, whose token is printed once: keep it. Running init again only upgrades the schema.", "首次运行会创建数据目录(权限 0700)、数据库、治理项目和第一位管理员,并只显示一次管理员令牌,请妥善保存。再次运行只会升级数据库结构。")
        case .initOptSeed: ("Load seed data from this directory instead of the built-in one.", "从此目录载入种子数据,而不是内置数据。")
        case .initDataDir: ("Data directory: {path} (schema version {version})", "数据目录:{path}(结构版本 {version})")
        case .initSeedLoaded: ("Loaded seed: {parts}", "已载入种子数据:{parts}")
        case .initAdminToken: ("First admin token (shown once, keep it safe):", "第一位管理员的令牌(只显示一次,请妥善保存):")
        case .initAlready: ("Already initialized; nothing else changed.", "已初始化,未做其他改动。")
        case .whoamiAbstract: ("Show who the token belongs to.", "显示令牌的所有者。")
        case .usersAbstract: ("Manage coordinators and admins (admin only).", "管理协调员和管理员(仅限管理员)。")
        case .usersAddAbstract: ("Add a coordinator or admin; prints their token once.", "添加协调员或管理员,并只显示一次其令牌。")
        case .usersListAbstract: ("List coordinators and admins.", "列出协调员和管理员。")
        case .usersRevokeAbstract: ("Revoke a user: their tokens stop working at once.", "吊销用户:其令牌立即失效。")
        case .optPersonName: ("The person's name.", "姓名。")
        case .optUserRole: ("coordinator or admin.", "coordinator(协调员)或 admin(管理员)。")
        case .argUserID: ("The user's ID.", "用户编号。")
        case .userAdded: ("Added {role} {name} ({id}).", "已添加{role} {name}({id})。")
        case .tokenShownOnce: ("Token (shown once): {token}", "令牌(只显示一次):{token}")
        case .userRevoked: ("Revoked {name} ({id}).", "已吊销 {name}({id})。")
        case .colID: ("ID", "编号")
        case .colName: ("NAME", "姓名")
        case .colTitle: ("NAME", "名称")
        case .colRole: ("ROLE", "角色")
        case .colStatus: ("STATUS", "状态")
        case .colPhone: ("PHONE", "手机号")
        case .colPlatform: ("PLATFORM", "平台")
        case .colParty: ("PARTY", "党员")
        case .colBranch: ("BRANCH", "党支部")
        case .colCategory: ("CATEGORY", "上报类别")
        case .colCategoryCode: ("CODE", "类别代码")
        case .colPoints: ("POINTS", "积分")
        case .ridersAbstract: ("Rider profiles: register, import, show, list, update, deactivate.", "骑手档案:登记、导入、查看、列表、修改、停用。")
        case .ridersRegisterAbstract: ("Register a rider (coordinator); prints the rider's token once.", "登记骑手(协调员),并只显示一次骑手令牌。")
        case .ridersImportAbstract: ("Import riders from CSV (coordinator), upserting by phone.", "从 CSV 导入骑手(协调员),按手机号新增或更新。")
        case .ridersImportDiscussion: ("The header row names the columns: name,phone,platform,party_member,branch (any order). Valid rows are imported and every bad row is reported with its line number; the exit code is 65 when any row was skipped. With --strict, one bad row imports nothing. Importing the same file again creates no duplicates. Imported riders get a token with `tuanju riders token ID`.", "表头列名为 name,phone,platform,party_member,branch(顺序不限)。有效行会被导入,每一行错误都会报告行号;有行被跳过时退出码为 65。指定 --strict 时,只要有一行错误就不导入任何数据。重复导入同一文件不会产生重复骑手。导入的骑手用 `tuanju riders token ID` 获取令牌。")
        case .ridersShowAbstract: ("Show a rider's profile (yourself without ID; coordinators any rider).", "查看骑手档案(不带编号即查看自己;协调员可查看任何骑手)。")
        case .ridersListAbstract: ("List riders with filters (coordinator).", "按条件列出骑手(协调员)。")
        case .ridersUpdateAbstract: ("Change a profile (coordinator, or the rider on their own profile).", "修改档案(协调员,或骑手修改自己的档案)。")
        case .ridersDeactivateAbstract: ("Deactivate a rider (coordinator): their token stops working at once.", "停用骑手(协调员):其令牌立即失效。")
        case .ridersReactivateAbstract: ("Reactivate a rider (coordinator); give them a new token with `riders token`.", "重新启用骑手(协调员);用 `riders token` 签发新令牌。")
        case .ridersTokenAbstract: ("Issue a new token for a rider (coordinator); older tokens stop working.", "为骑手签发新令牌(协调员);旧令牌失效。")
        case .optRiderName: ("The rider's name.", "骑手姓名。")
        case .optPhone: ("Mainland mobile number, e.g. 13812341234.", "大陆手机号,例如 13812341234。")
        case .optPlatform: ("meituan, eleme or other.", "meituan(美团)、eleme(饿了么)或 other(其他)。")
        case .optPartyMemberFlag: ("The rider is a party member.", "骑手是党员。")
        case .optBranch: ("Party branch, e.g. the riders' mobile party branch.", "所属党支部,例如外卖骑手流动党支部。")
        case .argCSVFile: ("The CSV file.", "CSV 文件。")
        case .optStrict: ("Import nothing if any row is bad.", "只要有一行错误就不导入任何数据。")
        case .optFilterPlatform: ("Only this platform: meituan, eleme or other.", "只列出该平台:meituan、eleme 或 other。")
        case .optFilterParty: ("Only party members (true) or non-members (false).", "只列出党员(true)或非党员(false)。")
        case .optFilterBranch: ("Only this party branch.", "只列出该党支部。")
        case .optFilterName: ("Only names containing this text.", "只列出姓名包含此文字的骑手。")
        case .optFilterStatus: ("active (default), inactive or all.", "active(启用,默认)、inactive(停用)或 all(全部)。")
        case .optLimit: ("At most this many (1–1000).", "最多列出多少条(1–1000)。")
        case .optOffset: ("Skip this many first.", "先跳过多少条。")
        case .argRiderID: ("The rider's ID.", "骑手编号。")
        case .argRiderIDOptional: ("The rider's ID (riders may leave it out).", "骑手编号(骑手本人可省略)。")
        case .optNewName: ("New name.", "新姓名。")
        case .optNewPhone: ("New phone number.", "新手机号。")
        case .optNewPlatform: ("New platform.", "新平台。")
        case .optNewParty: ("Party member: true or false.", "是否党员:true 或 false。")
        case .optNewBranch: ("New party branch.", "新的所属党支部。")
        case .optNoBranch: ("Clear the party branch.", "清除所属党支部。")
        case .riderRegistered: ("Registered {name} ({id}).", "已登记 {name}({id})。")
        case .riderTokenOnce: ("Rider token (shown once): {token}", "骑手令牌(只显示一次):{token}")
        case .importProgress: ("riders import: {rows} rows…", "骑手导入:已处理 {rows} 行…")
        case .importSummary: ("Imported {imported} new, updated {updated}, unchanged {unchanged}, skipped {skipped} bad row(s).", "新增 {imported} 条,更新 {updated} 条,未变 {unchanged} 条,跳过错误行 {skipped} 行。")
        case .ridersCount: ("{count} rider(s)", "共 {count} 名骑手")
        case .riderDeactivated: ("Deactivated {name} ({id}).", "已停用 {name}({id})。")
        case .riderReactivated: ("Reactivated {name} ({id}).", "已重新启用 {name}({id})。")
        case .riderNewToken: ("New token for {name} (shown once): {token}", "{name} 的新令牌(只显示一次):{token}")
        case .labelID: ("ID", "编号")
        case .labelName: ("Name", "姓名")
        case .labelPhone: ("Phone", "手机号")
        case .labelPlatform: ("Platform", "平台")
        case .labelPartyMember: ("Party member", "党员")
        case .labelBranch: ("Branch", "党支部")
        case .labelStatus: ("Status", "状态")
        case .labelRegistered: ("Registered", "登记时间")
        case .rolesAbstract: ("The 8 governance roles and their report categories (public).", "8 个先锋治理项目及其上报类别(公开)。")
        case .rolesListAbstract: ("List the roles with their categories and points.", "列出治理项目及其上报类别和积分。")
        case .tasksAbstract: ("Governance postings and claims: create, list, claim, release, revoke.", "治理项目发布与认领:发布、列表、认领、退出、撤销。")
        case .tasksCreateAbstract: ("Post a governance role with a number of seats (coordinator).", "发布一个治理项目及其名额(协调员)。")
        case .tasksUpdateAbstract: ("Change a posting (coordinator).", "修改项目发布(协调员)。")
        case .tasksCloseAbstract: ("Close a posting (coordinator); its claims end with it.", "关闭项目发布(协调员);其认领随之结束。")
        case .tasksListAbstract: ("List postings.", "列出项目发布。")
        case .tasksShowAbstract: ("Show a posting (coordinators also see who claimed it).", "查看项目发布(协调员还能看到认领人)。")
        case .tasksClaimAbstract: ("Claim a seat on a posting (rider).", "认领一个项目名额(骑手)。")
        case .tasksReleaseAbstract: ("Give your seat on a posting back (rider).", "退出已认领的项目名额(骑手)。")
        case .tasksRevokeAbstract: ("Take a rider's seat away, with a reason (coordinator).", "撤销骑手的认领并说明原因(协调员)。")
        case .tasksClaimsAbstract: ("Claim history: who claimed, released or lost a seat, when and why.", "认领记录:谁在何时认领、退出或被撤销,以及原因。")
        case .optRoleCode: ("Governance role code, e.g. hazard-inspector (see `tuanju roles list`).", "治理项目编码,例如 hazard-inspector(见 `tuanju roles list`)。")
        case .optTaskTitle: ("Title of the posting.", "发布标题。")
        case .optTaskDescription: ("What riders are asked to do.", "需要骑手做什么。")
        case .optCapacity: ("Number of seats.", "名额数量。")
        case .optStarts: ("Opens for claims at this time (ISO-8601 with zone).", "开放认领的时间(带时区的 ISO-8601)。")
        case .optEnds: ("Ends at this time (ISO-8601 with zone); claims end with it.", "结束时间(带时区的 ISO-8601);认领随之结束。")
        case .optTaskPoints: ("Points per accepted report (overrides the category's default).", "每条被采纳的上报所得积分(覆盖类别默认值)。")
        case .optArea: ("Area of the posting: centre and radius in metres.", "项目区域:中心点及半径(米)。")
        case .argTaskID: ("The posting's ID.", "项目发布编号。")
        case .optOpenOnly: ("Only postings open for claims now.", "只列出当前开放认领的项目。")
        case .optNear: ("Only postings whose area contains this point, nearest first.", "只列出区域包含此位置的项目,由近到远。")
        case .optRevokeReason: ("Why the seat is taken away (required).", "撤销原因(必填)。")
        case .optMine: ("Only your own claims.", "只看自己的认领。")
        case .optTaskFilter: ("Only claims on this posting.", "只看该项目的认领。")
        case .optRiderFilter: ("Only claims of this rider.", "只看该骑手的认领。")
        case .taskCreated: ("Posted {title} ({id}) with {capacity} seats.", "已发布“{title}”({id}),共 {capacity} 个名额。")
        case .taskClosedDone: ("Closed {title} ({id}).", "已关闭“{title}”({id})。")
        case .taskClaimedDone: ("You hold a seat on {task} (claim {claim}).", "您已认领 {task}(认领编号 {claim})。")
        case .taskReleasedDone: ("You gave your seat on {task} back.", "您已退出 {task}。")
        case .claimRevokedDone: ("Revoked {rider}'s claim on {task}.", "已撤销 {rider} 对 {task} 的认领。")
        case .colTitleTask: ("TITLE", "标题")
        case .colSeats: ("SEATS", "名额")
        case .colEnds: ("ENDS", "结束时间")
        case .colClaim: ("CLAIM", "认领编号")
        case .colTask: ("POSTING", "项目")
        case .colRider: ("RIDER", "骑手")
        case .colWhen: ("WHEN", "时间")
        case .colReason: ("REASON", "原因")
        case .colKey: ("SETTING", "设置项")
        case .colValue: ("VALUE", "值")
        case .colDefault: ("DEFAULT", "默认值")
        case .stateOpen: ("open", "开放")
        case .stateClosed: ("closed", "已关闭")
        case .stateFull: ("full", "已满")
        case .labelRole: ("Role", "治理项目")
        case .labelTitle: ("Title", "标题")
        case .labelSeats: ("Seats", "名额")
        case .labelStarts: ("Starts", "开始时间")
        case .labelEnds: ("Ends", "结束时间")
        case .labelPoints: ("Points", "积分")
        case .labelDescription: ("Description", "说明")
        case .settingsAbstract: ("Operational settings (admin).", "运营设置(管理员)。")
        case .settingsListAbstract: ("List the settings with their values and defaults.", "列出各项设置的当前值和默认值。")
        case .settingsSetAbstract: ("Change a setting.", "修改一项设置。")
        case .argSettingKey: ("The setting, e.g. max_active_claims.", "设置项,例如 max_active_claims。")
        case .argSettingValue: ("The new value.", "新值。")
        case .pointsAbstract: ("Points: balances, history, awards, corrections, and the ledger check.", "积分:余额、明细、发放、更正与账本核对。")
        case .pointsBalanceAbstract: ("Show a rider's balance, held and available points.", "查看骑手的积分余额、冻结积分和可用积分。")
        case .pointsHistoryAbstract: ("Show the transfers in and out of a rider's points account.", "查看骑手积分账户的收支明细。")
        case .pointsAwardAbstract: ("Award points from the budget (coordinator), e.g. for offline work.", "从积分预算中发放积分(协调员),例如线下参与。")
        case .pointsAdjustAbstract: ("Correct a balance with a new transfer and a reason (admin).", "以一笔新的转账并说明原因来更正余额(管理员)。")
        case .pointsVerifyAbstract: ("Check every invariant of the points ledger (admin); exit 1 listing each problem.", "核对积分账本的全部约束(管理员);有问题时逐条列出并以 1 退出。")
        case .optRiderSelf: ("The rider (riders leave it out for themselves).", "骑手编号(骑手本人可省略)。")
        case .optAmount: ("Points to award.", "发放的积分。")
        case .optAdjustAmount: ("Points to add, or to take away when negative (write --amount=-5).", "增加的积分,负数为扣减(写作 --amount=-5)。")
        case .optPointsReason: ("Why (required).", "原因(必填)。")
        case .optIdempotencyKey: ("A key that makes a retry of the same command harmless.", "幂等键:重复执行同一命令不会重复发放。")
        case .labelRider: ("Rider", "骑手")
        case .labelBalance: ("Balance", "余额")
        case .labelHeld: ("Held", "冻结")
        case .labelAvailable: ("Available", "可用")
        case .colKind: ("KIND", "类型")
        case .colStock: ("STOCK", "库存")
        case .colReward: ("REWARD", "奖品")
        case .colQuantity: ("QTY", "数量")
        case .ledgerSound: ("The ledger is sound: every invariant holds.", "账本无误:所有约束均成立。")
        case .ledgerUnsound: ("the ledger has {count} problem(s)", "账本有 {count} 处问题")
        case .rewardsAbstract: ("Rewards riders redeem points for.", "骑手可用积分兑换的奖品。")
        case .rewardsAddAbstract: ("Add a reward (coordinator).", "添加奖品(协调员)。")
        case .rewardsUpdateAbstract: ("Change a reward's name, cost, stock or availability (coordinator).", "修改奖品的名称、所需积分、库存或是否可兑换(协调员)。")
        case .rewardsListAbstract: ("List rewards.", "列出奖品。")
        case .rewardsRedeemAbstract: ("Ask to redeem a reward (rider): the points are held until the next batch.", "申请兑换奖品(骑手):积分冻结至下一批次处理。")
        case .optRewardName: ("Name in English.", "英文名称。")
        case .optRewardNameZh: ("Name in Chinese.", "中文名称。")
        case .optCost: ("Points it costs.", "所需积分。")
        case .optStock: ("How many there are.", "库存数量。")
        case .optActive: ("Offered for redemption: true or false.", "是否可兑换:true 或 false。")
        case .argRewardID: ("The reward's ID.", "奖品编号。")
        case .optQuantity: ("How many (1–100).", "数量(1–100)。")
        case .rewardAdded: ("Added {name} ({id}).", "已添加 {name}({id})。")
        case .rewardUpdated: ("Updated {name} ({id}).", "已更新 {name}({id})。")
        case .redeemed: ("Requested ({id}); {points} points are held until the next batch.", "已提交兑换申请({id});{points} 积分冻结至下一批次处理。")
        case .redemptionsAbstract: ("Redemption requests and the batches that fulfil them.", "兑换申请及处理它们的批次。")
        case .redemptionsRunAbstract: ("Run a redemption batch (coordinator): fulfil or reject pending requests, oldest first.", "处理兑换批次(协调员):按申请先后兑现或拒绝待处理申请。")
        case .redemptionsRunDiscussion: ("Requests are handled 1,000 per transaction; killing the command at any moment loses nothing, and running it again finishes the same batch, each request exactly once. The fulfilment list (phones masked) is written to <data>/exports/.", "每 1000 条申请一个事务;任何时刻中断都不会丢失数据,再次运行会完成同一批次,每条申请只处理一次。兑现清单(手机号打码)写入 <data>/exports/。")
        case .redemptionsListAbstract: ("List redemption requests (riders see their own).", "列出兑换申请(骑手只能看到自己的)。")
        case .redemptionsCancelAbstract: ("Cancel your pending request (rider); the points are released.", "撤回自己待处理的兑换申请(骑手);积分解冻。")
        case .optBatchLimit: ("Take at most this many requests.", "最多处理多少条申请。")
        case .optDryRun: ("Show what the batch would do, change nothing.", "只显示批次将如何处理,不做任何改动。")
        case .optRedemptionStatus: ("pending, fulfilled, rejected, cancelled or expired.", "pending、fulfilled、rejected、cancelled 或 expired。")
        case .argRedemptionID: ("The request's ID.", "兑换申请编号。")
        case .batchProgress: ("redemption batch: {done}/{total}…", "兑换批次:{done}/{total}…")
        case .batchResumed: ("Resumed batch {id}, which an earlier run left unfinished.", "继续处理之前未完成的批次 {id}。")
        case .batchExpired: ("{count} request(s) expired and their points were released.", "{count} 条申请已过期,积分已解冻。")
        case .batchSummary: ("Batch done: {requests} request(s), {fulfilled} fulfilled, {rejected} rejected.", "批次完成:共 {requests} 条申请,兑现 {fulfilled} 条,拒绝 {rejected} 条。")
        case .batchPreview: ("A batch now would take {requests} request(s): {fulfilled} fulfilled, {rejected} rejected. Nothing changed.", "若现在处理,将处理 {requests} 条申请:兑现 {fulfilled} 条,拒绝 {rejected} 条。未做任何改动。")
        case .batchReport: ("Fulfilment list: {path}", "兑现清单:{path}")
        case .redemptionCancelled: ("Cancelled {id}; {points} points are available again.", "已撤回 {id};{points} 积分已解冻。")
        case .demoAbstract: ("Run the whole flow on a fresh temporary data directory, narrated.", "在全新的临时数据目录上演示完整流程,并逐步讲解。")
        case .demoDiscussion: ("Nothing outside the temporary directory is touched; it is removed at the end unless --keep is given.", "不会改动临时目录以外的任何内容;结束时删除该目录,除非指定 --keep。")
        case .demoOptKeep: ("Keep the demo's data directory and print its path.", "保留演示的数据目录并显示其路径。")
        case .demoOptJSON: ("Print JSON lines (one per step) instead of narration.", "每个步骤打印一行 JSON,而不是讲解文字。")
        case .demoKept: ("The demo's data is kept in {path} (use --data {path}).", "演示数据保留在 {path}(使用 --data {path})。")
        case .demoSetup: ("Set up: 文晖街道 installs Tuanju", "安装:文晖街道部署团聚平台")
        case .demoSetupDone: ("Data directory {path}, schema version {version}.", "数据目录 {path},结构版本 {version}。")
        case .demoTokenHashed: ("The first admin's token was printed once; only its SHA-256 hash is stored.", "第一位管理员的令牌只显示一次;数据库只保存其 SHA-256 哈希。")
        case .demoCoordinator: ("The admin adds a coordinator (街道工作人员)", "管理员添加一位协调员(街道工作人员)")
        case .demoCoordinatorDone: ("{name} is a coordinator ({id}).", "{name} 成为协调员({id})。")
        case .demoRegister: ("The coordinator registers two riders", "协调员登记两名骑手")
        case .demoRiderLine: ("{name}: {platform}, phone {phone}, party member: {party}", "{name}:{platform},手机号 {phone},党员:{party}")
        case .demoPrivacy: ("Privacy: a rider sees their own phone; everyone else sees it masked", "隐私:骑手能看到自己的完整手机号,其他人只能看到打码后的号码")
        case .demoSeesOwn: ("{name} sees:          {phone}", "{name} 看到:      {phone}")
        case .demoCoordinatorSees: ("the coordinator sees: {phone}", "协调员看到:      {phone}")
        case .demoRefused: ("{who} asks for {whom}'s profile: refused ({reason}).", "{who} 想查看 {whom} 的档案:被拒绝({reason})。")
        case .demoImport: ("The coordinator imports the platform's rider list (CSV)", "协调员导入平台提供的骑手名单(CSV)")
        case .demoImportFirst: ("First import: {imported} new, {skipped} bad rows reported:", "第一次导入:新增 {imported} 人,报告 {skipped} 行错误:")
        case .demoImportError: ("  line {line}: {message}", "  第 {line} 行:{message}")
        case .demoImportAgain: ("Same file again: {imported} new, {unchanged} unchanged: no duplicates.", "再次导入同一文件:新增 {imported} 人,未变 {unchanged} 人,没有重复。")
        case .demoRoles: ("The 8 governance roles riders can claim (先锋治理)", "骑手可认领的 8 个先锋治理项目")
        case .demoRoleLine: ("{name}: {count} report categories, {min}–{max} points", "{name}:{count} 个上报类别,{min}–{max} 积分")
        case .demoClaims: ("The coordinator posts a hazard-inspection task; riders claim it online (线上认领)", "协调员发布隐患排查项目,骑手线上认领")
        case .demoPosted: ("Posted \"{title}\" with {capacity} seats.", "已发布“{title}”,共 {capacity} 个名额。")
        case .demoClaimed: ("{name} claims a seat.", "{name} 认领了一个名额。")
        case .demoClaimFull: ("{name} is too late: {reason}", "{name} 晚了一步:{reason}")
        case .demoSeats: ("Seats taken: {claimed}/{capacity}; the schema itself refuses an overbooking.", "已认领名额:{claimed}/{capacity};数据库结构本身就拒绝超额认领。")
        case .demoPoints: ("Points: 李骑手 earns points and redeems a meal coupon (积分兑换)", "积分:李骑手获得积分并兑换暖心便利餐券")
        case .demoBalanceAwarded: ("After an award:      balance {balance}, held {held}, available {available}", "发放积分后:  余额 {balance},冻结 {held},可用 {available}")
        case .demoRedeemed: ("Asks for {reward}: {points} points are held, not yet spent.", "申请兑换 {reward}:{points} 积分被冻结,尚未扣除。")
        case .demoBalanceHeld: ("While it waits:      balance {balance}, held {held}, available {available}", "等待批次时:  余额 {balance},冻结 {held},可用 {available}")
        case .demoBatch: ("The coordinator runs the monthly batch: {fulfilled} fulfilled, {rejected} rejected.", "协调员处理月度兑换批次:兑现 {fulfilled} 条,拒绝 {rejected} 条。")
        case .demoBalanceAfter: ("After the batch:     balance {balance}, held {held}, available {available}", "批次处理后:  余额 {balance},冻结 {held},可用 {available}")
        case .demoWebhooks: ("The subdistrict's dashboard (数字驾驶舱) subscribes to signed webhooks", "街道数字驾驶舱订阅签名的 Webhook")
        case .demoWebhookAdded: ("Subscribed at the start: {url} (loopback, allowed for the demo only). The whole flow above arrives:", "演示开始时已订阅:{url}(回环地址,仅演示时允许)。以上全部流程的事件送达:")
        case .demoWebhookArrived: ("{count} × {type}", "{count} 条 {type}")
        case .demoWebhookSummary: ("{delivered} delivered over HTTP by libcurl; {valid} verified by the receiver.", "经 libcurl 通过 HTTP 投递 {delivered} 条;接收方验证签名 {valid} 条。")
        case .demoDeactivate: ("A deactivated rider's token stops working", "骑手停用后,其令牌立即失效")
        case .demoDeactivated: ("{name}'s token after deactivation: {reason}", "{name} 停用后使用令牌:{reason}")
        case .demoDone: ("Done", "完成")
        case .demoOutbox: ("Every change above went to the outbox ({count} events) in the same transaction as the change itself.", "以上每项变更都与变更本身在同一事务中写入发件箱(共 {count} 个事件)。")
        }
    }
}

// This module names its own messages by case alone, as TuanjuCore does for Msg: `LocalizedText(.someCase)`,
// `InputError.invalid(.someCase)` (an implicit member needs a concrete type to be looked up in).
extension LocalizedText {
    init(_ message: CLIMsg, _ arguments: [String: String] = [:]) {
        self.init(message as any CatalogMessage, arguments)
    }
}

extension InputError {
    static func invalid(_ message: CLIMsg, _ arguments: [String: String] = [:]) -> InputError {
        .invalid(LocalizedText(message, arguments))
    }
}
