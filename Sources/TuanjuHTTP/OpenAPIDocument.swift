import Foundation

/// The OpenAPI 3.1 document served at `/openapi.json`. Written by hand, apart from the router: the tests check
/// that it lists exactly the routes registered (both ways) and that real responses match its schemas.
enum OpenAPIDocument {
    typealias JSON = Schema.JSON

    enum Access { case none, bearer, optionalBearer, apiKey }

    struct Operation: Sendable {
        let method: String
        let path: String
        let summary: String
        let access: Access
        var query: KeyValuePairs<String, JSON> = [:]
        /// Request headers the operation reads (beyond Authorization).
        var headers: KeyValuePairs<String, JSON> = [:]
        var body: JSON? = nil
        var bodyType = "application/json"
        var status = 200
        let response: JSON
        /// The success body's media type: JSON, `image/*` for photo files and charts, `text/plain` for `/metrics`,
        /// `text/event-stream` for the inbox stream.
        var responseType = "application/json"
    }

    // MARK: - Request bodies

    static let registerRider = Schema.object([
        "name": Schema.label(100), "phone": Schema.phone, "platform": Schema.enumeration(["meituan", "eleme", "other"]),
        "party_member": Schema.optional(Schema.boolean), "branch": Schema.optional(Schema.label(100)),
    ])
    static let updateRider = Schema.change([
        "name": Schema.optional(Schema.label(100)), "phone": Schema.optional(Schema.phone),
        "platform": Schema.optional(Schema.enumeration(["meituan", "eleme", "other"])), "party_member": Schema.optional(Schema.boolean),
        "branch": Schema.optional(Schema.label(100)), "language": Schema.optional(Schema.enumeration(["zh", "en"])),
        "quiet_hours": Schema.optional(Schema.example(Schema.string, "11:00-13:00,17:00-19:30").merging([
            "description": "when reminders wait (Asia/Shanghai): up to 6 periods HH:MM-HH:MM, comma-separated, or none",
        ]) { $1 }),
    ])
    static let createTask = Schema.object([
        "role": Schema.string, "title": Schema.label(200), "description": Schema.optional(Schema.string),
        "capacity": Schema.integer(1...100_000), "starts": Schema.optional(Schema.example(Schema.time, "2099-01-01T09:00:00+08:00")),
        "ends": Schema.optional(Schema.example(Schema.time, "2099-01-01T17:00:00+08:00").merging(["description": "after starts"]) { $1 }),
        "points": Schema.optional(Schema.integer(0...10_000)),
        "area": Schema.optional(Schema.object(["lat": Schema.number, "lon": Schema.number, "radius_m": Schema.number])),
    ])
    static let updateTask = Schema.change([
        "title": Schema.optional(Schema.label(200)), "description": Schema.optional(Schema.string),
        "capacity": Schema.optional(Schema.integer(1...100_000)), "ends": Schema.optional(Schema.time),
        "points": Schema.optional(Schema.integer(0...10_000)),
    ])
    static let empty = Schema.object([:])
    static let activityBody = Schema.object([
        "kind": Schema.enumeration(["health", "affairs", "skills"]), "title": Schema.label(200),
        "title_zh": Schema.optional(Schema.label(200)), "description": Schema.optional(Schema.note(2000)),
    ])
    static let activityChange = Schema.change([
        "kind": Schema.optional(Schema.enumeration(["health", "affairs", "skills"])), "title": Schema.optional(Schema.label(200)),
        "title_zh": Schema.optional(Schema.label(200)), "description": Schema.optional(Schema.note(2000)),
    ])
    static let quizObject: JSON = [
        "type": "object", "required": ["questions"],
        "description": "The quiz file of `lessons add --quiz` (docs/lessons-quiz.md): pass_mark (1-100, default 80) and single/multiple questions with their answer key",
        "properties": ["pass_mark": Schema.integer(1...100), "questions": ["type": "array", "items": ["type": "object"] as JSON] as JSON] as JSON,
        "examples": [[
            "pass_mark": 80,
            "questions": [[
                "id": "helmet", "type": "single", "prompt": ["en": "Helmet?", "zh": "头盔?"] as JSON,
                "options": [["id": "always", "label": ["en": "Always", "zh": "总是"] as JSON] as JSON,
                            ["id": "never", "label": ["en": "Never", "zh": "从不"] as JSON] as JSON],
                "answer": "always",
            ] as JSON],
        ] as JSON],
    ]
    static let lessonBody = Schema.object([
        "title": Schema.label(200), "title_zh": Schema.optional(Schema.label(200)), "summary": Schema.optional(Schema.note(2000)),
        "link": Schema.example(Schema.string, "https://tuanju.invalid/lessons/05"), "points": Schema.integer(0...10_000),
        "quiz": Schema.optional(quizObject),
    ])
    static let lessonChange = Schema.change([
        "title": Schema.optional(Schema.label(200)), "title_zh": Schema.optional(Schema.label(200)),
        "summary": Schema.optional(Schema.note(2000)),
        "link": Schema.optional(Schema.example(Schema.string, "https://tuanju.invalid/lessons/05")),
        "points": Schema.optional(Schema.integer(0...10_000)), "quiz": Schema.optional(quizObject),
    ])
    static let sessionStarts = Schema.example(Schema.time, "2099-02-06T14:00:00+08:00").merging(["description": "ahead"]) { $1 }
    static let sessionEnds = Schema.example(Schema.time, "2099-02-06T16:00:00+08:00").merging(["description": "after starts, at most 7 days later"]) { $1 }
    static let scheduleBody = Schema.object([
        "starts": sessionStarts, "ends": sessionEnds, "place": Schema.label(200), "point_id": Schema.optional(Schema.string),
        "capacity": Schema.integer(1...100_000), "points": Schema.optional(Schema.integer(0...10_000)),
    ])
    static let note = Schema.object(["note": Schema.optional(Schema.string)])
    static let positionNote = "The position (lat and lon/long, WGS-84 unless crs says gcj02) must lie inside the installation's service area. It is marked required; the server also accepts a report without it when the first photo carries EXIF GPS inside the area."
    /// `lat`/`lon` are marked required: the server also takes a report without them when the first photo carries
    /// EXIF GPS, which a schema cannot state. The position must be inside the service area (`/v1/roles` lists
    /// categories; the area is the installation's).
    static let reportForm = Schema.object([
        "category": Schema.string, "task": Schema.optional(Schema.string), "lat": Schema.latitudeText,
        "lon": Schema.longitudeText, "crs": Schema.optional(Schema.enumeration(["wgs84", "gcj02"])),
        "note": Schema.optional(Schema.note(1000)),
        "photo": ["type": "array", "minItems": 1, "maxItems": 5,
                  "items": ["type": "string", "contentMediaType": "image/jpeg", "contentEncoding": "binary"] as JSON] as JSON,
    ]).merging(["description": positionNote]) { $1 }
    static let open311Form = Schema.object([
        "api_key": Schema.string, "service_code": Schema.string, "lat": Schema.latitudeText,
        "long": Schema.longitudeText, "description": Schema.optional(Schema.note(1000)),
        "media": ["type": "array", "minItems": 1, "maxItems": 5,
                  "items": ["type": "string", "contentMediaType": "image/jpeg", "contentEncoding": "binary"] as JSON] as JSON,
    ]).merging(["description": positionNote]) { $1 }
    static let pointsAward = Schema.object([
        "rider_id": Schema.string, "amount": Schema.integer(1...1_000_000), "reason": Schema.label(500),
        "key": Schema.optional(Schema.string),
    ])
    static let pointsAdjust = Schema.object([
        "rider_id": Schema.string,
        "amount": Schema.integer(-1_000_000...1_000_000).merging(["not": ["const": 0] as JSON]) { $1 },
        "reason": Schema.label(500), "key": Schema.optional(Schema.string),
    ])

