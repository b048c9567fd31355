using Tacitus.Knowledge;

namespace Tacitus.Tests.Knowledge;

public sealed class PetrarchActorConverterTests
{
    private static bool IsCountry(string code) => code is "CHN" or "USA" or "NGA";

    [Theory]
    [InlineData("CHNGOV", "CHN", "GOV")]
    [InlineData("USAMIL", "USA", "MIL")]
    [InlineData("NGAMED", "NGA", "JRN")] // CAMEO media is PLOVER JRN
    [InlineData("NGAHLH", "NGA", "MED")] // CAMEO health is PLOVER MED
    [InlineData("CHNMUS", "CHN", "")]    // a religion code is no sector
    [InlineData("CHNXYZ", "CHN", "")]    // an unlisted code is no sector
    [InlineData("REB", "", "REB")]       // a bare sector code
    [InlineData("usacop", "USA", "COP")] // read in any case
    [InlineData("CHN", "CHN", "")]
    public void SplitCode_CountryAndSectorCodes_ReadsTheListedSectors(string code, string country, string sector)
    {
        var (c, s) = PetrarchActorConverter.SplitCode(code, IsCountry);

        Assert.Equal(country, c?.Value ?? string.Empty);
        Assert.Equal(sector, s?.Value ?? string.Empty);
    }
}
