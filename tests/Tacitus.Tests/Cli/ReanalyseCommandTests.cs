using Tacitus.Cli;
using Tacitus.Cli.Commands;
using Tacitus.Store;

namespace Tacitus.Tests.Cli;

public sealed class ReanalyseCommandTests
{
    [Theory]
    [InlineData(0, 0, 0, ExitCodes.Ok)]
    [InlineData(1, 0, 0, ExitCodes.PartialFailure)]
    [InlineData(0, 0, 1, ExitCodes.PartialFailure)]
    [InlineData(1, 1, 0, ExitCodes.Internal)]
    [InlineData(3, 1, 1, ExitCodes.Internal)]
    public void ExitCode_FailuresInternalErrorsAndLeftOut_TheCodeTheReadmeGivesForThem(long failed, long internalErrors, long leftOut, int expected)
    {
        var summary = new ReanalysisSummary(Selected: 5, Reanalysed: 5 - failed, Failed: failed, Elapsed: TimeSpan.Zero, LeftOut: leftOut, Internal: internalErrors);

        Assert.Equal(expected, ReanalyseCommand.ExitCode(summary));
    }
}
