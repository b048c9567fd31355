using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Store;

namespace Tacitus.Tests.Store;

public class EntityRowsTests
{
    [Fact]
    public void Pack_NoEntities_IsNull() => Assert.Null(new EntityRows().Pack([]));

    [Fact]
    public void Unpack_PackedEntities_GivesEveryFieldBack()
    {
        var original = StoreFixtures.Analysed().Entities;
        Assert.NotEmpty(original);
        var rows = new EntityRows();
        rows.Pack([original[0]]); // the writer is reused: a second document's value holds only its own entities

        var read = new List<Entity>();
        EntityRows.Unpack(rows.Pack(original)!.ToString(), k => Enum.Parse<MentionKind>(k, ignoreCase: true), read);

        Assert.Equal(
            original.Select(e => (e.Id, e.Name, e.Kind, e.Country, e.Sector, string.Join(",", e.Mentions))),
            read.Select(e => (e.Id, e.Name, e.Kind, e.Country, e.Sector, string.Join(",", e.Mentions))));
    }

    [Fact]
    public void Pack_Entity_WritesTheOldTableColumnsInOrder()
    {
        var entity = new Entity { Id = 4, Name = "Ana Varga", Kind = MentionKind.Person, Country = CountryCode.From("HUN"), Sector = Sector.From("GOV") };
        entity.Mentions.AddRange([0, 3]);

        Assert.Equal("""[[4,"Ana Varga","person","HUN","GOV",[0,3]]]""", new EntityRows().Pack([entity])!.ToString());
    }

    [Fact]
    public void Unpack_KindTheReaderRefuses_Throws()
    {
        var packed = new EntityRows().Pack([new Entity { Id = 0, Name = "Vienna", Kind = MentionKind.Place }])!;

        Assert.Throws<InvalidDataException>(() => EntityRows.Unpack(packed.ToString(), k => throw new InvalidDataException(k), []));
    }
}
