import CharterData
import CharterSynthesis
import Foundation
import PolicyKit
import Testing

/// Every value of a generated district parses as the data contract's type, and every reference
/// names a row that exists.
@Suite struct GeneratedValuesTests {
    private var tables: [String: PlainCSV] { SharedDistrict.tables }
    private var asOf: CivilDate { SharedDistrict.options.asOf }

    private func records(_ name: String) -> [[String: String]] { tables[name]?.records ?? [] }

    private static let dateColumns: [String: [String]] = [
        "members": ["birth_date", "join_date", "away_since", "letter_issued", "last_org_life", "sanction_until"],
        "events": ["date"],
        "bodies": ["established"],
        "meetings": ["date"],
    ]

    private static let codeColumns: [String: [String: [String]]] = [
        "communities": ["stage": Stage.allCases.map(\.rawValue)],
        "members": [
            "status": MembershipStatus.allCases.map(\.rawValue), "relation": Relation.allCases.map(\.rawValue),
            "employment": Employment.allCases.map(\.rawValue), "education": Education.allCases.map(\.rawValue),
        ],
        "units": ["kind": UnitKind.allCases.map(\.rawValue)],
        "posts": ["body": PostBody.allCases.map(\.rawValue), "post": PostTitle.allCases.map(\.rawValue)],
        "events": ["kind": LedgerEventKind.allCases.map(\.rawValue)],
        "bodies": ["body": GovernanceBodyKind.allCases.map(\.rawValue)],
        "meetings": ["kind": MeetingKind.allCases.map(\.rawValue)],
        "distributions": ["kind": DistributionKind.allCases.map(\.rawValue)],
    ]

    private static let boolColumns: [String: [String]] = [
        "communities": ["residents_committee"],
        "members": ["willing_to_serve", "criminal_record", "dishonest_debtor"],
        "units": ["has_party_org"],
    ]

    private static let countColumns: [String: [String]] = [
        "communities": ["households_planned", "households_moved_in"],
        "members": ["cadre_years"],
        "units": ["party_members"],
        "meetings": ["attendees"],
    ]

    @Test func datesAreWrittenYYYYMMDD() throws {
        for (file, columns) in GeneratedValuesTests.dateColumns {
            let table = try #require(tables[file])
            for column in columns {
                for value in try table.column(column) where !value.isEmpty {
                    #expect(value.utf8.count == 10 && CivilDate(value) != nil, "\(file).\(column): '\(value)'")
                }
            }
        }
    }

    @Test func requiredDatesArePresentAndNotInTheFuture() throws {
        for member in records("members") {
            let birth = try #require(CivilDate(member["birth_date"] ?? ""))
            let join = try #require(CivilDate(member["join_date"] ?? ""))
            #expect(birth <= asOf && join <= asOf && birth < join, "member \(member["id"] ?? "")")
            #expect(birth.age(at: join) >= 18, "member \(member["id"] ?? "") joined before 18")
        }
        for event in records("events") {
            let date = try #require(CivilDate(event["date"] ?? ""))
            #expect(date <= asOf)
        }
    }

    @Test func codesAreTheContracts() throws {
        for (file, columns) in GeneratedValuesTests.codeColumns {
            let table = try #require(tables[file])
            for (column, codes) in columns {
                for value in try table.column(column) where !(value.isEmpty && column == "stage") {
                    #expect(codes.contains(value), "\(file).\(column): '\(value)'")
                }
            }
        }
    }

    @Test func boolsAndCountsParse() throws {
        for (file, columns) in GeneratedValuesTests.boolColumns {
            for column in columns {
                for value in try #require(tables[file]).column(column) {
                    #expect(value == "true" || value == "false", "\(file).\(column): '\(value)'")
                }
            }
        }
        for (file, columns) in GeneratedValuesTests.countColumns {
            for column in columns {
                for value in try #require(tables[file]).column(column) {
                    #expect((Int(value) ?? -1) >= 0, "\(file).\(column): '\(value)'")
                }
            }
        }
        for value in try #require(tables["posts"]).column("seats") {
            #expect((Int(value) ?? 0) >= 1)
        }
        for value in try #require(tables["members"]).column("unqualified_year") where !value.isEmpty {
            #expect(Int(value) != nil)
        }
    }

    @Test func amountsArePositiveDecimals() throws {
        var fractional = 0
        for value in try #require(tables["events"]).column("amount") {
            let digits = value.split(separator: ".", omittingEmptySubsequences: false)
            #expect(
                (1...2).contains(digits.count) && digits.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) }
                    && digits.allSatisfy { $0.allSatisfy(\.isNumber) }, "amount '\(value)'")
            let amount = try #require(Amount(value))
            #expect(amount > .zero)
            if !amount.isWhole { fractional += 1 }
        }
        #expect(fractional > 0, "no volunteer hours like 2.5")
    }

    @Test func idsAreUnique() throws {
        for file in ["communities", "members", "units"] {
            let ids = try #require(tables[file]).column("id")
            #expect(Set(ids).count == ids.count, "\(file).csv repeats an id")
            #expect(!ids.contains(""))
        }
    }

    @Test func everyReferenceExists() throws {
        let communities = Set(try #require(tables["communities"]).column("id"))
        let members = records("members")
        let memberCommunity = Dictionary(
            uniqueKeysWithValues: members.map { ($0["id"] ?? "", $0["community_id"] ?? "") })
        for file in ["members", "units", "posts", "bodies", "meetings", "distributions"] {
            for value in try #require(tables[file]).column("community_id") {
                #expect(communities.contains(value), "\(file).csv names community '\(value)'")
            }
        }
        for value in try #require(tables["events"]).column("member_id") {
            #expect(memberCommunity[value] != nil, "events.csv names member '\(value)'")
        }
        var listed = Set<String>()
        for row in records("distributions") {
            let member = row["member_id"] ?? ""
            #expect(memberCommunity[member] == row["community_id"], "distribution of '\(member)'")
            let key = (row["community_id"] ?? "") + "/" + (row["kind"] ?? "") + "/" + member
            #expect(listed.insert(key).inserted, "repeated on a list: \(key)")
        }
    }

    @Test func namesAreChineseAndSynthetic() throws {
        let names = try #require(tables["members"]).column("name")
        for name in names.prefix(500) {
            #expect((2...3).contains(name.count), "name '\(name)'")
            #expect(name.unicodeScalars.allSatisfy { $0.value >= 0x4E00 && $0.value <= 0x9FFF })
        }
        for phone in try #require(tables["members"]).column("phone") where !phone.isEmpty {
            #expect(phone.count == 11 && phone.contains("****"), "phone '\(phone)' is not masked")
        }
        let districts = Set(try #require(tables["communities"]).column("district"))
        #expect(districts == ["郫都区"])
    }
}
