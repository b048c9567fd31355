using Tacitus.Eval;
using Tacitus.Eval.Readers;
using Tacitus.Eval.Tasks;

namespace Tacitus.Tests.Eval;

/// <summary>The validation-suite reader and scorer over a small suite the project wrote (fictional countries).</summary>
public sealed class PetrarchTaskTests
{
    private const string Records = """
        <?xml version='1.0' encoding='utf-8'?>
        <Validation>
        <!-- a comment -- with two dashes, as the real suite has: not well-formed XML -->
        <Environment>
            <Verbfile>mini.verbs.txt</Verbfile>
            <Actorfile>mini.actors.txt</Actorfile>
            <Agentfile>mini.agents.txt</Agentfile>
            <Include>DEMO</Include>
        </Environment>
        <Sentences>
        <Sentence category="DEMO" date="20200101" id="DEMO-01" evaluate="true">
        <EventCoding eventcode="111" sourcecode="RUR" targetcode="FRE" />
        <Text>
        Ruritania condemned Freedonia.
        </Text>
        <Parse>
        1	Ruritania	Ruritania	PROPN	NNP	_	2	nsubj	_	_
        2	condemned	condemn	VERB	VBD	_	0	root	_	_
        3	Freedonia	Freedonia	PROPN	NNP	_	2	dobj	_	SpaceAfter=No
        4	.	.	PUNCT	.	_	2	punct	_	_
        </Parse>
        </Sentence>
        <Sentence category="DEMO" date="20200101" id="DEMO-02" evaluate="true">
        <EventCoding noevents="True" />
        <Text>
        Ruritania condemned Freedonia.
        </Text>
        <Parse>
        1	Ruritania	Ruritania	PROPN	NNP	_	2	nsubj	_	_
        2	condemned	condemn	VERB	VBD	_	0	root	_	_
        3	Freedonia	Freedonia	PROPN	NNP	_	2	dobj	_	_
        </Parse>
        </Sentence>
        <Sentence category="OTHER" date="20200101" id="OTHER-01" evaluate="true">
        <EventCoding eventcode="111" sourcecode="RUR" targetcode="~" />
        <Text>
        Ruritania condemned.
        </Text>
        <Parse>
        1	Ruritania	Ruritania	PROPN	NNP	_	2	nsubj	_	_
        2	condemned	condemn	VERB	VBD	_	0	root	_	_
        </Parse>
        </Sentence>
        </Sentences>
        </Validation>
        """;

    private static EvalFixtures.TempFolder Suite()
    {
        var folder = new EvalFixtures.TempFolder();
        folder.Write("records.xml", Records);
        folder.Write("mini.verbs.txt", "--- CONDEMN [111] ---\nCONDEMN\n");
        folder.Write("mini.actors.txt", "RURITANIA [RUR]\nFREEDONIA [FRE]\n");
        folder.Write("mini.agents.txt", "MINISTER [~GOV]\n");
        return folder;
    }

    [Fact]
    public void Read_LineByLine_ReadsEnvironmentRecordsAndCodes()
    {
        using var folder = Suite();
        var (environment, records, problems) = PetrarchSuiteReader.Read(Path.Combine(folder.FolderPath, "records.xml"));
        Assert.Empty(problems);
        Assert.Equal(Path.Combine(folder.FolderPath, "mini.verbs.txt"), environment.Verbs);
        Assert.Equal(["DEMO"], environment.Include);
        Assert.Equal(["DEMO-01", "DEMO-02", "OTHER-01"], records.Select(r => r.Id));
        Assert.Equal(new PetrarchExpected("111", "RUR", "FRE"), Assert.Single(records[0].Expected));
        Assert.True(records[1].NoEvents);
        Assert.Equal("---", records[2].Expected[0].Target);
        Assert.Equal("Ruritania condemned Freedonia.", records[0].Text);
    }

    [Fact]
    public void Run_MiniSuite_CountsAsValidationPyDoes()
    {
        using var folder = Suite();
        var report = PetrarchTask.Run(new EvalRequest(Path.Combine(folder.FolderPath, "records.xml")), CancellationToken.None);
        Assert.Equal(2, report.Documents);
        Assert.Equal(2, report.Figures["records"]);
        Assert.Equal(0.5, report.Figures["correct"]);
        Assert.Equal(0.5, report.Figures["extra"]);
        var miss = Assert.Single(report.Misses);
        Assert.Equal("DEMO-02", miss.Document);
    }

    [Fact]
    public void Read_MissingFile_IsAGoldFormatError()
    {
        var ex = Assert.Throws<GoldFormatException>(() => PetrarchSuiteReader.Read(Path.Combine(Path.GetTempPath(), "no-such-suite.xml")));
        Assert.Equal(EvalErrors.NotFound, ex.Error.Code);
    }
}
