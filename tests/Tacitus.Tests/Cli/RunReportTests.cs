using Tacitus.Cli;
using Tacitus.Documents;

namespace Tacitus.Tests.Cli;

public sealed class RunReportTests
{
    [Theory]
    [InlineData("TAC400", ExitCodes.Internal)]
    [InlineData("TAC900", ExitCodes.Internal)]
    [InlineData("TAC504", ExitCodes.PartialFailure)]
    public void ExitCode_OneDocumentFailedWithCode_ExitCodeForIt(string code, int expected)
    {
        var lines = new List<string>();
        var report = new RunReport(quiet: true, verbose: false) { Sink = lines.Add };
        Assert.Single(report.Watch([Tacitus.Ingest.IngestItem.Ok(new Document("A ferry sailed.", new DocumentMetadata { Origin = "a.txt", Published = new DateOnly(2021, 3, 1) }))]));

        report.Error(new TacitusError(code, "analysis", "it failed", "b.txt", "document 1"));

        Assert.Equal(expected, report.ExitCode());
        Assert.Equal($"b.txt [document 1]: {code} analysis: it failed", Assert.Single(lines));
    }
}
