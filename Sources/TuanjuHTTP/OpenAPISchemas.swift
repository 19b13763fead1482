import TuanjuService

/// The JSON schemas of the API's bodies (OpenAPI 3.1, JSON Schema 2020-12): the shapes of TuanjuViews.
/// Objects list every property and allow no others, so the tests, which validate real responses against
/// these, notice a field added to a view and not here.
enum Schema {
    typealias JSON = [String: any Sendable]

    static let string: JSON = ["type": "string"]
    static let integer: JSON = ["type": "integer"]
    static let number: JSON = ["type": "number"]
    static let boolean: JSON = ["type": "boolean"]
    static let time: JSON = ["type": "string", "format": "date-time"]

    /// Absent or null.
    static func optional(_ schema: JSON) -> JSON { ["x-optional": true, "anyOf": [schema, ["type": "null"] as JSON]] }
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
            "updated_at": time, "token": optional(string),
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
            "points_awarded": integer, "submitted_at": time, "updated_at": time,
            "history": optional(array(object(["status": ref("ReportStatus"), "at": time, "by": string, "note": string]))),
            "possible_reuse": optional(object([
                "report": string, "photo": integer, "distance": integer, "accepted_as_original": boolean,
            ])),
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
            "agency": optional(string),
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
            "id": string, "version": integer, "title": string,
            "questions": array(object([
                "id": string, "type": string, "prompt": string, "required": boolean, "options": array(string),
                "shown_if": optional(string),
            ])),
        ]),
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
            "waiting": integer, "mine": optional(ref("Signup")),
        ]),
        "Attendee": object([
            "rider_id": string, "name": string, "state": string, "waitlist_position": optional(integer),
            "checked_in_at": optional(time),
        ]),
        "Lesson": object([
            "id": string, "title": string, "title_zh": string, "summary": string, "link": string, "points": integer,
            "completed_at": optional(time),
        ]),
        "LessonCompleted": object(["lesson_id": string, "points_awarded": integer]),
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
            "account_id": optional(string),
        ]),
        "Open311Created": object([
            "service_request_id": string, "service_notice": string, "account_id": ["type": "null"] as JSON,
        ]),
    ]
}
