using Tacitus.Documents;
using Tacitus.Domain;
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
        original.Add(new Mention
        {
            Kind = MentionKind.Organization, Span = new TextSpan(70_000, 70_420), Sentence = 300, Entity = 129, Name = "Société Générale « SG » 東京",
            Affiliation = string.Empty, Form = MentionForm.Group, Evidence = MentionEvidence.Speech, Rule = new string('r', 200),
        });
        var rows = new MentionRows();
        rows.Pack([original[0]]); // the writer is reused: a second document's value holds only its own mentions

        var read = MentionRows.Unpack(rows.Pack(original)!.Value.Span, k => Enum.Parse<MentionKind>(k, ignoreCase: true));

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
    public void Pack_Mention_WritesFieldsInOrderAsVarintsAndLengthPrefixedTexts()
    {
        var packed = new MentionRows().Pack([new Mention
        {
            Kind = MentionKind.Place, Span = new TextSpan(3, 70), Sentence = 1, Name = "Oslo", Country = CountryCode.From("NOR"), IsReference = true,
            Place = new PlaceInfo { FeatureType = "city" }, Form = MentionForm.Name,
        }]);

        byte[] expected =
        [
            6, .. "place"u8, 6, 140, 1, 2, // kind; start 3, end 70 and sentence 1 zigzagged (70 → 140: two varint bytes)
            0, 5, .. "Oslo"u8, 4, .. "NOR"u8, 0, 0, 0, 0, // no entity; name, country; no sector, org kind, affiliation, role
            1, 0, 0, // a reference; no rule, no time
            24, .. """{"feature_type":"city"}"""u8, 0, // the place as StoreValueJson writes it; no quantity
            5, .. "Name"u8, 0, // form; no evidence
        ];
        Assert.Equal(expected, packed!.Value.ToArray());
    }

    [Fact]
    public void Unpack_KindTheReaderRefuses_Throws()
    {
        var packed = new MentionRows().Pack([new Mention { Kind = MentionKind.Person, Span = new TextSpan(0, 3) }])!.Value.ToArray();

        Assert.Throws<InvalidDataException>(() => MentionRows.Unpack(packed, k => throw new InvalidDataException(k)));
    }

    [Fact]
    public void Unpack_ValueCutShort_ThrowsInvalidData()
    {
        var packed = new MentionRows().Pack([new Mention { Kind = MentionKind.Person, Span = new TextSpan(0, 3), Name = "Ana Varga" }])!.Value.ToArray();

        Assert.Throws<InvalidDataException>(() => MentionRows.Unpack(packed.AsSpan(0, 9), k => MentionKind.Person));
    }

    [Fact]
    public void UnpackJson_ValueAsVersion17StoredIt_GivesTheMentions()
    {
        var read = MentionRows.UnpackJson("""[["person",0,9,0,0,"Ana Varga","HUN","GOV",null,null,"minister",0,"name:title",null,null,null,"Name","Title"]]""",
            k => Enum.Parse<MentionKind>(k, ignoreCase: true));

        var m = Assert.Single(read);
        Assert.Equal((MentionKind.Person, new TextSpan(0, 9), (int?)0, "Ana Varga", "HUN", "minister", MentionEvidence.Title),
            (m.Kind, m.Span, m.Entity, m.Name, m.Country?.Value, m.Role, m.Evidence));
    }
}
