using Tacitus.Mentions.Quantities;
using UnitsNet;

namespace Tacitus.Tests.Mentions.Quantities;

public sealed class UnitTableTests
{
    /// <summary>Each unit's spelling in the shipped data, and UnitsNet's conversion of it to the SI unit.</summary>
    public static TheoryData<string, bool, Func<double, double>> Conversions() => new()
    {
        { "mile", false, v => Length.FromMiles(v).Meters },
        { "nautical miles", true, v => Length.FromNauticalMiles(v).Meters },
        { "kilometer", false, v => Length.FromKilometers(v).Meters },
        { "meter", false, v => Length.FromMeters(v).Meters },
        { "centimeter", false, v => Length.FromCentimeters(v).Meters },
        { "foot", false, v => Length.FromFeet(v).Meters },
        { "yard", false, v => Length.FromYards(v).Meters },
        { "inch", false, v => Length.FromInches(v).Meters },
        { "second", false, v => Duration.FromSeconds(v).Seconds },
        { "minute", false, v => Duration.FromMinutes(v).Seconds },
        { "hour", false, v => Duration.FromHours(v).Seconds },
        { "day", false, v => Duration.FromDays(v).Seconds },
        { "week", false, v => Duration.FromWeeks(v).Seconds },
        { "month", false, v => Duration.FromMonths30(v).Seconds },
        { "year", false, v => Duration.FromYears365(v).Seconds },
        { "kilogram", false, v => Mass.FromKilograms(v).Kilograms },
        { "tonne", false, v => Mass.FromTonnes(v).Kilograms },
        { "ton", false, v => Mass.FromShortTons(v).Kilograms },
        { "gram", false, v => Mass.FromGrams(v).Kilograms },
        { "km/h", false, v => Speed.FromKilometersPerHour(v).MetersPerSecond },
        { "mph", false, v => Speed.FromMilesPerHour(v).MetersPerSecond },
        { "square kilometers", true, v => Area.FromSquareKilometers(v).SquareMeters },
        { "square miles", true, v => Area.FromSquareMiles(v).SquareMeters },
        { "hectare", false, v => Area.FromHectares(v).SquareMeters },
        { "acre", false, v => Area.FromAcres(v).SquareMeters },
    };

    [Theory]
    [MemberData(nameof(Conversions))]
    public void SiValueOf_ManyValues_SameAsUnitsNetToTheLastBit(string spelling, bool phrase, Func<double, double> unitsNet)
    {
        Assert.True(phrase ? UnitTable.TryPhrase(spelling, out var unit) : UnitTable.TryWord(spelling, out unit), spelling);
        var random = new Random(13);
        for (var i = 0; i < 20_000; i++)
        {
            // whole numbers, the decimals news writes, quarters, millions, and random magnitudes
            foreach (var value in (ReadOnlySpan<double>)[i, i / 10.0, i / 100.0, i / 4.0, i * 1e6, random.NextDouble() * Math.Pow(10, random.Next(-3, 12))])
            {
                var expected = unitsNet(value);
                var actual = unit.SiValueOf(value);
                Assert.True(actual is { } a && BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(expected), $"{spelling} {value:R}: {actual:R} against UnitsNet's {expected:R}");
            }
        }
    }

    [Fact]
    public void SiValueOf_ValueOverflowingTheSiUnit_Null()
    {
        Assert.True(UnitTable.TryWord("mile", out var mile));

        Assert.Null(mile.SiValueOf(1e307));
        Assert.Equal(1609.344, mile.SiValueOf(1));
    }

    [Fact]
    public void SiValueOf_UnitWithoutSiUnit_Null()
    {
        Assert.True(UnitTable.TryWord("percent", out var percent));

        Assert.Null(percent.SiValueOf(5));
    }
}
