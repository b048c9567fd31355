using Tacitus.Documents;
using Tacitus.Mentions;

namespace Tacitus.Tests.Mentions;

public sealed class MentionFormsTests
{
    [Theory]
    [InlineData(MentionForm.Adjective, "place:gazetteer", true)]
    [InlineData(MentionForm.Name, "place:demonym", false)] // the rule only explains
    [InlineData(MentionForm.Description, "adjective+role:officials", false)]
    public void IsAdjective_Form_TellsNationalityAdjectives(MentionForm form, string? rule, bool expected)
    {
        var mention = new Mention { Kind = MentionKind.Place, Span = new TextSpan(0, 7), Form = form, Rule = rule };
        Assert.Equal(expected, MentionForms.IsAdjective(mention));
    }

    [Theory]
    [InlineData(MentionForm.Group, true)]
    [InlineData(MentionForm.Description, true)]
    [InlineData(MentionForm.Name, false)]
    [InlineData(MentionForm.NamePart, false)]
    public void IsDescription_Form_TellsDescriptionsFromNames(MentionForm form, bool expected)
    {
        var mention = new Mention { Kind = MentionKind.Person, Span = new TextSpan(0, 7), Form = form, Rule = "description:leader" };
        Assert.Equal(expected, MentionForms.IsDescription(mention));
    }

    [Theory]
    [InlineData(MentionForm.InName, true)]
    [InlineData(MentionForm.Name, false)]
    [InlineData(MentionForm.Adjective, false)]
    public void IsInName_Form_TellsPlacesNestedInNames(MentionForm form, bool expected)
    {
        var mention = new Mention { Kind = MentionKind.Place, Span = new TextSpan(0, 7), Form = form, Rule = "place:in-name" };
        Assert.Equal(expected, MentionForms.IsInName(mention));
    }

    [Theory]
    [InlineData("Russian officials met Indian diplomats.", "Russian", MentionForm.Adjective)]
    [InlineData("Players of the Chicago Symphony Orchestra played.", "Chicago", MentionForm.InName)]
    public void Analyse_PlaceWords_RecogniserGivesTheForm(string text, string word, MentionForm form)
    {
        var pipeline = Tacitus.Pipeline.PipelineFactory.Create(new Tacitus.Pipeline.PipelineOptions());
        var document = pipeline.Process(new Document(text, new DocumentMetadata()) { Language = "en" });

        Assert.Contains(document.Mentions, m => m.Kind == MentionKind.Place && document.Slice(m.Span).SequenceEqual(word) && m.Form == form);
    }
}
