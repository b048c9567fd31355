using Tacitus.Documents;
using Tacitus.Syntax.Conllu;
using Xunit;

namespace Tacitus.Tests.Syntax;

public sealed class ConlluReaderTests
{
    private const string Sample = """
        # sent_id = a-1
        # text = They don't talk.
        1	They	they	PRON	PRP	_	3	nsubj	_	_
        2-3	don't	_	_	_	_	_	_	_	_
        2	do	do	AUX	VBP	_	4	aux	_	_
        3	n't	not	PART	RB	_	4	advmod	_	_
        4	talk	talk	VERB	VB	_	0	root	_	SpaceAfter=No
        4.1	talked	talk	VERB	VBD	_	_	_	4:conj	_
        5	.	.	PUNCT	.	_	4	punct	_	_

        # sent_id = a-2
        1	Broken	line

        # sent_id = a-3
        1	Talks	talk	NOUN	NNS	_	2	nsubj	_	_
        2	resumed	resume	VERB	VBD	_	0	root	_	_

        """;

    private static (List<ConlluSentence> Sentences, List<TacitusError> Problems) ReadSample()
    {
        var problems = new List<TacitusError>();
        var sentences = ConlluReader.Read(new StringReader(Sample), "sample.conllu", problems).ToList();
        return (sentences, problems);
    }

    [Fact]
    public void Read_RangesAndEmptyNodes_KeepsSyntacticWordsOnly()
    {
        var (sentences, _) = ReadSample();
        var first = sentences[0];
        Assert.Equal(["They", "do", "n't", "talk", "."], first.Words.Select(w => w.Form));
        Assert.Single(first.Ranges);
        Assert.Equal(0, first.Words[3].Head);
        Assert.Equal("They don't talk.", first.Text);
        Assert.Equal("a-1", first.Comment("sent_id"));
    }

    [Fact]
    public void Read_MalformedLine_ReportsFileAndLineAndReadsTheRest()
    {
        var (sentences, problems) = ReadSample();
        Assert.Equal(["a-1", "a-3"], sentences.Select(s => s.Comment("sent_id")));
        var problem = Assert.Single(problems);
        Assert.Equal(ConlluReader.Malformed, problem.Code);
        Assert.Equal("sample.conllu", problem.File);
        Assert.Equal("line 12", problem.Record);
    }

    [Fact]
    public void Write_ReadSentence_RoundTripsTheBasicTree()
    {
        var (sentences, _) = ReadSample();
        using var writer = new StringWriter();
        ConlluWriter.Write(writer, sentences[0]);
        var again = ConlluReader.Read(new StringReader(writer.ToString()), "again", new List<TacitusError>()).Single();
        Assert.Equal(sentences[0].Words, again.Words);
        Assert.Equal(sentences[0].Ranges, again.Ranges);
    }
}
