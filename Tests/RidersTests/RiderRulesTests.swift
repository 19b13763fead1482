import Testing
import TuanjuCore
@testable import Riders

@Suite("Rider rules")
struct RiderRulesTests {
    @Test("Mainland mobile numbers are accepted in the usual spellings", arguments: [
        "13812341234", "138 1234 1234", "138-1234-1234", "+86 138 1234 1234", "8613812341234", "+8613812341234",
    ])
    func validPhones(_ text: String) throws {
        #expect(try PhoneNumber(text).digits == "13812341234")
    }

    @Test("Numbers that are not mainland mobiles are refused", arguments: [
        "", "1381234123", "138123412345", "12812341234", "23812341234", "1381234123a", "138.1234.1234",
        "+1 415 555 0100", "１３８１２３４１２３４",
    ])
    func invalidPhones(_ text: String) {
        #expect(throws: InputError.self) { try PhoneNumber(text) }
    }

    @Test("A phone is masked as 138****1234")
    func mask() throws {
        #expect(try PhoneNumber("13812341234").masked == "138****1234")
    }

    @Test("Platforms parse in English and Chinese; others are refused")
    func platforms() throws {
        #expect(try Platform(parsing: " Meituan ") == .meituan)
        #expect(try Platform(parsing: "饿了么") == .eleme)
        #expect(throws: InputError.self) { try Platform(parsing: "didi") }
    }

    @Test("party_member accepts yes/no spellings and refuses others")
    func partyMember() throws {
        #expect(try RiderImport.partyMember("是") == true)
        #expect(try RiderImport.partyMember("") == false)
        #expect(try RiderImport.partyMember("TRUE") == true)
        #expect(throws: InputError.self) { try RiderImport.partyMember("maybe") }
    }
}
