import TuanjuService

/// The JSON schemas of the API's bodies (OpenAPI 3.1, JSON Schema 2020-12): the shapes of TuanjuViews.
/// Objects list every property and allow no others, so the tests, which validate real responses against
/// these, notice a field added to a view and not here.
enum Schema {
    typealias JSON = [String: any Sendable]

    static let string: JSON = ["type": "string"]
    static let integer: JSON = ["type": "integer"]
    /// A whole number within the service layer's documented range (docs/cli-reference.md, "Amounts and their ranges").
    static func integer(_ range: ClosedRange<Int>) -> JSON { ["type": "integer", "minimum": range.lowerBound, "maximum": range.upperBound] }
    static let number: JSON = ["type": "number"]
    static let boolean: JSON = ["type": "boolean"]
    static let time: JSON = ["type": "string", "format": "date-time"]

    /// A query parameter the request must carry (`OpenAPIDocument.json` marks it required).
    static func required(_ schema: JSON) -> JSON { schema.merging(["x-required": true]) { $1 } }
    /// `schema` with an example value (tools that build requests from the document use it).
    static func example(_ schema: JSON, _ value: any Sendable) -> JSON { schema.merging(["examples": [value]]) { $1 } }
    /// WGS-84 degrees; examples inside the default service area.
    static let latitude: JSON = ["type": "number", "minimum": -90, "maximum": 90, "examples": [30.2925]]
    static let longitude: JSON = ["type": "number", "minimum": -180, "maximum": 180, "examples": [120.171]]
    /// Degrees as text, within the server's bounds (latitude -90...90, longitude -180...180).
    static let latitudePattern = "-?(90(\\.0+)?|[0-8]?[0-9](\\.[0-9]+)?)"
    static let longitudePattern = "-?(180(\\.0+)?|(1[0-7][0-9]|[0-9]{1,2})(\\.[0-9]+)?)"
    static let latitudeText: JSON = ["type": "string", "pattern": "^\(latitudePattern)$", "examples": ["30.2925"]]
    static let longitudeText: JSON = ["type": "string", "pattern": "^\(longitudePattern)$", "examples": ["120.171"]]
    /// A required short text as `Text.label` takes it: at least one character that is neither white space nor a
    /// control character (those are trimmed or removed first), at most `max` characters.
    static func label(_ max: Int) -> JSON {
        ["type": "string", "minLength": 1, "maxLength": max, "pattern": "[^\\s\\x00-\\x1f\\x7f-\\x9f]"]
    }
    /// A free-text note: at most `max` characters.
    static func note(_ max: Int) -> JSON { ["type": "string", "maxLength": max] }
    /// A mainland mobile number as `riders register` takes it: 11 digits `1[3-9]…`, optionally `+86`/`86` first,
    /// optionally grouped with spaces or dashes.
    static let phone: JSON = ["type": "string", "pattern": "^(\\+?86[ -]?)?1[3-9][0-9]([ -]?[0-9]){8}$", "examples": ["13800138000"]]
    /// An object with at least one of its (all optional) properties: a change that changes nothing is refused.
    static func change(_ properties: KeyValuePairs<String, JSON>) -> JSON {
        object(properties).merging(["minProperties": 1]) { $1 }
    }

    /// Absent or null.
    static func optional(_ schema: JSON) -> JSON { ["x-optional": true, "anyOf": [schema, ["type": "null"] as JSON]] }
    /// A response field present only for some callers (`x-conditional`); every other field of a response body is
    /// always there, null when unset, and the tests check that the views and the document agree both ways.
    static func conditional(_ schema: JSON) -> JSON { optional(schema).merging(["x-conditional": true]) { $1 } }
    static func array(_ items: JSON) -> JSON { ["type": "array", "items": items] }
    static func ref(_ name: String) -> JSON { ["$ref": "#/components/schemas/\(name)"] }
    static func enumeration(_ values: [String]) -> JSON { ["type": "string", "enum": values] }

    /// An object whose properties are required unless wrapped in `optional`.
    static func object(_ properties: KeyValuePairs<String, JSON>) -> JSON {
        var props: JSON = [:]
        var required: [String] = []
        for (name, schema) in properties {
            if schema["x-optional"] == nil { required.append(name) }
            var clean = schema
            clean["x-optional"] = nil
            props[name] = clean
        }
        return ["type": "object", "properties": props, "required": required, "additionalProperties": false]
    }

