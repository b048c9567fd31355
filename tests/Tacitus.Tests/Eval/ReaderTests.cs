using Tacitus.Domain;
using Tacitus.Eval;
using Tacitus.Eval.Readers;

namespace Tacitus.Tests.Eval;

public class PloverGoldReaderTests
{
    [Fact]
    public void Read_Fixture_ReadsRecordsAndMapsCameoCodes()
    {
        var set = PloverGoldReader.Read(EvalFixtures.Path("events.jsonl"));

        Assert.Empty(set.Problems);
        Assert.Equal(3, set.Items.Count);
        var first = set.Items[0];
        Assert.Equal(PloverType.Consult, first.Event);
        Assert.Equal(new DateOnly(2021, 3, 4), first.Date);
        Assert.Equal("JPN", first.Sources[0].Country.Value);
        Assert.Equal("JAP", first.Sources[0].RawCode);
        Assert.Equal("GOV", first.Sources[0].Sector);
        Assert.Equal("PER", first.Targets[0].Country.Value);
        Assert.True(set.Items[1].Reciprocal);
        Assert.Empty(set.Items[1].Targets);
        Assert.Equal("VNM", set.Items[2].Targets[0].Country.Value);
    }

    [Theory]
    [InlineData("{not json", EvalErrors.Malformed)]
    [InlineData("[1,2]", EvalErrors.Malformed)]
    [InlineData("{\"id\":\"x\",\"event\":\"AGREE\"}", EvalErrors.MissingField)]
    [InlineData("{\"id\":\"x\",\"text\":\"A met B.\",\"event\":\"PARTY\"}", EvalErrors.MissingField)]
    [InlineData("{\"id\":\"x\",\"text\":\"A met B.\",\"event\":\"AGREE\",\"source\":[{\"code\":\"U1\"}]}", EvalErrors.BadValue)]
    [InlineData("{\"id\":\"x\",\"text\":\"A met B.\",\"event\":\"AGREE\",\"source\":{\"code\":\"USA\"}}", EvalErrors.Malformed)]
    public void Read_MalformedLine_ReportsCodeFileAndLineAndKeepsTheRest(string badLine, string code)
    {
        var good = "{\"id\":\"ok\",\"text\":\"Chad agreed.\",\"event\":\"AGREE\",\"source\":[{\"actorText\":\"Chad\",\"code\":\"TCD\"}]}";
        var set = PloverGoldReader.Read(new StringReader(good + "\n" + badLine + "\n" + good), "gold.jsonl");

        Assert.Equal(2, set.Items.Count);
        var problem = Assert.Single(set.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal("gold.jsonl", problem.File);
        Assert.Contains("line 2", problem.Record, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TargetGivenAsWord_NotesItAndReadsNoTarget()
    {
        var set = PloverGoldReader.Read(new StringReader("{\"id\":\"x\",\"text\":\"A met B.\",\"event\":\"CONSULT\",\"target\":\"diplomatic\"}"), "g.jsonl");

        Assert.Empty(Assert.Single(set.Items).Targets);
        Assert.Equal(EvalErrors.BadValue, Assert.Single(set.Problems).Code);
    }

    [Fact]
    public void Read_MissingFile_ThrowsNotFound()
    {
        var ex = Assert.Throws<GoldFormatException>(() => PloverGoldReader.Read("/no/such/gold.jsonl"));
        Assert.Equal(EvalErrors.NotFound, ex.Error.Code);
    }

    [Theory]
    [InlineData("JAP", "JPN")]
    [InlineData("VTN", "VNM")]
    [InlineData("ROM", "ROU")]
    [InlineData("USA", "USA")]
    [InlineData("igo", "IGO")]
    [InlineData("IMG", "IMG")]
    [InlineData("ITL", "ITA")]
    public void CameoCountryTable_Code_MapsToIso(string cameo, string iso)
    {
        Assert.Equal(iso, CameoCountryTable.ToIso(cameo).Value.Value);
    }

    [Theory]
    [InlineData(PloverType.Demand, PloverType.Request)]
    [InlineData(PloverType.Disapprove, PloverType.Accuse)]
    [InlineData(PloverType.Investigate, PloverType.Accuse)]
    [InlineData(PloverType.Fight, PloverType.Assault)]
    [InlineData(PloverType.Consult, PloverType.Consult)]
    public void PloverLegacyTypes_OlderType_MapsToCurrent(PloverType legacy, PloverType current)
    {
        Assert.Equal(current, PloverLegacyTypes.Current(legacy));
    }
}

public class BratReaderTests
{
    [Fact]
    public void ReadFolder_Fixture_ReadsAttributionsWithTextAndDate()
    {
        var set = BratReader.ReadFolder(EvalFixtures.Path("attribution"));

        Assert.Empty(set.Problems);
        var doc = Assert.Single(set.Items);
        Assert.Equal("harbor_2020-05-06_council-vote", doc.Name);
        Assert.Equal(new DateOnly(2020, 5, 6), doc.Date);
        Assert.Equal(3, doc.Attributions.Count);
        Assert.Equal("the mayor's office", doc.Attributions[0].Source!.Value.TextOf(doc.Text));
        Assert.Equal("told", doc.Attributions[1].Cue!.Value.TextOf(doc.Text));
        Assert.Equal("shipping traffic fell by a tenth last year", doc.Attributions[2].Content!.Value.TextOf(doc.Text));
    }

    [Fact]
    public void Parse_DiscontinuousSpanAndNoSource_ReadsHullAndNullSource()
    {
        const string text = "Rain, the forecast says, will come.";
        var ann = "T1\tContent 0 4;25 34\tRain will come\nT2\tCue 19 23\tsays\nT3\tAttribution 19 23\tsays\nE1\tAttribution-no-source:T3 Content:T1 Cue:T2\n";
        var problems = new List<Documents.TacitusError>();

        var a = Assert.Single(BratReader.Parse(new StringReader(ann), text, "x.ann", problems));

        Assert.Null(a.Source);
        Assert.Equal(new Documents.TextSpan(0, 34), a.Content);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("T1\tSource 0 500\tfar away\n", EvalErrors.BadOffsets)]
    [InlineData("garbage line\n", EvalErrors.Malformed)]
    [InlineData("T1\tSource 0 4\tRain\nE1\tAttribution:T1 Source:T9\n", EvalErrors.Malformed)]
    public void Parse_BadLine_ReportsCodeAndLine(string ann, string code)
    {
        var problems = new List<Documents.TacitusError>();

        BratReader.Parse(new StringReader(ann), "Rain is coming, they say.", "bad.ann", problems);

        var problem = Assert.Single(problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal("bad.ann", problem.File);
        Assert.Contains("line", problem.Record, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoText_ThrowsMissingText()
    {
        using var folder = new EvalFixtures.TempFolder();
        var ann = folder.Write("lonely_2020-01-01_x_ab12.ann", "T1\tCue 0 4\tsaid\n");

        var ex = Assert.Throws<GoldFormatException>(() => BratReader.Read(ann, null, []));

        Assert.Equal(EvalErrors.MissingText, ex.Error.Code);
        Assert.Equal(ann, ex.Error.File);
    }
}

public class TimeMlReaderTests
{
    [Fact]
    public void Read_Fixture_StripsTagsAndRecomputesOffsets()
    {
        var set = TimeMlReader.ReadFolder(EvalFixtures.Path("time"));

        Assert.Empty(set.Problems);
        var doc = Assert.Single(set.Items);
        Assert.Equal(new DateOnly(2020, 5, 6), doc.CreationTime);
        Assert.DoesNotContain("<", doc.Text, StringComparison.Ordinal);
        Assert.Contains("Ships & ferries waited for hours", doc.Text, StringComparison.Ordinal);
        Assert.Equal(["Tuesday", "next month", "three days"], doc.Timexes.Select(t => t.Span.TextOf(doc.Text)));
        Assert.Equal(["2020-05-05", "2020-06", "P3D"], doc.Timexes.Select(t => t.Value));
        Assert.Equal("DURATION", doc.Timexes[2].Type);
    }

    [Theory]
    [InlineData("<TimeML><TEXT>On <TIMEX3 tid=\"t1\" value=\"XXXX-WXX-1\">Monday</TEXT></TimeML>", EvalErrors.Malformed)]
    [InlineData("<TimeML><TEXT>On <TIMEX3 tid=\"t1\" type=\"DATE\">Monday</TIMEX3></TEXT></TimeML>", EvalErrors.MissingField)]
    [InlineData("<TimeML><DOCID>x</DOCID></TimeML>", EvalErrors.MissingField)]
    public void Read_Malformed_ThrowsWithCodeAndFile(string xml, string code)
    {
        var ex = Assert.Throws<GoldFormatException>(() => TimeMlReader.Read(new StringReader(xml), "bad.tml"));

        Assert.Equal(code, ex.Error.Code);
        Assert.Equal("bad.tml", ex.Error.File);
    }

    [Fact]
    public void ReadFolder_OneBadFile_ReportsItAndReadsTheOthers()
    {
        using var folder = new EvalFixtures.TempFolder();
        folder.Write("a.tml", "<TimeML><TEXT>Today <TIMEX3 tid=\"t1\" value=\"2020-01-01\">now</TIMEX3></TEXT></TimeML>");
        folder.Write("b.tml", "<TimeML><TEXT>broken");

        var set = TimeMlReader.ReadFolder(folder.FolderPath);

        Assert.Single(set.Items);
        var problem = Assert.Single(set.Problems);
        Assert.EndsWith("b.tml", problem.File, StringComparison.Ordinal);
        Assert.Contains("line 1", problem.Record, StringComparison.Ordinal);
    }
}

public class GeoXmlReaderTests
{
    [Fact]
    public void Read_Fixture_ReadsToponymsRealignsOffsetsAndMapsCountries()
    {
        var set = GeoXmlReader.Read(EvalFixtures.Path("geo", "mini-lgl.xml"));

        Assert.Empty(set.Problems);
        var doc = Assert.Single(set.Items);
        Assert.Equal(new DateOnly(2020, 5, 6), doc.Date);
        Assert.Equal(3, doc.Toponyms.Count);
        Assert.All(doc.Toponyms, t => Assert.Equal(t.Phrase, t.Span.TextOf(doc.Text)));
        Assert.Equal(13, doc.Toponyms[0].Span.Start); // the gold said 12: moved onto "Lyon"
        Assert.Equal("FRA", doc.Toponyms[0].Country?.Value);
        Assert.Equal("CHE", doc.Toponyms[1].Country?.Value);
        Assert.Equal(46.20222, doc.Toponyms[1].Lat);
        Assert.Null(doc.Toponyms[2].Lat);
    }

    [Fact]
    public void Read_GeoWebNewsStyle_KeepsOnlyAnnotationsWithCoordinates()
    {
        const string xml = """
            <articles><article file="0"><text>People in Oslo and Norwegians met.</text><toponyms>
            <toponym><extractedName>Oslo</extractedName><type>Literal</type><start>10</start><end>14</end><latitude>59.91</latitude><longitude>10.75</longitude></toponym>
            <toponym><extractedName>Norwegians</extractedName><type>Demonym</type><start>19</start><end>29</end><latitude/><longitude/></toponym>
            </toponyms></article></articles>
            """;

        var doc = Assert.Single(GeoXmlReader.Read(new StringReader(xml), "gwn.xml").Items);

        Assert.Equal("Oslo", Assert.Single(doc.Toponyms).Phrase);
    }

    [Fact]
    public void Read_OffsetsFarFromPhrase_ReportsBadOffsets()
    {
        const string xml = "<articles><article docid=\"1\"><text>Rome is far.</text><toponyms><toponym><start>5</start><end>9</end><phrase>Oslo</phrase></toponym></toponyms></article></articles>";

        var set = GeoXmlReader.Read(new StringReader(xml), "g.xml");

        Assert.Empty(set.Items[0].Toponyms);
        Assert.Equal(EvalErrors.BadOffsets, Assert.Single(set.Problems).Code);
    }

    [Fact]
    public void Read_NotXml_ThrowsMalformedWithLine()
    {
        var ex = Assert.Throws<GoldFormatException>(() => GeoXmlReader.Read(new StringReader("<articles>\n<article>\n</articles>"), "g.xml"));

        Assert.Equal(EvalErrors.Malformed, ex.Error.Code);
        Assert.Contains("line 3", ex.Error.Record, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2009-03-20 12:24:52.002364-05", 2009, 3, 20)]
    [InlineData("Dec 17, 2016", 2016, 12, 17)]
    public void ParseDate_Forms_ReadTheDay(string value, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), GeoXmlReader.ParseDate(value));
}

public class Iob2ReaderTests
{
    [Fact]
    public void Read_Fixture_BuildsDocumentsAndEntitySpans()
    {
        var set = Iob2Reader.Read(EvalFixtures.Path("ner.iob2"));

        Assert.Empty(set.Problems);
        Assert.Equal(2, set.Items.Count);
        var doc = set.Items[0];
        Assert.Equal("mini-0001", doc.Id);
        Assert.Equal("Dana Ortiz visited Lisbon with the Harbor Trust .\n\nShe returned to Portugal .", doc.Text);
        Assert.Equal(["PER:Dana Ortiz", "LOC:Lisbon", "ORG:Harbor Trust", "LOC:Portugal"], doc.Entities.Select(e => $"{e.Type}:{e.Span.TextOf(doc.Text)}"));
        Assert.Equal(14, doc.Tokens.Count);
    }

    [Theory]
    [InlineData("# text = Coca-Cola left al-Sadr's city.\n", "Coca-Cola left al-Sadr's city.", "ORG:Coca-Cola")]
    [InlineData("# text = Something else entirely\n", "Coca - Cola left al - Sadr 's city .", "ORG:Coca - Cola")]
    [InlineData("", "Coca - Cola left al - Sadr 's city .", "ORG:Coca - Cola")]
    public void Read_TextLine_UsesTheWrittenSentenceWhenTokensAlign(string textLine, string expected, string entity)
    {
        var tokens = "1\tCoca\tB-ORG\n2\t-\tI-ORG\n3\tCola\tI-ORG\n4\tleft\tO\n5\tal\tO\n6\t-\tO\n7\tSadr\tO\n8\t's\tO\n9\tcity\tO\n10\t.\tO\n\n";
        var set = Iob2Reader.Read(new StringReader("# sent_id = s1\n" + textLine + tokens), "t.iob2");

        var doc = Assert.Single(set.Items);
        Assert.Equal(expected, doc.Text);
        Assert.Equal(entity, doc.Entities.Select(e => $"{e.Type}:{e.Span.TextOf(doc.Text)}").Single());
        Assert.All(doc.Tokens, t => Assert.False(t.IsEmpty));
    }

    [Fact]
    public void Read_NoNewDoc_OneDocumentPerSentence()
    {
        var set = Iob2Reader.Read(new StringReader("1\tA\tB-PER\n\n1\tB\tO\n2\tC\tI-LOC\n\n"), "x.iob2");

        Assert.Equal(2, set.Items.Count);
        Assert.Equal("LOC:C", set.Items[1].Entities.Select(e => $"{e.Type}:{e.Span.TextOf(set.Items[1].Text)}").Single());
    }

    [Theory]
    [InlineData("1\tA\n", EvalErrors.Malformed)]
    [InlineData("1\tA\tX-PER\n", EvalErrors.BadValue)]
    public void Read_BadLine_ReportsLineAndLeavesSentenceOut(string bad, string code)
    {
        var set = Iob2Reader.Read(new StringReader("1\tok\tO\n\n" + bad + "2\tthen\tO\n\n"), "bad.iob2");

        Assert.Single(set.Items);
        var problem = Assert.Single(set.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal("bad.iob2", problem.File);
        Assert.Contains("line 3", problem.Record, StringComparison.Ordinal);
    }
}

public class SeedGoldTests
{
    [Fact]
    public void Read_Fixture_ReadsEventsAttributionsAndMentions()
    {
        var gold = SeedGold.Read(EvalFixtures.Path("seed", "harbor.gold.json"));

        Assert.Equal(new DateOnly(2020, 5, 6), gold.Published);
        Assert.Equal(2, gold.Events.Count);
        Assert.True(gold.Events[0].Required);
        Assert.Equal(["2020-05-04"], gold.Events[0].Dates);
        Assert.True(gold.Events[0].Attribution!.Anonymous);
        Assert.True(gold.Events[1].Denied);
        Assert.True(gold.Events[1].Recipient!.Accepts(null));
        Assert.True(gold.Events[1].Recipient!.Accepts("GHA"));
        Assert.False(gold.Events[1].Recipient!.Accepts("USA"));
        Assert.Equal(2, gold.Attributions.Count);
        Assert.Equal(2, gold.Mentions.Count);
    }

    [Theory]
    [InlineData("{\"events\": [", EvalErrors.Malformed)]
    [InlineData("{\"document\": {}}", EvalErrors.MissingField)]
    [InlineData("{\"events\": [{\"id\": \"E1\", \"event\": [\"AGREE\"]}]}", EvalErrors.MissingField)]
    public void Parse_Malformed_ThrowsWithCode(string json, string code)
    {
        var ex = Assert.Throws<GoldFormatException>(() => SeedGold.Parse(json, "g.json"));

        Assert.Equal(code, ex.Error.Code);
        Assert.Equal("g.json", ex.Error.File);
    }
}
