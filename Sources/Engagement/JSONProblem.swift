import Foundation

/// A short, readable reason for a JSON decoding failure: where in the document and what was wrong,
/// instead of the decoder's full debug dump.
enum JSONProblem {
    static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .dataCorrupted(let context):
            return located(context, reason(context))
        case .keyNotFound(let key, let context):
            return located(context, "missing \"\(key.stringValue)\"")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return located(context, context.debugDescription)
        @unknown default:
            return "\(error)"
        }
    }

    /// `questions[2].required: Expected Bool …`, or just the reason at the top of the document.
    private static func located(_ context: DecodingError.Context, _ reason: String) -> String {
        let path = path(context.codingPath)
        return path.isEmpty ? reason : "\(path): \(reason)"
    }

    static func path(_ keys: [any CodingKey]) -> String {
        var result = ""
        for key in keys {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return result
    }

    /// A syntax error's own message (it carries the line and column) rather than "The given data was not valid JSON".
    private static func reason(_ context: DecodingError.Context) -> String {
        if let underlying = context.underlyingError {
            let text = (underlying as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            return text ?? "\(underlying)"
        }
        return context.debugDescription
    }
}
