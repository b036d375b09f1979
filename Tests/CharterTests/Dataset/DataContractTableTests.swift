import CharterSupport
import PolicyKit
import Testing

@testable import CharterData

/// The data contract's files and columns are written once, in `DatasetFile`; the reader's column
/// positions must name the same columns in the same order.
@Suite struct DataContractTableTests {
    /// `communityID` → `community_id`, `townDeputySecretary` → `town_deputy_secretary`.
    static func snakeCase(_ name: String) -> String {
        var result = ""
        var previousWasUpper = false
        for character in name {
            if character.isUppercase {
                if !previousWasUpper { result += "_" }
                result += character.lowercased()
                previousWasUpper = true
            } else {
                result.append(character)
                previousWasUpper = false
            }
        }
        return result
    }

    static func names<Column: CaseIterable & RawRepresentable>(_: Column.Type) -> [String]
    where Column.RawValue == Int {
        Column.allCases.map { snakeCase(String(describing: $0)) }
    }

    @Test func everyColumnPositionNamesTheTablesColumn() {
        #expect(Self.names(CommunityColumn.self) == DatasetFile.communities.columns)
        #expect(Self.names(MemberColumn.self) == DatasetFile.members.columns)
        #expect(Self.names(UnitColumn.self) == DatasetFile.units.columns)
        #expect(Self.names(PostColumn.self) == DatasetFile.posts.columns)
        #expect(Self.names(EventColumn.self) == DatasetFile.events.columns)
        #expect(Self.names(BodyColumn.self) == DatasetFile.bodies.columns)
        #expect(Self.names(MeetingColumn.self) == DatasetFile.meetings.columns)
        #expect(Self.names(DistributionColumn.self) == DatasetFile.distributions.columns)
    }

    @Test func theReaderReadsTheTablesFilesInItsOrder() {
        #expect(DatasetFileKind.allCases.map(\.name) == DatasetFile.allCases.map(\.rawValue))
        #expect(DatasetFileKind.allCases.map(\.columns) == DatasetFile.allCases.map(\.columns))
    }

    /// The columns the reader requires are those the table says are required.
    @Test func theReaderRequiresWhatTheTableRequires() {
        for kind in DatasetFileKind.allCases {
            let required = kind.file.contract.filter {
                if case .optional = $0.requirement { return false }
                return true
            }
            #expect(kind.requiredColumns.map { kind.columns[$0] } == required.map(\.name), "\(kind.name)")
        }
    }

    /// Every column and every code has a Chinese name, and no two columns of a file share one
    /// (a Chinese header must name exactly one column).
    @Test func everyColumnAndCodeHasAChineseName() {
        for file in DatasetFile.allCases {
            let names = file.contract.map(\.chineseName)
            #expect(Set(names).count == names.count, "\(file.rawValue): \(names)")
            for column in file.contract {
                #expect(column.chineseName.unicodeScalars.contains { $0.value >= 0x4E00 }, "\(column.name)")
                #expect(!column.meaning.chinese.isEmpty && !column.meaning.english.isEmpty, "\(column.name)")
                if case .code(let codes) = column.type {
                    #expect(!codes.isEmpty)
                    for code in codes { #expect(!code.chineseName.isEmpty, "\(column.name): \(code.code)") }
                }
            }
        }
        guard case .code(let statuses) = DatasetFile.members.contract.first(where: { $0.name == "status" })?.type
        else {
            Issue.record("members.status is not a code column")
            return
        }
        #expect(statuses.map(\.code) == ["full", "probationary"])
        #expect(statuses.map(\.chineseName) == ["正式党员", "预备党员"])
    }

    @Test func snakeCaseIsTheContractsSpelling() {
        #expect(Self.snakeCase("communityID") == "community_id")
        #expect(Self.snakeCase("townDeputySecretary") == "town_deputy_secretary")
        #expect(Self.snakeCase("id") == "id")
    }
}