    // MARK: - Operations

    static let limit: JSON = ["type": "integer", "minimum": 1, "maximum": 1000]
    /// GeoReport v2 clients send it on every call; one installation is one jurisdiction, so it is accepted and ignored.
    static let jurisdiction: JSON = ["type": "string", "description": "Accepted and ignored: one installation is one jurisdiction"]
    /// Whose points: staff must name the rider; a rider may name only themself, so it is required of everyone.
    static let riderQuery = Schema.required(["type": "string", "description": "The rider's id (a rider's own id for riders)"] as JSON)
    static let operations: [Operation] = [
        Operation(method: "GET", path: "/healthz", summary: "Liveness and database check", access: .none, response: Schema.ref("Health")),
        Operation(method: "GET", path: "/openapi.json", summary: "This document", access: .none, response: ["type": "object"]),
        Operation(method: "GET", path: "/metrics",
                  summary: "Operations metrics in Prometheus's text format 0.0.4: requests by route pattern and status, latency histograms, outbox backlog, webhook and Open311 deliveries (ok, failed, pending, oldest pending age), database size. An admin token, or a request from the server's own machine (loopback, not through a proxy) without a token",
                  access: .optionalBearer,
                  response: ["type": "string", "contentMediaType": "text/plain", "description": "`# HELP`/`# TYPE` comments and samples, one a line"] as JSON,
                  responseType: "text/plain"),
        Operation(method: "GET", path: "/v1/me", summary: "Who the token stands for (whoami)", access: .bearer, response: Schema.ref("Caller")),
        Operation(method: "GET", path: "/v1/me/inbox", summary: "Your notifications, newest first (rider)", access: .bearer,
                  query: ["unread": Schema.boolean, "limit": limit], response: Schema.array(Schema.ref("InboxNotice"))),
        Operation(method: "GET", path: "/v1/me/inbox/stream",
                  summary: "Your notifications live, as Server-Sent Events (rider): each one an event with `id:` its inbox seq, `event: notification` and `data:` the JSON of GET /v1/me/inbox; a `: heartbeat` comment every 15 s; a notice committed by any process arrives within a second. Resume with Last-Event-ID. At most 3 streams a rider (429) and 768 a server (503) by default",
                  access: .bearer,
                  headers: ["Last-Event-ID": ["type": "string", "pattern": "^[0-9]+$",
                                              "description": "Send the notices after this event id, then live ones (0: the whole inbox, oldest first). Without it the stream starts with the next notice"] as JSON],
                  response: ["type": "string", "contentMediaType": "text/event-stream",
                             "description": "id: <seq>\nevent: notification\ndata: <InboxNotice JSON>\n\n, and : heartbeat\n\n",
                             "x-event-data": Schema.ref("InboxNotice")] as JSON,
                  responseType: "text/event-stream"),
        Operation(method: "POST", path: "/v1/me/inbox/read",
                  summary: "Mark notifications read: `ids` (yours; an id not in your inbox is 404 and nothing changes), or every one with `all: true` (rider)", access: .bearer,
                  body: Schema.object(["ids": Schema.optional(Schema.array(Schema.string)), "all": Schema.optional(Schema.boolean)]),
                  response: Schema.object(["marked": Schema.integer])),
        Operation(method: "POST", path: "/v1/invitations",
                  summary: "Make one-time invitation codes, shown this once (staff)", access: .bearer,
                  body: Schema.object(["count": Schema.integer(1...1000),
                                       "expires": Schema.optional(Schema.example(Schema.string, "7d").merging(["description": "1h to 90d; default 7d"]) { $1 }),
                                       "platform": Schema.optional(Schema.enumeration(["meituan", "eleme", "other"]))]),
                  status: 201, response: Schema.array(Schema.ref("NewInvitation"))),
        Operation(method: "GET", path: "/v1/invitations", summary: "Invitations, newest first, with who joined with each (staff)",
                  access: .bearer, query: ["limit": limit], response: Schema.array(Schema.ref("Invitation"))),
        Operation(method: "POST", path: "/v1/join",
                  summary: "Join as a rider with an invitation code; the token is shown this once. An unknown, used or expired code and a registered phone are the same 409 invitation_invalid; 10 attempts a minute per address",
                  access: .none,
                  body: Schema.object(["code": Schema.string, "name": Schema.label(100), "phone": Schema.phone,
                                       "platform": Schema.enumeration(["meituan", "eleme", "other"])]),
                  status: 201, response: Schema.ref("Rider")),
        Operation(method: "GET", path: "/v1/roles", summary: "Governance roles and report categories", access: .none,
                  response: Schema.array(Schema.ref("Role"))),
        Operation(method: "POST", path: "/v1/roles", summary: "Add a governance role (staff)", access: .bearer,
                  body: Schema.object(["code": Schema.example(Schema.string, "elder-helper"), "name_zh": Schema.label(100),
                                       "name_en": Schema.label(100), "description": Schema.optional(Schema.label(2000))]),
                  status: 201, response: Schema.ref("RoleChanged")),
        Operation(method: "PATCH", path: "/v1/roles/{code}", summary: "Change a role's names or description (staff)", access: .bearer,
                  body: Schema.change(["name_zh": Schema.optional(Schema.label(100)), "name_en": Schema.optional(Schema.label(100)),
                                       "description": Schema.optional(Schema.label(2000))]),
                  response: Schema.ref("RoleChanged")),
        Operation(method: "POST", path: "/v1/roles/{code}/retire",
                  summary: "Retire a role: no new postings; claims and reports already made keep working (staff)", access: .bearer,
                  body: empty, response: Schema.ref("RoleChanged")),
        Operation(method: "POST", path: "/v1/roles/{code}/categories",
                  summary: "Add a report category with its points range MIN-MAX: MIN the default award, MAX the most a review gives (staff)",
                  access: .bearer,
                  body: Schema.object(["code": Schema.example(Schema.string, "elder-alone"), "name_zh": Schema.label(100),
                                       "name_en": Schema.label(100), "points": Schema.example(Schema.string, "10-30")]),
                  status: 201, response: Schema.ref("CategoryChanged")),
        Operation(method: "POST", path: "/v1/roles/categories/{code}/retire",
                  summary: "Retire a report category: no new reports in it (staff)", access: .bearer, body: empty,
                  response: Schema.ref("CategoryChanged")),
        // Map
        Operation(method: "GET", path: "/v1/map/nearest", summary: "Nearest service points (map nearest)", access: .none,
                  query: ["lat": Schema.required(Schema.latitude), "lon": Schema.required(Schema.longitude), "crs": Schema.enumeration(["wgs84", "gcj02"]),
                          "kind": Schema.enumeration(["station", "box", "meal"]).merging(["description": "a code of GET /v1/map/kinds"]) { $1 },
                          "limit": ["type": "integer", "minimum": 1, "maximum": 100],
                          "within": Schema.number, "open_now": Schema.boolean, "at": Schema.time],
                  response: Schema.array(Schema.ref("Point"))),
        Operation(method: "GET", path: "/v1/map/kinds", summary: "Kinds of service point", access: .none,
                  response: Schema.array(Schema.ref("PointKind"))),
        Operation(method: "POST", path: "/v1/map/kinds", summary: "Add a kind of service point (staff)", access: .bearer,
                  body: Schema.object(["code": Schema.example(Schema.string, "toilet"), "name_zh": Schema.label(100), "name_en": Schema.label(100)]),
                  status: 201, response: Schema.ref("PointKind")),
        Operation(method: "PATCH", path: "/v1/map/kinds/{code}", summary: "Rename a kind of service point (staff)", access: .bearer,
                  body: Schema.change(["name_zh": Schema.optional(Schema.label(100)), "name_en": Schema.optional(Schema.label(100))]),
                  response: Schema.ref("PointKind")),
        Operation(method: "GET", path: "/v1/map/points/{id}", summary: "One service point (map show)", access: .none,
                  response: Schema.ref("Point")),
        // Riders
        Operation(method: "POST", path: "/v1/riders", summary: "Register a rider; the token is shown once (staff)", access: .bearer,
                  body: registerRider, status: 201, response: Schema.ref("Rider")),
        Operation(method: "GET", path: "/v1/riders", summary: "List riders (staff)", access: .bearer,
                  query: ["platform": Schema.enumeration(["meituan", "eleme", "other"]), "party_member": Schema.boolean, "branch": Schema.string, "name": Schema.string,
                          "status": Schema.enumeration(["active", "inactive", "all"])],
                  response: Schema.array(Schema.ref("Rider"))),
        Operation(method: "GET", path: "/v1/riders/{id}", summary: "A rider's profile; `me` for the calling rider", access: .bearer,
                  response: Schema.ref("Rider")),
        Operation(method: "PATCH", path: "/v1/riders/{id}", summary: "Change a profile (staff, or the rider: `me`)", access: .bearer,
                  body: updateRider, response: Schema.ref("Rider")),
        Operation(method: "POST", path: "/v1/riders/{id}/deactivate", summary: "Deactivate; the rider's tokens stop working (staff)",
                  access: .bearer, body: empty, response: Schema.ref("Rider")),
        Operation(method: "POST", path: "/v1/riders/{id}/reactivate", summary: "Reactivate (staff)", access: .bearer, body: empty,
                  response: Schema.ref("Rider")),
        Operation(method: "POST", path: "/v1/riders/{id}/token", summary: "Issue a new token, revoking older ones (staff)",
                  access: .bearer, body: empty, status: 201, response: Schema.ref("Rider")),
        // Tasks and claims
        Operation(method: "POST", path: "/v1/tasks", summary: "Post a task (staff)", access: .bearer, body: createTask, status: 201,
                  response: Schema.ref("Task")),
        Operation(method: "GET", path: "/v1/tasks", summary: "List tasks", access: .bearer,
                  query: ["open": Schema.boolean, "role": Schema.string, "near": ["type": "string", "description": "lat,lon in decimal degrees",
                                                                          "pattern": "^\(Schema.latitudePattern),\(Schema.longitudePattern)$",
                                                                          "examples": ["30.2925,120.171"]] as JSON],
                  response: Schema.array(Schema.ref("Task"))),
        Operation(method: "GET", path: "/v1/tasks/{id}", summary: "One task; claimers for staff", access: .bearer,
                  response: Schema.ref("Task")),
        Operation(method: "PATCH", path: "/v1/tasks/{id}", summary: "Change a task (staff)", access: .bearer, body: updateTask,
                  response: Schema.ref("Task")),
        Operation(method: "POST", path: "/v1/tasks/{id}/close", summary: "Close a task; its claims end (staff)", access: .bearer,
                  body: empty, response: Schema.ref("Task")),
        Operation(method: "POST", path: "/v1/tasks/{id}/claim", summary: "Claim a seat (rider)", access: .bearer, body: empty,
                  status: 201, response: Schema.ref("Claim")),
        Operation(method: "POST", path: "/v1/tasks/{id}/release", summary: "Give the seat back (rider)", access: .bearer, body: empty,
                  response: Schema.ref("Claim")),
        Operation(method: "POST", path: "/v1/tasks/{id}/revoke", summary: "Take a rider's seat away (staff)", access: .bearer,
                  body: Schema.object(["rider_id": Schema.string, "reason": Schema.label(500)]), response: Schema.ref("Claim")),
        Operation(method: "GET", path: "/v1/claims", summary: "Claim history (riders: their own)", access: .bearer,
                  query: ["task": Schema.string, "rider": Schema.string, "mine": Schema.boolean, "limit": limit],
                  response: Schema.array(Schema.ref("Claim"))),
        // Reports
        Operation(method: "POST", path: "/v1/reports", summary: "Submit a report with 1-5 photos (rider)", access: .bearer,
                  body: reportForm, bodyType: "multipart/form-data", status: 201, response: Schema.ref("ReportSubmitted")),
        Operation(method: "GET", path: "/v1/reports", summary: "List reports (riders: their own)", access: .bearer,
                  query: ["status": Schema.ref("ReportStatus"), "mine": Schema.boolean, "rider": Schema.string,
                          "category": Schema.string],
                  response: Schema.array(Schema.ref("Report"))),
        Operation(method: "GET", path: "/v1/reports/{id}", summary: "One report with its history", access: .bearer,
                  response: Schema.ref("Report")),
        Operation(method: "POST", path: "/v1/reports/{id}/review", summary: "Accept, reject or mark duplicate (staff)", access: .bearer,
                  body: Schema.object([
                      "decision": Schema.enumeration(["accept", "reject", "duplicate"]), "points": Schema.optional(Schema.integer(0...10_000)),
                      "reason": Schema.optional(Schema.string), "duplicate_of": Schema.optional(Schema.string),
                      "note": Schema.optional(Schema.string), "original": Schema.optional(Schema.boolean),
                  ]), response: Schema.ref("ReviewResult")),
        Operation(method: "GET", path: "/v1/reports/{id}/photos/{n}",
                  summary: "Photo n (1-5) of a report, or its 320-pixel JPEG thumbnail with size=thumb (riders: their own)",
                  access: .bearer, query: ["size": Schema.enumeration(["original", "thumb"])],
                  response: ["type": "string", "contentEncoding": "binary"] as JSON, responseType: "image/*"),
        Operation(method: "POST", path: "/v1/reports/{id}/dispatch", summary: "Hand to an agency (staff)", access: .bearer,
                  body: Schema.object(["agency": Schema.label(200), "note": Schema.optional(Schema.note(1000))]),
                  response: Schema.ref("ReviewResult")),
        Operation(method: "POST", path: "/v1/reports/{id}/resolve", summary: "Mark resolved (staff)", access: .bearer, body: note,
                  response: Schema.ref("ReviewResult")),
        Operation(method: "POST", path: "/v1/reports/{id}/reopen", summary: "Reopen (staff)", access: .bearer, body: note,
                  response: Schema.ref("ReviewResult")),
        Operation(method: "POST", path: "/v1/reports/{id}/appeal",
                  summary: "Appeal a rejection: back to the review queue, once, within 7 days (the report's rider)",
                  access: .bearer, body: Schema.object(["reason": Schema.label(1000)]), response: Schema.ref("ReviewResult")),
        // Points
        Operation(method: "GET", path: "/v1/points/balance", summary: "Balance (riders: their own)", access: .bearer,
                  query: ["rider": riderQuery], response: Schema.ref("Balance")),
        Operation(method: "GET", path: "/v1/points/history", summary: "Transfers, newest first", access: .bearer,
                  query: ["rider": riderQuery, "limit": limit], response: Schema.array(Schema.ref("Transfer"))),
        Operation(method: "POST", path: "/v1/points/award", summary: "Award points from the budget (staff)", access: .bearer,
                  body: pointsAward, response: Schema.ref("Balance")),
        Operation(method: "POST", path: "/v1/points/adjust", summary: "Correct a balance (admin)", access: .bearer,
                  body: pointsAdjust, response: Schema.ref("Balance")),
        Operation(method: "GET", path: "/v1/points/verify", summary: "Check the ledger's invariants (admin)", access: .bearer,
                  response: Schema.ref("LedgerCheck")),
        // Rewards and redemptions
        Operation(method: "GET", path: "/v1/rewards", summary: "Rewards (riders: those they can redeem)", access: .bearer,
                  response: Schema.array(Schema.ref("Reward"))),
        Operation(method: "POST", path: "/v1/rewards", summary: "Add a reward (staff)", access: .bearer,
                  body: Schema.object(["name": Schema.label(100), "name_zh": Schema.optional(Schema.label(100)), "cost": Schema.integer(1...1_000_000),
                                       "stock": Schema.integer(0...10_000_000)]),
                  status: 201, response: Schema.ref("Reward")),
        Operation(method: "PATCH", path: "/v1/rewards/{id}", summary: "Change a reward (staff)", access: .bearer,
                  body: Schema.change(["name": Schema.optional(Schema.label(100)), "name_zh": Schema.optional(Schema.label(100)),
                                       "cost": Schema.optional(Schema.integer(1...1_000_000)), "stock": Schema.optional(Schema.integer(0...10_000_000)),
                                       "active": Schema.optional(Schema.boolean)]),
                  response: Schema.ref("Reward")),
        Operation(method: "POST", path: "/v1/rewards/{id}/redeem", summary: "Ask for a reward; the points are held (rider)",
                  access: .bearer, body: Schema.object(["quantity": Schema.optional(Schema.integer(1...100))]), status: 201,
                  response: Schema.ref("Redeemed")),
        Operation(method: "GET", path: "/v1/redemptions", summary: "Redemption requests (riders: their own)", access: .bearer,
                  query: ["status": Schema.enumeration(["pending", "fulfilled", "rejected", "cancelled", "expired"]),
                          "rider": Schema.string, "limit": limit],
                  response: Schema.array(Schema.ref("Redemption"))),
        Operation(method: "POST", path: "/v1/redemptions/run", summary: "Run a redemption batch (staff)", access: .bearer,
                  body: Schema.object(["limit": Schema.optional(Schema.integer), "dry_run": Schema.optional(Schema.boolean)]),
                  response: Schema.ref("Batch")),
        Operation(method: "POST", path: "/v1/redemptions/{id}/cancel", summary: "Cancel one's own request (rider)", access: .bearer,
                  body: empty, response: Schema.ref("Redemption")),
        // Surveys, activities, lessons
        Operation(method: "GET", path: "/v1/surveys", summary: "Surveys (latest versions)", access: .bearer,
                  response: Schema.array(Schema.ref("Survey"))),
        Operation(method: "GET", path: "/v1/surveys/{id}", summary: "One survey", access: .bearer,
                  query: ["version": Schema.integer], response: Schema.ref("Survey")),
        Operation(method: "POST", path: "/v1/surveys/{id}/answers", summary: "Answer a survey; 200 when it replaces an earlier answer (rider)",
                  access: .bearer,
                  body: ["type": "object", "description": "The answers file of `surveys answer`: {\"consent\": true, \"answers\": {...}}",
                         "required": ["consent"], "properties": ["consent": Schema.boolean, "answers": ["type": "object"] as JSON] as JSON] as JSON,
                  status: 201, response: Schema.ref("SurveyAnswered")),
        Operation(method: "GET", path: "/v1/surveys/{id}/portrait",
                  summary: "Group portrait of one version (default the latest), small cells hidden (staff)", access: .bearer,
                  query: ["by": Schema.enumeration(["platform", "branch", "party_member"]), "version": Schema.integer(1...Int(Int32.max))],
                  response: Schema.ref("SurveyPortrait")),
        Operation(method: "POST", path: "/v1/surveys",
                  summary: "Publish a definition (checked as the seed's): a new id is version 1, a changed one N+1; changed=false when it matches the latest (staff)",
                  access: .bearer,
                  body: ["type": "object", "required": ["id", "title", "questions"],
                         "description": "A survey definition file (the format of Seed/data/surveys/needs-v1.json); its version is ignored",
                         "examples": [[
                             "id": "canteen", "title": ["en": "Canteen", "zh": "食堂"] as JSON,
                             "questions": [["id": "often", "type": "text", "prompt": ["en": "How often?", "zh": "多久一次?"] as JSON] as JSON],
                         ] as JSON],
                         "properties": ["id": Schema.string, "version": Schema.optional(Schema.integer), "title": ["type": "object"] as JSON,
                                        "questions": ["type": "array", "items": ["type": "object"] as JSON] as JSON] as JSON] as JSON,
                  status: 201, response: Schema.ref("SurveyPublished")),
        Operation(method: "POST", path: "/v1/surveys/{id}/close", summary: "Close a survey to new answers (staff)", access: .bearer,
                  body: empty, response: Schema.ref("SurveyState")),
        Operation(method: "POST", path: "/v1/surveys/{id}/reopen", summary: "Reopen a closed survey (staff)", access: .bearer,
                  body: empty, response: Schema.ref("SurveyState")),
        Operation(method: "GET", path: "/v1/activities", summary: "Activity sessions not yet over", access: .bearer,
                  query: ["kind": Schema.enumeration(["health", "affairs", "skills"]), "past": Schema.boolean],
                  response: Schema.array(Schema.ref("Session"))),
        Operation(method: "POST", path: "/v1/activities/sessions/{id}/signup", summary: "Sign up, or join the waitlist (rider)",
                  access: .bearer, body: empty, status: 201, response: Schema.ref("Signup")),
        Operation(method: "POST", path: "/v1/activities/sessions/{id}/cancel", summary: "Cancel a sign-up (rider)", access: .bearer,
                  body: empty, response: Schema.ref("SignupCancelled")),
        Operation(method: "GET", path: "/v1/activities/sessions/{id}/attendees", summary: "Who signed up (staff)", access: .bearer,
                  response: Schema.array(Schema.ref("Attendee"))),
        Operation(method: "POST", path: "/v1/activities/sessions/{id}/checkin",
                  summary: "Check a rider in once the session has started; pays the session's points once (staff)", access: .bearer,
                  body: Schema.object(["rider_id": Schema.string]), response: Schema.ref("CheckedIn")),
        Operation(method: "POST", path: "/v1/activities", summary: "Add an activity (staff)", access: .bearer,
                  body: activityBody, status: 201, response: Schema.ref("Activity")),
        Operation(method: "PATCH", path: "/v1/activities/{id}", summary: "Change an activity (staff)", access: .bearer,
                  body: activityChange, response: Schema.ref("Activity")),
        Operation(method: "POST", path: "/v1/activities/{id}/retire",
                  summary: "Retire an activity: no new sessions; refused while sessions ahead are open (staff)", access: .bearer,
                  body: empty, response: Schema.ref("Activity")),
        Operation(method: "POST", path: "/v1/activities/{id}/sessions",
                  summary: "Schedule a session: it starts ahead, lasts at most 7 days; points are paid at check-in (staff)",
                  access: .bearer, body: scheduleBody, status: 201, response: Schema.ref("Session")),
        Operation(method: "POST", path: "/v1/activities/sessions/{id}/reschedule",
                  summary: "Move a session that has not started; sign-ups keep their places (staff)", access: .bearer,
                  body: Schema.object(["starts": sessionStarts, "ends": sessionEnds]), response: Schema.ref("Session")),
        Operation(method: "POST", path: "/v1/activities/sessions/{id}/resize",
                  summary: "Change a session's places: never below those taken; more places promote the waitlist in order (staff)",
                  access: .bearer, body: Schema.object(["capacity": Schema.integer(1...100_000)]), response: Schema.ref("Resized")),
        Operation(method: "POST", path: "/v1/activities/sessions/{id}/cancel-session",
                  summary: "Cancel a session that has not started; every sign-up and waitlist entry is released (staff)",
                  access: .bearer, body: Schema.object(["reason": Schema.label(500)]), response: Schema.ref("SessionCancelled")),
        Operation(method: "GET", path: "/v1/lessons", summary: "Party lessons; riders see what they completed", access: .bearer,
                  response: Schema.array(Schema.ref("Lesson"))),
        Operation(method: "POST", path: "/v1/lessons/{id}/complete",
                  summary: "Complete a lesson, once (rider). With a quiz the body is the answers file; every attempt is kept (3 a day) and only a pass completes and pays",
                  access: .bearer, body: Schema.object(["answers": Schema.optional(["type": "object"] as JSON)]), status: 201,
                  response: Schema.ref("LessonCompleted")),
        Operation(method: "GET", path: "/v1/lessons/{id}", summary: "A lesson and its quiz questions, never the answer key", access: .bearer,
                  response: Schema.ref("LessonDetail")),
        Operation(method: "POST", path: "/v1/lessons", summary: "Add a lesson, with an optional quiz (staff)", access: .bearer,
                  body: lessonBody, status: 201, response: Schema.ref("LessonDetail")),
        Operation(method: "PATCH", path: "/v1/lessons/{id}", summary: "Change a lesson, or replace its quiz; `\"quiz\": null` removes the quiz (staff)", access: .bearer,
                  body: lessonChange, response: Schema.ref("LessonDetail")),
        Operation(method: "POST", path: "/v1/lessons/{id}/retire", summary: "Retire a lesson: riders no longer see it (staff)",
                  access: .bearer, body: empty, response: Schema.ref("LessonDetail")),
        // Operations (backup and restore are CLI-only: they name paths on the server's disk)
        Operation(method: "GET", path: "/v1/doctor",
                  summary: "Check every invariant the data promises (admin); 200 with ok=false and the problems when any is broken",
                  access: .bearer, response: Schema.ref("Doctor")),
        Operation(method: "GET", path: "/v1/audit",
                  summary: "Coordinator and admin actions, newest first (admin); `command` is the CLI command or `http METHOD /route/{pattern}`",
                  access: .bearer,
                  query: ["actor": Schema.string, "since": Schema.time, "limit": limit],
                  response: Schema.array(Schema.ref("AuditEntry"))),
        Operation(method: "POST", path: "/v1/privacy/purge",
                  summary: "Remove photos and positions of rejected reports past privacy_retention_days (admin)", access: .bearer,
                  body: Schema.object(["dry_run": Schema.optional(Schema.boolean)]), response: Schema.ref("Purge")),
        Operation(method: "POST", path: "/v1/riders/{id}/erase",
                  summary: "Erase a rider's personal data on request (admin); the id stays as a pseudonymous account (docs/privacy.md)",
                  access: .bearer, body: Schema.object(["dry_run": Schema.optional(Schema.boolean)]), response: Schema.ref("Erasure")),
        // Open311 GeoReport v2
        Operation(method: "GET", path: "/open311/v2/discovery.json", summary: "GeoReport v2 discovery", access: .none,
                  query: ["jurisdiction_id": jurisdiction], response: Schema.ref("Open311Discovery")),
        Operation(method: "GET", path: "/open311/v2/services.json", summary: "Services: one per report category", access: .none,
                  query: ["jurisdiction_id": jurisdiction], response: Schema.array(Schema.ref("Open311Service"))),
        Operation(method: "GET", path: "/open311/v2/services/{service_code}.json", summary: "A service's definition (no attributes)",
                  access: .none, query: ["jurisdiction_id": jurisdiction], response: Schema.ref("Open311ServiceDefinition")),
        Operation(method: "GET", path: "/open311/v2/requests.json",
                  summary: "Service requests, newest first: the last 90 days or 1,000. Without a staff key only reviewed reports (accepted, dispatched, resolved; a rider's key adds their own), phone and ID-card numbers masked; account_id for staff keys only",
                  access: .apiKey,
                  query: ["service_request_id": Schema.string, "service_code": Schema.string, "start_date": Schema.time,
                          "end_date": Schema.time, "status": Schema.enumeration(["open", "closed"]), "api_key": Schema.string,
                          "jurisdiction_id": jurisdiction],
                  response: Schema.array(Schema.ref("Open311Request"))),
        Operation(method: "POST", path: "/open311/v2/requests.json",
                  summary: "Create a request with a rider's api_key. Tuanju needs 1-5 photos, so only multipart/form-data with `media` file parts is accepted; a form-encoded POST is refused with 400",
                  access: .apiKey, body: open311Form, bodyType: "multipart/form-data",
                  response: Schema.array(Schema.ref("Open311Created"))),
        Operation(method: "GET", path: "/open311/v2/requests/{service_request_id}.json",
                  summary: "One service request (a one-element array); without a staff key an unreviewed one is 404, as an unknown id",
                  access: .apiKey, query: ["api_key": Schema.string, "jurisdiction_id": jurisdiction], response: Schema.array(Schema.ref("Open311Request"))),
    ] + agencyOperations + deadlineOperations + statsOperations

