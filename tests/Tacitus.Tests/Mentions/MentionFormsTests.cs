using Tacitus.Documents;
using Tacitus.Mentions;

namespace Tacitus.Tests.Mentions;

public sealed class MentionFormsTests
{
    [Theory]
    [InlineData("place:demonym", true)]
    [InlineData("place:gazetteer", false)]
    [InlineData("adjective+role:officials", false)]
    [InlineData(null, false)]
    public void IsAdjective_Rule_TellsNationalityAdjectives(string? rule, bool expected)
    {
        var mention = new Mention { Kind = MentionKind.Place, Span = new TextSpan(0, 7), Rule = rule };
        Assert.Equal(expected, MentionForms.IsAdjective(mention));
    }

    [Theory]
    [InlineData("group:police", true)]
    [InlineData("description:leader", true)]
    [InlineData("adjective+role:officials", true)]
    [InlineData("dictionary:actors", false)]
    public void IsDescription_Rule_TellsDescriptionsFromNames(string rule, bool expected)
    {
        var mention = new Mention { Kind = MentionKind.Person, Span = new TextSpan(0, 7), Rule = rule };
        Assert.Equal(expected, MentionForms.IsDescription(mention));
    }

    [Theory]
    [InlineData("place:in-name", true)]
    [InlineData("place:gazetteer", false)]
    [InlineData(null, false)]
    public void IsInName_Rule_TellsPlacesNestedInNames(string? rule, bool expected)
    {
        var mention = new Mention { Kind = MentionKind.Place, Span = new TextSpan(0, 7), Rule = rule };
        Assert.Equal(expected, MentionForms.IsInName(mention));
    }
}
