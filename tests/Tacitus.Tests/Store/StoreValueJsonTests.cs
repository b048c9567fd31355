using System.Buffers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Store;

namespace Tacitus.Tests.Store;

public sealed class StoreValueJsonTests
{
    private const string Awkward = "Zürich \"old\" <b>town</b> & 'quay'\n";

    private static readonly TimeInfo[] TimesCases =
    [
        new TimeInfo { Value = "2019-01-08", Precision = TimePrecision.Day },
        new TimeInfo { Value = "2019", Precision = TimePrecision.Year, Basis = "text", EndValue = "2020", Type = "DURATION" },
        new TimeInfo { Value = "2019-01-08T14:00", Precision = TimePrecision.Minute, Basis = Awkward },
        new TimeInfo { Value = "2019-01", Precision = TimePrecision.Month },
        new TimeInfo { Value = "2019-01-08TNI", Precision = TimePrecision.TimeOfDay, EndValue = Awkward },
    ];

    public static TheoryData<TimeInfo> Times() => [.. TimesCases];

    private static readonly PlaceInfo[] PlacesCases =
    [
        new PlaceInfo(),
        new PlaceInfo { Lat = 47.3769, Lon = 8.5417, GeoNamesId = 2657896, FeatureType = "PPLA", Population = 341730 },
        new PlaceInfo { Lat = -0.1, Lon = 1e21, FeatureType = Awkward },
        new PlaceInfo { Lat = 0, Lon = -179.99999999999997 },
    ];

    public static TheoryData<PlaceInfo> Places() => [.. PlacesCases];

    private static readonly QuantityInfo[] QuantitiesCases =
    [
        new QuantityInfo { Unit = "people" },
        new QuantityInfo { Value = 12, Low = 10, High = 15.5, Unit = "km", SiValue = 12000, SiUnit = "m", SameAs = 3, Consistent = true },
        new QuantityInfo { Value = 0.30000000000000004, Unit = Awkward, Consistent = false },
        new QuantityInfo { Low = 1e-7, Unit = "dollars", SameAs = 0 },
    ];

    public static TheoryData<QuantityInfo> Quantities() => [.. QuantitiesCases];

    private static readonly SourceRef[] SourcesCases =
    [
        new SourceRef { Text = "officials" },
        new SourceRef { Text = "the harbour master", Span = new TextSpan(10, 28), Name = "Ana Varga", Kind = "official", Country = CountryCode.From("HUN"), Entity = 2 },
        new SourceRef { Text = Awkward, Span = new TextSpan(5, 5), Kind = "anonymous" },
    ];

    public static TheoryData<SourceRef> Sources() => [.. SourcesCases];

    private static readonly ActorRef[] ActorsCases =
    [
        new ActorRef { Text = "protesters" },
        new ActorRef { Text = "the fishermen's union", Span = new TextSpan(0, 21), Name = "Fishermen's Union", Country = CountryCode.From("NOR"), Sector = Sector.From("LAB"), Code = "NORLAB", Entity = 4, Mention = 7 },
        new ActorRef { Text = Awkward, Sector = Sector.From("GOV"), Mention = 0 },
    ];

    public static TheoryData<ActorRef> Actors() => [.. ActorsCases];

    private static readonly EventLocation[] LocationsCases =
    [
        new EventLocation { Text = "the harbour" },
        new EventLocation { Text = "in Tromsø", Name = "Tromsø", Country = CountryCode.From("NOR"), Lat = 69.6492, Lon = 18.9553, GeoNamesId = 3133895, Mention = 3 },
        new EventLocation { Text = Awkward, Lat = -33.8688 },
    ];

    public static TheoryData<EventLocation> Locations() => [.. LocationsCases];

    [Theory]
    [MemberData(nameof(Times))]
    public void Write_Time_SameBytesAsTheSerializer(TimeInfo value) => AssertSame(value, StoreJson.Default.TimeInfo, StoreValueJson.Write);

    [Theory]
    [MemberData(nameof(Places))]
    public void Write_Place_SameBytesAsTheSerializer(PlaceInfo value) => AssertSame(value, StoreJson.Default.PlaceInfo, StoreValueJson.Write);

    [Theory]
    [MemberData(nameof(Quantities))]
    public void Write_Quantity_SameBytesAsTheSerializer(QuantityInfo value) => AssertSame(value, StoreJson.Default.QuantityInfo, StoreValueJson.Write);

    [Theory]
    [MemberData(nameof(Sources))]
    public void Write_Source_SameBytesAsTheSerializer(SourceRef value) => AssertSame(value, StoreJson.Default.SourceRef, StoreValueJson.Write);

    [Theory]
    [MemberData(nameof(Actors))]
    public void Write_Actor_SameBytesAsTheSerializer(ActorRef value) => AssertSame(value, StoreJson.Default.ActorRef, StoreValueJson.Write);

    [Theory]
    [MemberData(nameof(Locations))]
    public void Write_Location_SameBytesAsTheSerializer(EventLocation value) => AssertSame(value, StoreJson.Default.EventLocation, StoreValueJson.Write);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void Write_SourceChain_SameBytesAsTheSerializer(int length)
    {
        var chain = SourcesCases.Take(length).ToList();
        AssertSame(chain, StoreJson.Default.ListSourceRef, StoreValueJson.Write);
    }

    [Theory]
    [InlineData(typeof(TimeInfo))]
    [InlineData(typeof(PlaceInfo))]
    [InlineData(typeof(QuantityInfo))]
    [InlineData(typeof(SourceRef))]
    [InlineData(typeof(ActorRef))]
    [InlineData(typeof(EventLocation))]
    public void Write_FullestCase_HasEveryPropertyTheTypeHas(Type type)
    {
        // the fullest case of each type above sets every property: a property added to the type and not to the writer fails here
        var fullest = type == typeof(TimeInfo) ? Written(TimesCases[1], StoreValueJson.Write)
            : type == typeof(PlaceInfo) ? Written(PlacesCases[1], StoreValueJson.Write)
            : type == typeof(QuantityInfo) ? Written(QuantitiesCases[1], StoreValueJson.Write)
            : type == typeof(SourceRef) ? Written(SourcesCases[1], StoreValueJson.Write)
            : type == typeof(ActorRef) ? Written(ActorsCases[1], StoreValueJson.Write)
            : Written(LocationsCases[1], StoreValueJson.Write);
        using var parsed = JsonDocument.Parse(fullest);
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Count(p => p.GetMethod is not null && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract");
        Assert.Equal(properties, parsed.RootElement.EnumerateObject().Count());
    }

    private static void AssertSame<T>(T value, JsonTypeInfo<T> info, Action<Utf8JsonWriter, T> write) =>
        Assert.Equal(JsonSerializer.Serialize(value, info), Written(value, write));

    private static string Written<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            write(w, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
