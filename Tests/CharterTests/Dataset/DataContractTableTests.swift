import CharterSupport
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

    @Test func snakeCaseIsTheContractsSpelling() {
        #expect(Self.snakeCase("communityID") == "community_id")
        #expect(Self.snakeCase("townDeputySecretary") == "town_deputy_secretary")
        #expect(Self.snakeCase("id") == "id")
    }
}
