using Tacitus.Documents;
using Tacitus.Store;

namespace Tacitus.Tests.Store;

public class MentionRowsTests
{
    [Fact]
    public void Pack_NoMentions_IsNull() => Assert.Null(new MentionRows().Pack([]));

    [Fact]
    public void Unpack_PackedMentions_GivesEveryFieldBack()
    {
        var original = StoreFixtures.Analysed().Mentions;
        var rows = new MentionRows();
        rows.Pack([original[0]]); // the writer is reused: a second document's value holds only its own mentions

        var read = MentionRows.Unpack(rows.Pack(original)!.ToString(), k => Enum.Parse<MentionKind>(k, ignoreCase: true));

        Assert.Equal(original.Count, read.Count);
        for (var i = 0; i < original.Count; i++)
        {
            var (a, b) = (original[i], read[i]);
            Assert.Equal((a.Kind, a.Span, a.Sentence, a.Entity, a.Name, a.Country, a.Sector, a.OrgKind, a.Affiliation, a.Role, a.IsReference, a.Rule, a.Form, a.Evidence),
                (b.Kind, b.Span, b.Sentence, b.Entity, b.Name, b.Country, b.Sector, b.OrgKind, b.Affiliation, b.Role, b.IsReference, b.Rule, b.Form, b.Evidence));
            Assert.Equal((a.Time, a.Place, a.Quantity), (b.Time, b.Place, b.Quantity));
        }
    }

    [Fact]
    public void Unpack_KindTheReaderRefuses_Throws()
    {
        var packed = new MentionRows().Pack([new Mention { Kind = MentionKind.Person, Span = new TextSpan(0, 3) }])!.ToString();

        Assert.Throws<InvalidDataException>(() => MentionRows.Unpack(packed, k => throw new InvalidDataException(k)));
    }
}
