using Tacitus.Knowledge;
using Tacitus.Syntax.Parsing;
using Xunit;

namespace Tacitus.Tests.Syntax.Parsing;

public sealed class RelationGroupsTests
{
    [Theory]
    [InlineData("nsubj", "subject")]
    [InlineData("nsubj:pass", "subject")]     // a subtype takes its base's group
    [InlineData("obl:tmod", "nominal")]
    [InlineData("nmod:poss", "nominal")]
    [InlineData("punct", "punct")]
    [InlineData("root", "root")]              // always a group of its own
    [InlineData("made-up", "loose")]          // listed nowhere: the "*" line's group
    public void GroupOf_ShippedTable_GivesGroup(string relation, string group)
    {
        Assert.Equal(group, RelationGroups.Shipped.GroupOf(relation));
    }

    [Fact]
    public void GroupOf_OwnSubtypeLine_WinsOverBase()
    {
        var groups = RelationGroups.Read(Lines("obl\tnominal", "obl:tmod\ttime"));
        Assert.Equal("time", groups.GroupOf("obl:tmod"));
        Assert.Equal("nominal", groups.GroupOf("obl:agent"));
    }

    [Fact]
    public void GroupOf_NoFallbackLine_RelationIsItsOwnGroup()
    {
        var groups = RelationGroups.Read(Lines("obl\tnominal"));
        Assert.Equal("dep", groups.GroupOf("dep"));
    }

    [Theory]
    [InlineData("obl")]                        // no group
    [InlineData("obl\tnominal\textra")]        // a third field
    [InlineData("root\tclause")]               // root is not listed
    public void Read_BadLine_ThrowsCodedError(string line)
    {
        var error = Assert.Throws<InvalidDataException>(() => RelationGroups.Read(Lines(line)));
        Assert.Contains(RelationGroups.BadTable, error.Message, StringComparison.Ordinal);
        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RelationTwice_ThrowsCodedError()
    {
        var error = Assert.Throws<InvalidDataException>(() => RelationGroups.Read(Lines("obl\tnominal", "obl\tcore")));
        Assert.Contains("listed twice", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<DataLine> Lines(params string[] lines) =>
        DataFile.Read(new StringReader(string.Join('\n', lines)), "groups.tsv");
}