    // MARK: - Paging

    /// The list operations: each takes `after` and `limit` and says where the next page starts in headers.
    static let pagedPaths: Set<String> = [
        "/v1/riders", "/v1/tasks", "/v1/claims", "/v1/reports", "/v1/points/history", "/v1/rewards", "/v1/redemptions",
        "/v1/surveys", "/v1/activities", "/v1/activities/sessions/{id}/attendees", "/v1/lessons", "/v1/audit",
        "/v1/me/inbox", "/v1/invitations", "/v1/agencies",
    ]
    static let pageParameters: KeyValuePairs<String, JSON> = [
        "after": ["type": "string", "x-cursor": true,
                  "description": "Start after the row with this id: the X-Next-After of the previous page. A value that names no row of this list is refused with 400"] as JSON,
        "limit": ["type": "integer", "minimum": 1, "maximum": 1000, "default": 200] as JSON,
    ]
    static let pageHeaders: JSON = [
        "Link": ["description": "`<path?...&after=X&limit=N>; rel=\"next\"` when a further row exists; absent on the last page",
                 "schema": Schema.string] as JSON,
        "X-Next-After": ["description": "The cursor of the next page (`after`); absent on the last page",
                         "schema": Schema.string] as JSON,
    ]

    // MARK: - The document

    static let document: JSON = {
        var paths: [String: JSON] = [:]
        for operation in operations {
            var entry = paths[operation.path] ?? [:]
            entry[operation.method.lowercased()] = json(operation)
            paths[operation.path] = entry
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Tuanju API",
                "version": "1.0.0",
                "description": "The service of the tuanju CLI over HTTP, with the CLI's JSON shapes and error codes, and Open311 GeoReport v2.",
            ] as JSON,
            "paths": paths,
            "components": [
                "schemas": Schema.all,
                "securitySchemes": [
                    "bearer": ["type": "http", "scheme": "bearer"] as JSON,
                    "apiKey": ["type": "apiKey", "in": "query", "name": "api_key"] as JSON,
                ] as JSON,
            ] as JSON,
        ]
    }()

    static func json(_ operation: Operation) -> JSON {
        let open311 = operation.path.hasPrefix("/open311/")
        var parameters: [JSON] = pathParameters(operation.path).map {
            ["name": $0, "in": "path", "required": true, "schema": Schema.string]
        }
        for (name, schema) in operation.query {
            var clean = schema
            clean["x-required"] = nil
            parameters.append(["name": name, "in": "query", "required": schema["x-required"] != nil, "schema": clean])
        }
        for (name, schema) in operation.headers {
            parameters.append(["name": name, "in": "header", "required": false, "schema": schema])
        }
        let paged = operation.method == "GET" && pagedPaths.contains(operation.path)
        if paged {
            for (name, schema) in pageParameters where !operation.query.contains(where: { $0.key == name }) {
                parameters.append(["name": name, "in": "query", "required": false, "schema": schema])
            }
        }
        let errors = Schema.ref(open311 ? "Open311Errors" : "Error")
        var result: JSON = [
            "summary": operation.summary,
            "operationId": operation.method.lowercased() + operation.path.replacingOccurrences(of: "/", with: "_"),
            "parameters": parameters,
            "responses": [
                "\(operation.status)": ["description": "Success", "content": [operation.responseType: ["schema": operation.response] as JSON] as JSON] as JSON,
                "4XX": ["description": "Refused: 400 invalid input, 401 unauthenticated, 403 forbidden, 404 not found, 409 refused by a rule, 413 too large, 429 rate limited (Retry-After)",
                        "content": ["application/json": ["schema": errors] as JSON] as JSON] as JSON,
                "5XX": ["description": "503 busy (Retry-After), 500 internal",
                        "content": ["application/json": ["schema": errors] as JSON] as JSON] as JSON,
            ] as JSON,
        ]
        if paged, var responses = result["responses"] as? JSON, var success = responses["\(operation.status)"] as? JSON {
            success["headers"] = pageHeaders
            responses["\(operation.status)"] = success
            result["responses"] = responses
        }
        switch operation.access {
        case .none: result["security"] = [JSON]()
        case .bearer: result["security"] = [["bearer": [String]()] as JSON]
        case .optionalBearer: result["security"] = [JSON(), ["bearer": [String]()] as JSON]
        case .apiKey: result["security"] = [JSON(), ["apiKey": [String]()] as JSON]
        }
        if let body = operation.body {
            result["requestBody"] = [
                "required": operation.bodyType == "multipart/form-data",
                "content": [operation.bodyType: ["schema": body] as JSON] as JSON,
            ] as JSON
        }
        return result
    }

    /// `{id}` and `{service_code}.json` → their names.
    static func pathParameters(_ path: String) -> [String] {
        var names: [String] = []
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// The document as compact JSON with sorted keys.
    static let text: String = {
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }()
}
