import TuanjuCore

extension CSVProblem {
    /// What the problem means, in the catalogue's words.
    public var text: LocalizedText {
        switch self {
        case .invalidUTF8(let field): LocalizedText(.csvInvalidUTF8, ["field": "\(field)"])
        case .recordTooLong(let limit): LocalizedText(.csvTooLong, ["limit": "\(limit)"])
        case .unterminatedQuote: LocalizedText(.csvUnterminated)
        case .strayQuote(let field): LocalizedText(.csvStrayQuote, ["field": "\(field)"])
        }
    }
}
