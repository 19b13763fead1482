/// Small text rules shared by every module that accepts names and notes from users.
public enum Text {
    /// Trims white space and removes control characters (a note pasted from a chat app may carry them).
    public static func clean(_ text: String) -> String {
        if isPlain(text) { return text }
        let scalars = text.unicodeScalars.filter { !$0.properties.generalCategory.isControl }
        var result = String(String.UnicodeScalarView(scalars))
        while let first = result.first, first.isWhitespace { result.removeFirst() }
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return result
    }

    /// True when `text` has no control or format characters and no white space at either end, judged from
    /// its bytes alone: printable ASCII and CJK ideographs, what almost every name is. Importers call
    /// `clean` per field, and Unicode property look-ups dominate an import otherwise.
    static func isPlain(_ text: String) -> Bool {
        var first = true
        var last: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let printableASCII = value >= 0x20 && value < 0x7F
            let ideograph = value >= 0x3400 && value <= 0x9FFF
            guard printableASCII || ideograph else { return false }
            if first, value == 0x20 { return false }
            first = false
            last = scalar
        }
        return last != " "
    }

    /// A required short label (a name, a title): cleaned, 1...maxLength characters.
    public static func label(_ text: String, field: Msg, maxLength: Int = 100) throws(InputError) -> String {
        try label(text, field: field as any CatalogMessage, maxLength: maxLength)
    }

    /// The same with a field name from another catalogue.
    public static func label(_ text: String, field: any CatalogMessage, maxLength: Int = 100) throws(InputError) -> String {
        let cleaned = clean(text)
        guard !cleaned.isEmpty else { throw .invalid(.inputEmpty, ["field": field.text]) }
        guard cleaned.count <= maxLength else {
            throw .invalid(.inputTooLong, ["field": field.text, "count": "\(cleaned.count)", "max": "\(maxLength)"])
        }
        return cleaned
    }
}

extension Unicode.GeneralCategory {
    var isControl: Bool {
        switch self {
        case .control, .format, .unassigned, .privateUse, .surrogate: true
        default: false
        }
    }
}