    static let all: JSON = [
        "Error": object([
            "error": object(["code": string, "message": string]),
        ]),
        "Open311Errors": array(object(["code": integer, "description": string])),
        "Health": object(["status": string, "schema_version": integer]),
        "Caller": object(["id": string, "kind": enumeration(["admin", "coordinator", "rider"]), "name": string]),
        "Role": object([
            "code": string, "name": string, "name_zh": string, "description": string,
            "categories": array(object(["code": string, "name": string, "name_zh": string, "points": integer])),
        ]),
        "Rider": object([
            "id": string, "name": string, "phone": string, "platform": enumeration(["meituan", "eleme", "other"]),
            "party_member": boolean, "branch": optional(string), "active": boolean, "registered_at": time,
            "updated_at": time, "language": enumeration(["zh", "en"]), "token": optional(string),
            "quiet_hours": string,
        ]),
        "InboxNotice": object([
            "id": string, "template": string,
            "parameters": ["type": "object", "additionalProperties": string] as JSON,
            "language": enumeration(["zh", "en"]), "text": string, "event_id": string, "created_at": time,
            "read_at": optional(time),
        ]),
        "NewInvitation": object([
            "id": string, "code": string, "platform": optional(enumeration(["meituan", "eleme", "other"])), "expires_at": time,
        ]),
        "Invitation": object([
            "id": string, "platform": optional(enumeration(["meituan", "eleme", "other"])), "created_by": string,
            "created_at": time, "expires_at": time, "used_at": optional(time), "rider_id": optional(string),
            "rider_name": optional(string),
        ]),
        "Point": object([
            "id": string, "external_id": optional(string), "kind": string, "name": string, "address": string,
            "lat": number, "lon": number, "distance_m": optional(number), "opening_hours": optional(string),
            "open_now": optional(boolean), "amenities": array(string), "contact": string, "sample": boolean,
            "active": boolean, "updated_at": time,
        ]),
        "PointKind": object(["code": string, "name": string, "name_zh": string]),
        "Task": object([
            "id": string, "role": string, "title": string, "description": string, "capacity": integer,
            "claimed": integer, "seats_left": integer, "state": string, "starts_at": optional(time),
            "ends_at": optional(time), "points": optional(integer),
            "area": optional(object(["lat": number, "lon": number, "radius_m": number])), "created_at": time,
            "distance_m": optional(number),
            "claimers": optional(array(object(["rider_id": string, "name": string, "claimed_at": time]))),
        ]),
        "Claim": object([
            "claim_id": string, "task_id": string, "rider_id": string, "state": string, "claimed_at": time,
            "ended_at": optional(time), "ended_by": optional(string), "reason": optional(string),
        ]),
        "Report": object([
            "id": string, "status": ref("ReportStatus"), "category": string, "rider_id": string, "task_id": string,
            "lat": optional(number), "lon": optional(number), "location_source": optional(string), "note": string,
            "photos": array(string), "duplicate_of": optional(string), "agency": optional(string),
            "agency_id": optional(string), "points_awarded": integer, "submitted_at": time, "updated_at": time,
            "history": optional(array(object(["status": ref("ReportStatus"), "at": time, "by": string, "note": string]))),
            "possible_reuse": optional(object([
                "report": string, "photo": integer, "distance": integer, "accepted_as_original": boolean,
            ])),
            // The CLI's `reports show` names the stored files; over HTTP it is always null (server paths).
            "files": optional(array(object([
                "photo": integer, "sha256": string, "original": optional(string), "thumbnail": optional(string),
            ]))),
        ]),
        "ReportStatus": enumeration(["submitted", "accepted", "rejected", "duplicate", "dispatched", "resolved", "reopened"]),
        "ReportSubmitted": object([
            "id": string, "status": ref("ReportStatus"), "photos": array(string),
            "duplicate_of": ["anyOf": [string, ["type": "null"] as JSON]] as JSON,
            "lat": ["anyOf": [number, ["type": "null"] as JSON]] as JSON,
            "lon": ["anyOf": [number, ["type": "null"] as JSON]] as JSON,
        ]),
        "ReviewResult": object([
            "id": string, "status": ref("ReportStatus"), "points_awarded": integer, "duplicate_of": optional(string),
            "agency": optional(string), "agency_id": optional(string),
        ]),
        "Balance": object(["rider_id": string, "balance": integer, "held": integer, "available": integer]),
        "Transfer": object([
            "seq": integer, "key": string, "from": string, "to": string, "amount": integer,
            "kind": enumeration(["award", "adjustment", "redemption"]), "reason": string, "created_at": time,
        ]),
        "LedgerCheck": object(["ok": boolean, "problems": array(string)]),
        "Reward": object([
            "id": string, "name": string, "name_zh": string, "cost": integer, "stock": integer, "active": boolean,
        ]),
        "Redeemed": object([
            "request_id": string, "status": string, "held": integer, "reward_id": string, "quantity": integer,
        ]),
        "Redemption": object([
            "request_id": string, "rider_id": string, "reward_id": string, "quantity": integer, "points": integer,
            "status": enumeration(["pending", "fulfilled", "rejected", "cancelled", "expired"]),
            "batch_id": optional(string), "reason": optional(string), "requested_at": time, "resolved_at": optional(time),
        ]),
        "Batch": object([
            "batch_id": optional(string), "requests": integer, "fulfilled": integer, "rejected": integer,
            "report": optional(string), "resumed": boolean, "expired": integer, "dry_run": boolean,
        ]),
        "Survey": object([
            "id": string, "version": integer, "latest_version": integer, "open": boolean, "closed_at": optional(time), "title": string,
            "questions": array(object([
                "id": string, "type": string, "prompt": string, "required": boolean, "options": array(string),
                "shown_if": optional(string),
            ])),
        ]),
        "RoleChanged": object(["code": string, "name": string, "name_zh": string, "description": string, "retired_at": optional(time)]),
        "CategoryChanged": object([
            "code": string, "role": string, "name": string, "name_zh": string, "points": integer, "points_max": optional(integer),
            "retired_at": optional(time),
        ]),
        "SurveyPublished": object(["id": string, "version": integer, "questions": integer, "changed": boolean]),
        "SurveyState": object(["id": string, "version": integer, "open": boolean]),
        "SurveyAnswered": object(["survey_id": string, "version": integer, "answered": integer, "replaced": boolean]),
        "SurveyPortrait": ["type": "object", "description": "Counts per answer, by group; cells under the threshold are hidden."],
        "Signup": object([
            "session_id": string, "rider_id": string, "state": enumeration(["confirmed", "waiting", "cancelled"]),
            "waitlist_position": optional(integer), "checked_in_at": optional(time),
        ]),
        "SignupCancelled": object(["signup": ref("Signup"), "promoted": optional(ref("Signup"))]),
        "Session": object([
            "session_id": string, "activity_id": string, "kind": string, "title": string, "title_zh": string,
            "starts_at": time, "ends_at": time, "place": string, "capacity": integer, "signed_up": integer,
            "waiting": integer, "points": integer, "point_id": optional(string), "state": enumeration(["open", "cancelled"]),
            "cancel_reason": optional(string), "mine": optional(ref("Signup")),
        ]),
        "CheckedIn": object([
            "session_id": string, "rider_id": string, "state": enumeration(["confirmed", "waiting", "cancelled"]),
            "waitlist_position": optional(integer), "checked_in_at": optional(time), "points_awarded": integer,
        ]),
        "Activity": object([
            "id": string, "kind": enumeration(["health", "affairs", "skills"]), "title": string, "title_zh": string,
            "description": string, "retired_at": optional(time),
        ]),
        "Resized": object(["session": ref("Session"), "promoted": array(ref("Signup"))]),
        "SessionCancelled": object(["session": ref("Session"), "released": array(ref("Signup"))]),
        "Attendee": object([
            "rider_id": string, "name": string, "state": string, "waitlist_position": optional(integer),
            "checked_in_at": optional(time),
        ]),
        "Lesson": object([
            "id": string, "title": string, "title_zh": string, "summary": string, "link": string, "points": integer,
            "has_quiz": boolean, "pass_mark": optional(integer), "completed_at": optional(time),
        ]),
        "LessonCompleted": object([
            "lesson_id": string, "points_awarded": integer, "passed": boolean, "score": optional(integer),
            "pass_mark": optional(integer), "attempts_left": optional(integer),
        ]),
        "LessonDetail": object([
            "id": string, "title": string, "title_zh": string, "summary": string, "link": string, "points": integer,
            "quiz": optional(object([
                "pass_mark": integer,
                "questions": array(object([
                    "id": string, "type": enumeration(["single", "multiple"]), "prompt": string,
                    "options": array(object(["id": string, "label": string])),
                ])),
            ])),
            "retired_at": optional(time),
        ]),
        "Doctor": object([
            "ok": boolean,
            "checks": array(enumeration(Tuanju.doctorChecks)),
            "problems": array(object(["check": string, "detail": string])),
        ]),
        "AuditEntry": object([
            "seq": integer, "at": time, "actor_id": string, "actor_role": enumeration(["admin", "coordinator"]),
            "action": string, "target": optional(string), "command": string,
        ]),
        "Purge": object(["reports": integer, "photos": integer, "dry_run": boolean]),
        "Erasure": object([
            "rider_id": string, "claims_ended": integer, "redemptions_cancelled": integer, "signups_cancelled": integer,
            "survey_responses_deleted": integer, "balance": integer, "dry_run": boolean,
        ]),
        "Open311Discovery": object([
            "changeset": time, "contact": string, "key_service": string,
            "endpoints": array(object([
                "specification": string, "url": string, "changeset": time, "type": string, "formats": array(string),
            ])),
        ]),
        "Open311Service": object([
            "service_code": string, "service_name": string, "description": string, "metadata": boolean,
            "type": enumeration(["realtime", "batch", "blackbox"]), "keywords": string, "group": string,
        ]),
        "Open311ServiceDefinition": object(["service_code": string, "attributes": array(object([:]))]),
        "Open311Request": object([
            "service_request_id": string, "status": enumeration(["open", "closed"]), "report_status": ref("ReportStatus"),
            "status_notes": optional(string), "service_name": string, "service_code": string, "description": string,
            "agency_responsible": optional(string), "requested_datetime": time, "updated_datetime": time,
            "lat": optional(number), "long": optional(number), "media_url": optional(string),
            "account_id": conditional(string),
        ]),
        "Open311Created": object([
            "service_request_id": string, "service_notice": string, "account_id": ["type": "null"] as JSON,
        ]),
    ].merging(agencySchemas) { $1 }.merging(deadlineSchemas) { $1 }.merging(statsSchemas) { $1 }
}
