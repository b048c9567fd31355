using Tacitus.Eval.Scoring;

namespace Tacitus.Tests.Eval;

public class GeoDistanceTests
{
    [Theory]
    [InlineData(48.8566, 2.3522, 51.5074, -0.1278, 343.5, 1.0)] // Paris – London
    [InlineData(0, 0, 1, 0, 111.195, 0.01)] // one degree of latitude
    [InlineData(0, 179.5, 0, -179.5, 111.195, 0.01)] // across the antimeridian
    [InlineData(10, 10, 10, 10, 0, 1e-9)]
    public void Kilometres_KnownPairs_GiveGreatCircleDistance(double lat1, double lon1, double lat2, double lon2, double km, double tolerance)
    {
        Assert.InRange(GeoDistance.Kilometres(lat1, lon1, lat2, lon2), km - tolerance, km + tolerance);
    }

    [Theory]
    [InlineData(new[] { 3.0, 1.0, 2.0 }, 2.0)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 2.5)]
    [InlineData(new[] { 7.0 }, 7.0)]
    public void Median_Values_GiveMiddle(double[] values, double median)
    {
        Assert.Equal(median, GeoDistance.Median(values), 9);
    }

    [Fact]
    public void Median_NoValues_IsNaN() => Assert.True(double.IsNaN(GeoDistance.Median([])));
}
